package dev.notespipeline.query.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An opaque cursor: the position of the next page. */
final class PageCursor {

    private static final String PREFIX = "o:";

    private PageCursor() {
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** @return the offset the cursor points at; 0 for no cursor */
    static int decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the same answer as any other cursor we did not hand out.
        }
        throw ProblemException.badRequest("cursor is not one this API handed out");
    }
}
