package dev.notespipeline.query.rest;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The filters of the talk list, as query parameters: {@code GET /api/talks} and everything that counts or charts
 * the same talks (topics, facets, timeline) take them, read here once. {@link RequestParameters#talkFilter} checks
 * them.
 */
public class TalkFilterParameters {

    @QueryParam("topic")
    @Parameter(description = "Topic slug; repeat to require several. A parent topic includes its children.", example = "azure")
    public List<String> topics;

    @QueryParam("q")
    @Parameter(description = "Full-text search in title, speaker, text and event title; Japanese and English, "
            + "all words must match", example = "監視")
    public String q;

    @QueryParam("event")
    @Parameter(description = "Event id", example = "9b1c2d3e4f5a6b7c8d9e")
    public String event;

    @QueryParam("speaker")
    @Parameter(description = "Part of the speaker's name, case-insensitive", example = "hata")
    public String speaker;

    @QueryParam("speakerName")
    @Parameter(description = "The speaker's name exactly, as GET /api/facets and GET /api/speakers give it",
            example = "HiroHata")
    public String speakerName;

    @QueryParam("from")
    @Parameter(description = "Earliest event date, inclusive", example = "2022-01-01",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest event date, inclusive", example = "2022-12-31",
            schema = @Schema(type = SchemaType.STRING, format = "date"))
    public String to;
}
