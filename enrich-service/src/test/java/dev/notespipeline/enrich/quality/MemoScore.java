package dev.notespipeline.enrich.quality;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.quality.RealMemos.LabelledEvent;
import dev.notespipeline.enrich.quality.RealMemos.LabelledTalk;
import dev.notespipeline.enrich.quality.RealMemos.Labels;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one memo's parse and tags compare with its labels.
 *
 * <p>A labelled talk is found by the parsed talk that starts on its heading's line; a talk that is not a heading (a
 * table row, a bullet, prose), or whose heading line gave nothing, is found by its title, or by its speaker when it
 * has no title. Each parsed talk finds at most one labelled talk. Titles and speakers are compared after NFKC,
 * without case and white space; several speakers as a set.
 */
final class MemoScore {

    final String file;
    final int labelled;
    final int parsed;
    int found;
    int titlesRight;
    int speakersLabelled;
    int speakersRight;
    int eventsLabelled;
    int eventsFound;
    final Map<String, TopicTally> topics = new LinkedHashMap<>();
    final List<String> mistakes = new ArrayList<>();

    MemoScore(String file, String memo, Labels labels, ParsedNote note, Map<String, List<TopicTag>> talkTopics,
            List<String> topicSlugs) {
        this.file = file;
        topicSlugs.forEach(slug -> topics.put(slug, new TopicTally()));
        List<Talk> talks = note.events().stream().flatMap(event -> event.talks().stream()).toList();
        this.labelled = labels.talks().size();
        this.parsed = talks.size();
        Map<LabelledTalk, Talk> matches = match(memo, labels.talks(), talks);
        Set<Talk> matched = new HashSet<>(matches.values());

        for (LabelledTalk label : labels.talks()) {
            Talk talk = matches.get(label);
            Set<String> expected = Set.copyOf(label.topics());
            Set<String> tagged = talk == null ? Set.of() : slugs(talkTopics.get(talk.id()));
            topics.forEach((slug, tally) -> tally.add(expected.contains(slug), tagged.contains(slug)));
            if (label.speaker() != null) {
                speakersLabelled++;
            }
            if (talk == null) {
                mistakes.add("missed: " + label.name());
                continue;
            }
            found++;
            if (Objects.equals(comparable(label.title()), comparable(talk.title()))) {
                titlesRight++;
            } else {
                mistakes.add("title: '" + talk.title() + "' should be '" + label.title() + "'");
            }
            if (label.speaker() != null && speakers(label.speaker()).equals(speakers(talk.speaker()))) {
                speakersRight++;
            } else if (!speakers(label.speaker()).equals(speakers(talk.speaker()))) {
                mistakes.add("speaker of " + label.name() + ": '" + talk.speaker() + "' should be '" + label.speaker() + "'");
            }
            if (!expected.equals(tagged)) {
                mistakes.add("topics of " + label.name() + ": " + new TreeSet<>(tagged) + " should be " + new TreeSet<>(expected)
                        + evidence(talkTopics.get(talk.id()), expected));
            }
        }
        for (Talk talk : talks) {
            if (!matched.contains(talk)) {
                Set<String> tagged = slugs(talkTopics.get(talk.id()));
                topics.forEach((slug, tally) -> tally.add(false, tagged.contains(slug)));
                mistakes.add("not a labelled talk: '" + talk.title() + "' (line " + talk.line() + ", speaker " + talk.speaker() + ")");
            }
        }
        for (LabelledEvent event : labels.events()) {
            eventsLabelled++;
            String title = comparable(event.title());
            if (note.events().stream().map(NoteEvent::title).map(MemoScore::comparable).filter(Objects::nonNull)
                    .anyMatch(parsedTitle -> parsedTitle.contains(title) || title.contains(parsedTitle))) {
                eventsFound++;
            } else {
                mistakes.add("event missed: " + event.title() + " (parsed: "
                        + note.events().stream().map(NoteEvent::title).toList() + ")");
            }
        }
    }

    private static Map<LabelledTalk, Talk> match(String memo, List<LabelledTalk> labels, List<Talk> talks) {
        Map<LabelledTalk, Talk> matches = new LinkedHashMap<>();
        Set<Talk> taken = new HashSet<>();
        List<String> lines = memo.lines().toList();
        for (LabelledTalk label : labels) {
            if (label.heading() == null) {
                continue;
            }
            Set<Integer> headingLines = new HashSet<>();
            for (int i = 0; i < lines.size(); i++) {
                if (headingText(lines.get(i)).equals(label.heading().strip())) {
                    headingLines.add(i + 1);
                }
            }
            talks.stream().filter(talk -> !taken.contains(talk) && headingLines.contains(talk.line())).findFirst()
                    .ifPresent(talk -> {
                        matches.put(label, talk);
                        taken.add(talk);
                    });
        }
        for (LabelledTalk label : labels) {
            if (matches.containsKey(label)) {
                continue;
            }
            Function<Talk, Boolean> same = label.title() != null
                    ? talk -> similar(comparable(label.title()), comparable(talk.title()))
                    : talk -> talk.speaker() != null && speakers(label.speaker()).equals(speakers(talk.speaker()));
            talks.stream().filter(talk -> !taken.contains(talk) && same.apply(talk)).findFirst().ifPresent(talk -> {
                matches.put(label, talk);
                taken.add(talk);
            });
        }
        return matches;
    }

    /** A Markdown heading line's text: without its opening and closing hashes. */
    private static String headingText(String line) {
        String text = line.strip();
        if (!text.startsWith("#")) {
            return text;
        }
        text = text.replaceFirst("^#{1,6}\\s*", "").replaceFirst("\\s+#+\\s*$", "");
        return text.strip();
    }

    private static boolean similar(String a, String b) {
        return a != null && b != null && !a.isEmpty() && !b.isEmpty() && (a.contains(b) || b.contains(a));
    }

    static String comparable(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static Set<String> speakers(String text) {
        if (text == null) {
            return Set.of();
        }
        return Arrays.stream(text.split("\\s+/\\s+|[、,&／/]")).map(MemoScore::comparable)
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet());
    }

    /** The evidence of the tags that should not be there: what to look at when tuning the taxonomy. */
    private static String evidence(List<TopicTag> tags, Set<String> expected) {
        if (tags == null) {
            return "";
        }
        return tags.stream().filter(tag -> !expected.contains(tag.slug()))
                .map(tag -> " " + tag.slug() + "=" + tag.evidence().stream()
                        .map(e -> e.term() + "@" + e.field() + "x" + e.count()).toList())
                .collect(Collectors.joining());
    }

    private static Set<String> slugs(List<TopicTag> tags) {
        return tags == null ? Set.of() : tags.stream().map(TopicTag::slug).collect(Collectors.toSet());
    }

    /** Counts for one topic over the labelled talks and the parsed talks that match none. */
    static final class TopicTally {

        int truePositives;
        int falsePositives;
        int falseNegatives;

        void add(boolean expected, boolean found) {
            if (expected && found) {
                truePositives++;
            } else if (found) {
                falsePositives++;
            } else if (expected) {
                falseNegatives++;
            }
        }

        void addAll(TopicTally other) {
            truePositives += other.truePositives;
            falsePositives += other.falsePositives;
            falseNegatives += other.falseNegatives;
        }

        int relevant() {
            return truePositives + falseNegatives;
        }

        double precision() {
            int tagged = truePositives + falsePositives;
            return tagged == 0 ? 1 : (double) truePositives / tagged;
        }

        double recall() {
            return relevant() == 0 ? 1 : (double) truePositives / relevant();
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
