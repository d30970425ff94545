package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of talks; {@code nextCursor} fetches the next one, null on the last page. */
@Schema(name = "TalkPage")
public record TalkPage(List<TalkView> items,
                       @Schema(description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
