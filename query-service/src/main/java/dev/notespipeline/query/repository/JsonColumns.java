package dev.notespipeline.query.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.Link;
import dev.notespipeline.contract.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the JSON the database keeps or builds (links, bullets, a talk's topics) into records. */
@ApplicationScoped
public class JsonColumns {

    static final TypeReference<List<Link>> LINKS = new TypeReference<>() { };
    static final TypeReference<List<Bullet>> BULLETS = new TypeReference<>() { };
    static final TypeReference<List<Segment>> SEGMENTS = new TypeReference<>() { };
    static final TypeReference<List<TopicScore>> TOPIC_SCORES = new TypeReference<>() { };
    static final TypeReference<List<TopicEvidence>> TOPIC_EVIDENCE = new TypeReference<>() { };

    private final ObjectMapper mapper;

    public JsonColumns(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** SQL NULL (a note from before layout reports) is null. */
    LayoutReport layout(String json) {
        return json == null ? null : read(json, new TypeReference<LayoutReport>() { });
    }

    /** SQL NULL (an aggregate over no rows) is an empty list. */
    <T> List<T> list(String json, TypeReference<List<T>> type) {
        return json == null ? List.of() : read(json, type);
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the database holds JSON this service did not write: " + e.getMessage(), e);
        }
    }
}
