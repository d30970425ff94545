package dev.notespipeline.query.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a keyset-paged list, for every list of the API: reads the cursor, asks for one row more than the page
 * to know whether another page follows, and hands out the cursor of the page's last row.
 */
@ApplicationScoped
public class KeysetPager {

    private final CursorCodec cursors;

    public KeysetPager(CursorCodec cursors) {
        this.cursors = cursors;
    }

    /** A page of rows and the cursor of the next page, null on the last. */
    public record Page<T>(List<T> rows, String nextCursor) {
    }

    /**
     * @param kind what the cursor is for; a cursor of another kind is refused
     * @param fetch the rows after a position (null: from the start), at most the given number
     * @param positionOf where a row stands in the order
     */
    public <T, P> Page<T> page(String kind, String cursor, Class<P> positionType, int limit,
                               BiFunction<P, Integer, List<T>> fetch, Function<T, P> positionOf) {
        P after = cursors.decode(kind, cursor, positionType);
        List<T> found = fetch.apply(after, limit + 1);
        if (found.size() <= limit) {
            return new Page<>(found, null);
        }
        List<T> rows = found.subList(0, limit);
        return new Page<>(rows, cursors.encode(kind, positionOf.apply(rows.get(rows.size() - 1))));
    }
}
