package dev.notespipeline.query.rest;

import java.util.List;

/** One page of talks; {@code nextCursor} fetches the next one, null on the last page. */
public record TalkPage(List<TalkView> items, String nextCursor) {
}
