package dev.notespipeline.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server started from zonky's binaries, with one application database.
 *
 * <p>Given a data directory it keeps its data there between runs, with PostgreSQL's durable defaults (fsync,
 * synchronous commit); given none it starts empty and skips flushing to disk, which tests do not need.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts the server on {@code port} (0 picks a free one) and creates {@code database} if it is missing.
     *
     * @param dataDir where to keep the data between runs, or null for a throw-away server
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database) {
        int serverPort = port == 0 ? FreePorts.pick() : port;
        FreePorts.requireFree(serverPort, "PostgreSQL");
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(serverPort)
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (dataDir != null) {
                // zonky starts PostgreSQL with -F (no fsync) and synchronous_commit=off, fine for a throw-away test
                // server; a kept data directory must survive a crash of the machine like any PostgreSQL's would.
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, database);
            return new EmbeddedPostgresServer(postgres, database);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + serverPort, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, database).replaceFirst("\\?.*$", "");
    }

    public String username() {
        return USER;
    }

    /** The embedded server trusts local connections; any password is accepted. */
    public String password() {
        return USER;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }
}
