package dev.notespipeline.query.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A WHERE clause built from fixed SQL fragments, every user value bound as a positional parameter. */
final class SqlWhere {

    private final StringBuilder sql = new StringBuilder(" WHERE TRUE");
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code fragment}; {@code values} fill its {@code ?}s in order. */
    SqlWhere and(String fragment, Object... values) {
        sql.append(" AND ").append(fragment);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> parameters() {
        return parameters;
    }

    /** A LIKE pattern finding {@code text} anywhere, its wildcards taken literally (escape character backslash). */
    static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
