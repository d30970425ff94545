package dev.notespipeline.query.repository;

import jakarta.persistence.Query;
import java.util.HashMap;
import java.util.Map;

/** A WHERE clause built from fixed SQL fragments, every user value bound as a parameter. */
final class SqlWhere {

    private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    SqlWhere and(String fragment) {
        sql.append(" AND ").append(fragment);
        return this;
    }

    SqlWhere bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    <Q extends Query> Q bindTo(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }

    /** A LIKE pattern finding {@code text} anywhere, its wildcards taken literally (escape character backslash). */
    static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
