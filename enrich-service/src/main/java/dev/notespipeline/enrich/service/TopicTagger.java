package dev.notespipeline.enrich.service;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.Evidence;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.taxonomy.Taxonomy;
import dev.notespipeline.enrich.taxonomy.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags a note's talks and events with the taxonomy's topics, keeping the evidence for every tag.
 *
 * <p>A talk is judged on its own title and text plus its event's title, overview and impressions, so a
 * talk at "Tokyo Jazug Night" is about Azure even if its own text never says so; one talk's text never
 * counts for another.
 */
public final class TopicTagger {

    public static final String TALK_TITLE = "talk.title";
    public static final String TALK_TEXT = "talk.text";
    public static final String EVENT_TITLE = "event.title";
    public static final String EVENT_OVERVIEW = "event.overview";
    public static final String EVENT_IMPRESSIONS = "event.impressions";

    private final Taxonomy taxonomy;
    private final Map<Topic, List<NamedMatcher>> matchers = new LinkedHashMap<>();

    public TopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        for (Topic topic : taxonomy.topics()) {
            matchers.put(topic, topic.terms().stream().map(term -> new NamedMatcher(term, new TermMatcher(term))).toList());
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public EnrichedNote tag(ParsedNote note) {
        Map<String, List<TopicTag>> talkTopics = new HashMap<>();
        Map<String, List<TopicTag>> eventTopics = new HashMap<>();
        for (NoteEvent event : note.events()) {
            Map<String, String> eventFields = new LinkedHashMap<>();
            eventFields.put(EVENT_TITLE, event.title());
            eventFields.put(EVENT_OVERVIEW, Bullet.plainText(event.overview()));
            eventFields.put(EVENT_IMPRESSIONS, Bullet.plainText(event.impressions()));
            eventTopics.put(event.id(), tag(eventFields));
            for (Talk talk : event.talks()) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put(TALK_TITLE, talk.title());
                fields.put(TALK_TEXT, talk.text());
                fields.putAll(eventFields);
                talkTopics.put(talk.id(), tag(fields));
            }
        }
        return new EnrichedNote(NoteJson.SCHEMA_VERSION, note, taxonomy.version(), talkTopics, eventTopics);
    }

    /** @param fields text per field name */
    public List<TopicTag> tag(Map<String, String> fields) {
        Map<String, String> normalized = new LinkedHashMap<>();
        fields.forEach((field, text) -> normalized.put(field, TermMatcher.normalize(text)));
        Map<String, TopicTag> tags = new LinkedHashMap<>();
        for (Map.Entry<Topic, List<NamedMatcher>> entry : matchers.entrySet()) {
            Topic topic = entry.getKey();
            List<Evidence> evidence = new ArrayList<>();
            double raw = 0;
            for (NamedMatcher matcher : entry.getValue()) {
                for (Map.Entry<String, String> field : normalized.entrySet()) {
                    int count = matcher.matcher().count(field.getValue());
                    if (count > 0) {
                        evidence.add(new Evidence(matcher.term(), field.getKey(), count));
                        raw += count * taxonomy.weight(field.getKey());
                    }
                }
            }
            if (raw >= topic.threshold()) {
                tags.put(topic.slug(), new TopicTag(topic.slug(), topic.label(), topic.parent(), score(raw, topic), evidence));
            }
        }
        addParents(tags);
        return List.copyOf(tags.values());
    }

    /** A talk about EKS is a talk about Kubernetes: parents inherit the child's score and evidence. */
    private void addParents(Map<String, TopicTag> tags) {
        for (TopicTag tag : List.copyOf(tags.values())) {
            String parentSlug = tag.parent();
            while (parentSlug != null && !tags.containsKey(parentSlug)) {
                Topic parent = taxonomy.topic(parentSlug).orElseThrow();
                tags.put(parentSlug, new TopicTag(parent.slug(), parent.label(), parent.parent(), tag.score(), tag.evidence()));
                parentSlug = parent.parent();
            }
        }
    }

    /** Reaching the threshold scores 0.5; twice the threshold or more scores 1. */
    private static double score(double raw, Topic topic) {
        double score = Math.min(1.0, raw / (2 * topic.threshold()));
        return Math.round(score * 100) / 100.0;
    }

    private record NamedMatcher(String term, TermMatcher matcher) {
    }
}
