package dev.notespipeline.query.rest;

import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.repository.TalkFilter;
import dev.notespipeline.query.repository.TopicRepository;
import dev.notespipeline.text.WordSegmenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Reads query parameters as text and checks them here, so every bad value gets a 400 that says what is wrong
 * (the framework's own conversion would answer 404 or a bare 400).
 */
@ApplicationScoped
public class RequestParameters {

    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    /** Longer than any title, name or search a person types; longer input is refused, not searched. */
    static final int MAX_TEXT_LENGTH = 200;

    @Inject
    TopicRepository topicRepository;

    public int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String value = text("limit", limit);
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Answered below, like any other value out of range.
        }
        throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got '" + abbreviate(value) + "'");
    }

    /** The filters of {@code GET /api/talks}, and of everything that counts or charts the same talks. */
    public TalkFilter talkFilter(TalkFilterParameters filter) {
        LocalDate fromDate = date("from", filter.from);
        LocalDate toDate = date("to", filter.to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw ProblemException.badRequest("from (" + fromDate + ") is after to (" + toDate + ")");
        }
        return new TalkFilter(topics(filter.topics), searchWords(filter.q), optional("event", filter.event),
                optional("speaker", filter.speaker), optional("speakerName", filter.speakerName), fromDate, toDate);
    }

    /** Topic slugs, each one a topic some note carried. */
    public List<String> topics(List<String> topics) {
        if (topics == null) {
            return List.of();
        }
        List<String> slugs = topics.stream().filter(slug -> slug != null && !slug.isEmpty())
                .map(slug -> text("topic", slug)).distinct().toList();
        for (String slug : slugs) {
            if (!topicRepository.isKnown(slug)) {
                throw ProblemException.badRequest("unknown topic '" + abbreviate(slug) + "': GET /api/topics lists the topics");
            }
        }
        return slugs;
    }

    private static List<String> searchWords(String q) {
        String query = optional("q", q);
        if (query == null) {
            return List.of();
        }
        List<String> words = WordSegmenter.words(query);
        if (words.isEmpty()) {
            throw ProblemException.badRequest("q has no words to search for: '" + abbreviate(query) + "'");
        }
        return words;
    }

    private static LocalDate date(String name, String value) {
        String text = optional(name, value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date such as 2022-12-01, got '" + abbreviate(text) + "'");
        }
    }

    /** Blank counts as absent. */
    static String optional(String name, String value) {
        return value == null || value.isBlank() ? null : text(name, value);
    }

    /** Text PostgreSQL can take: not too long, no control characters (it refuses NUL outright). */
    static String text(String name, String value) {
        if (value.length() > MAX_TEXT_LENGTH) {
            throw ProblemException.badRequest(name + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest(name + " contains control characters");
        }
        return value;
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
