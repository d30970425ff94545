package dev.notespipeline.query.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** The little JDBC the repositories share: binding parameters, reading rows, and failures as unchecked exceptions. */
final class Jdbc {

    /** Reads one row; a checked SQLException is turned into {@link DatabaseException} by the caller. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    /** Runs one query on a connection of its own (auto-commit: a read needs no transaction). */
    static <T> List<T> query(DataSource dataSource, String sql, List<?> parameters, RowReader<T> reader) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, parameters, reader);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    static <T> List<T> query(Connection connection, String sql, List<?> parameters, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(reader.read(rows));
                }
                return result;
            }
        }
    }

    static void bind(PreparedStatement statement, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }

    /** A text[] parameter, for {@code = ANY(?)}. */
    static java.sql.Array texts(Connection connection, Collection<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
