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
import dev.notespipeline.enrich.taxonomy.TextField;
import dev.notespipeline.enrich.taxonomy.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tags a note's talks and events with the taxonomy's topics, keeping the evidence for every tag.
 *
 * <p>A talk is judged on its own title and text plus its event's title, overview and impressions, so a
 * talk at "Tokyo Jazug Night" is about Azure even if its own text never says so; one talk's text never
 * counts for another. Thread-safe.
 */
public final class TopicTagger {

    private final Taxonomy taxonomy;
    private final List<TopicTerms> topicTerms;

    public TopicTagger(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.topicTerms = taxonomy.topics().stream().map(TopicTerms::new).toList();
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public EnrichedNote tag(ParsedNote note) {
        Map<String, List<TopicTag>> talkTopics = new HashMap<>();
        Map<String, List<TopicTag>> eventTopics = new HashMap<>();
        for (NoteEvent event : note.events()) {
            // Segmented once per event, not once per talk: every talk of the event reads the same event fields.
            Map<String, List<MatchableText>> eventTexts = new LinkedHashMap<>();
            eventTexts.put(TextField.EVENT_TITLE.key(), MatchableText.lines(event.title()));
            eventTexts.put(TextField.EVENT_OVERVIEW.key(), MatchableText.lines(Bullet.plainText(event.overview())));
            eventTexts.put(TextField.EVENT_IMPRESSIONS.key(), MatchableText.lines(Bullet.plainText(event.impressions())));
            eventTopics.put(event.id(), tagTexts(eventTexts));
            for (Talk talk : event.talks()) {
                Map<String, List<MatchableText>> texts = new LinkedHashMap<>();
                texts.put(TextField.TALK_TITLE.key(), MatchableText.lines(talk.title()));
                texts.put(TextField.TALK_TEXT.key(), MatchableText.lines(talk.text()));
                texts.putAll(eventTexts);
                talkTopics.put(talk.id(), tagTexts(texts));
            }
        }
        return new EnrichedNote(NoteJson.SCHEMA_VERSION, note, taxonomy.version(), talkTopics, eventTopics);
    }

    /**
     * The topics of one talk (or event) in taxonomy order, parents included.
     *
     * @param fields text per field key ({@link TextField}); a field the taxonomy gives no weight does not count
     */
    public List<TopicTag> tag(Map<String, String> fields) {
        Map<String, List<MatchableText>> texts = new LinkedHashMap<>();
        fields.forEach((field, text) -> texts.put(field, MatchableText.lines(text)));
        return tagTexts(texts);
    }

    private List<TopicTag> tagTexts(Map<String, List<MatchableText>> texts) {
        Map<String, TopicTag> tags = new HashMap<>();
        for (TopicTerms terms : topicTerms) {
            match(terms, texts).ifPresent(tag -> tags.put(tag.slug(), tag));
        }
        addParents(tags);
        List<TopicTag> ordered = new ArrayList<>();
        for (Topic topic : taxonomy.topics()) {
            Optional.ofNullable(tags.get(topic.slug())).ifPresent(ordered::add);
        }
        return ordered;
    }

    /**
     * Scores one topic on one talk's fields, line by line, so a topic must be what the notes are about, not a word
     * they pass by:
     * <ul>
     *   <li>a line that names a term of the topic scores its field's weight once, however many terms it names
     *       ("OpenShift, PCF, K8S" in one line is one passing mention); so does a line with two different weak
     *       terms (Lambda and S3 together are AWS);</li>
     *   <li>a line with one weak term only scores a quarter of the weight, and weak terms never tag without a strong
     *       term or a second weak word ("containers" is the same word as "container");</li>
     *   <li>a talk's notes ({@code talk.text}) score one weight more when their first line names the topic (notes
     *       usually open with their subject), and one more when at least half their lines do.</li>
     * </ul>
     */
    private Optional<TopicTag> match(TopicTerms terms, Map<String, List<MatchableText>> texts) {
        Topic topic = terms.topic();
        Map<Evidence, Integer> strong = new LinkedHashMap<>();
        Map<Evidence, Integer> weak = new LinkedHashMap<>();
        Set<String> weakWords = new HashSet<>();
        double score = 0;
        boolean anyStrong = false;
        for (Map.Entry<String, List<MatchableText>> field : texts.entrySet()) {
            double weight = taxonomy.weight(topic, field.getKey());
            if (weight <= 0) {
                continue;
            }
            List<MatchableText> lines = field.getValue();
            int matchedLines = 0;
            for (int i = 0; i < lines.size(); i++) {
                boolean strongLine = false;
                Set<String> lineWeakWords = new HashSet<>();
                for (Map.Entry<TermMatcher, Integer> match : terms.count(lines.get(i)).entrySet()) {
                    Evidence key = new Evidence(match.getKey().term(), field.getKey(), 0);
                    if (terms.isWeak(match.getKey())) {
                        weak.merge(key, match.getValue(), Integer::sum);
                        lineWeakWords.add(word(match.getKey().term()));
                    } else {
                        strong.merge(key, match.getValue(), Integer::sum);
                        strongLine = true;
                    }
                }
                weakWords.addAll(lineWeakWords);
                strongLine |= lineWeakWords.size() >= 2;
                if (strongLine || !lineWeakWords.isEmpty()) {
                    matchedLines++;
                }
                score += strongLine ? weight : lineWeakWords.isEmpty() ? 0 : weight / 4;
                anyStrong |= strongLine;
                if (strongLine && i == 0 && field.getKey().equals(TextField.TALK_TEXT.key())) {
                    score += weight;
                }
            }
            if (field.getKey().equals(TextField.TALK_TEXT.key()) && matchedLines > 0 && matchedLines * 2 >= lines.size()) {
                score += weight;
            }
        }
        boolean corroborated = anyStrong || weakWords.size() >= 2;
        if (!corroborated || score < topic.threshold()) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        strong.forEach((key, count) -> evidence.add(new Evidence(key.term(), key.field(), count)));
        weak.forEach((key, count) -> evidence.add(new Evidence(key.term(), key.field(), count)));
        return Optional.of(new TopicTag(topic.slug(), topic.label(), topic.parent(), scaled(score, topic), evidence));
    }

    /** A term as a word: lower case, without a plural s, so "containers" and "container" are one word. */
    private static String word(String term) {
        String lower = term.toLowerCase(Locale.ROOT);
        return lower.length() > 3 && lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * A talk about EKS is a talk about Kubernetes: a parent takes the best score of its tagged children and its
     * own, and the evidence of all of them.
     */
    private void addParents(Map<String, TopicTag> tags) {
        for (TopicTag child : List.copyOf(tags.values())) {
            TopicTag below = child;
            for (String slug = child.parent(); slug != null; slug = below.parent()) {
                Topic parent = taxonomy.topic(slug).orElseThrow();
                TopicTag own = tags.get(slug);
                LinkedHashSet<Evidence> evidence = new LinkedHashSet<>(own == null ? List.of() : own.evidence());
                evidence.addAll(below.evidence());
                double score = own == null ? below.score() : Math.max(own.score(), below.score());
                below = new TopicTag(parent.slug(), parent.label(), parent.parent(), score, List.copyOf(evidence));
                tags.put(slug, below);
            }
        }
    }

    /** Reaching the threshold scores 0.5; twice the threshold or more scores 1. */
    private static double scaled(double raw, Topic topic) {
        double score = Math.min(1.0, raw / (2 * topic.threshold()));
        return Math.round(score * 100) / 100.0;
    }

    /** A topic's terms, ready to match. */
    private static final class TopicTerms {

        private final Topic topic;
        private final List<TermMatcher> matchers = new ArrayList<>();
        private final Set<TermMatcher> weak = new HashSet<>();
        private final Set<TermMatcher> excluded = new HashSet<>();

        TopicTerms(Topic topic) {
            this.topic = topic;
            topic.terms().forEach(term -> matchers.add(new TermMatcher(term)));
            topic.weakTerms().forEach(term -> weak.add(add(term)));
            topic.excludeTerms().forEach(term -> excluded.add(add(term)));
        }

        private TermMatcher add(String term) {
            TermMatcher matcher = new TermMatcher(term);
            matchers.add(matcher);
            return matcher;
        }

        Topic topic() {
            return topic;
        }

        boolean isWeak(TermMatcher matcher) {
            return weak.contains(matcher);
        }

        /**
         * How often each term occurs in {@code text}, the longest term winning where terms overlap: in
         * "Amazon EKS" the term {@code Amazon EKS} matches, and {@code EKS} is not counted a second time; in
         * "監視カメラ" the exclude term wins and 監視 is not counted at all.
         */
        Map<TermMatcher, Integer> count(MatchableText text) {
            List<Occurrence> occurrences = new ArrayList<>();
            for (TermMatcher matcher : matchers) {
                matcher.find(text).forEach(span -> occurrences.add(new Occurrence(matcher, span)));
            }
            occurrences.sort(Comparator.comparingInt((Occurrence occurrence) -> -occurrence.span().length())
                    .thenComparingInt(occurrence -> occurrence.span().start()));
            List<TermMatcher.Span> taken = new ArrayList<>();
            Map<TermMatcher, Integer> counts = new LinkedHashMap<>();
            for (Occurrence occurrence : occurrences) {
                if (taken.stream().noneMatch(occurrence.span()::overlaps)) {
                    taken.add(occurrence.span());
                    if (!excluded.contains(occurrence.matcher())) {
                        counts.merge(occurrence.matcher(), 1, Integer::sum);
                    }
                }
            }
            Map<TermMatcher, Integer> inTaxonomyOrder = new LinkedHashMap<>();
            matchers.stream().filter(counts::containsKey).forEach(matcher -> inTaxonomyOrder.put(matcher, counts.get(matcher)));
            return inTaxonomyOrder;
        }
    }

    private record Occurrence(TermMatcher matcher, TermMatcher.Span span) {
    }
}
