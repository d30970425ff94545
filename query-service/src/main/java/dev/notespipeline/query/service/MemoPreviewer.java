package dev.notespipeline.query.service;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.query.client.PreviewClient;
import dev.notespipeline.query.client.UpstreamException;
import dev.notespipeline.query.config.PreviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the pipeline would read a memo, stored nowhere: ingest parses it, enrich tags each talk from its title, text
 * and event title. The event's overview and impressions are not sent (the tag preview takes no such field), so a
 * topic only they would earn is missing here.
 */
@ApplicationScoped
public class MemoPreviewer {

    @Inject
    PreviewClient client;

    @Inject
    PreviewConfig config;

    /**
     * @param topics topics per talk id, for the talks that were tagged
     * @param warnings what the preview could not show (enrich unreachable, too many talks)
     */
    public record Preview(String name, ParsedNote note, String taxonomyVersion, Map<String, List<TopicTag>> topics,
                          List<String> warnings) {
    }

    public Preview preview(String name, byte[] memo) {
        ParsedNote note = client.parse(name, memo);
        Map<String, List<TopicTag>> topics = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        String taxonomyVersion = null;
        int tagged = 0;
        try {
            for (NoteEvent event : note.events()) {
                for (Talk talk : event.talks()) {
                    if (tagged == config.maxTaggedTalks()) {
                        warnings.add("only the first " + tagged + " of " + note.talkCount() + " talks were tagged");
                        return new Preview(name, note, taxonomyVersion, topics, warnings);
                    }
                    PreviewClient.TagPreview tags = client.tag(talk.title(), talk.text(), event.title());
                    taxonomyVersion = tags.taxonomyVersion();
                    topics.put(talk.id(), tags.topics() == null ? List.of() : tags.topics());
                    tagged++;
                }
            }
        } catch (UpstreamException e) {
            // The parse is what the user asked for most; it is shown without topics rather than not at all.
            warnings.add("topics are not shown: " + e.getMessage());
        }
        return new Preview(name, note, taxonomyVersion, topics, warnings);
    }
}
