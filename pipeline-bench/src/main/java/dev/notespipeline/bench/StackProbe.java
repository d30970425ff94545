package dev.notespipeline.bench;

import dev.notespipeline.contract.PipelineTopics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** Reads how far each stage of the running pipeline has got: its output topic's end offsets, the stored talks. */
final class StackProbe implements AutoCloseable {

    private final Admin admin;
    private final Connection database;

    StackProbe(String bootstrap, String jdbcUrl, String user, String password) throws SQLException {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        this.database = DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** Records ingest has written to notes.parsed. */
    long parsedRecords() throws Exception {
        return endOffsets(PipelineTopics.PARSED);
    }

    /** Records enrich has written to notes.enriched. */
    long enrichedRecords() throws Exception {
        return endOffsets(PipelineTopics.ENRICHED);
    }

    long storedTalks() throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery("SELECT count(*) FROM talk")) {
            result.next();
            return result.getLong(1);
        }
    }

    boolean noteStored(String noteId) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement("SELECT 1 FROM talk WHERE note_id = ? LIMIT 1")) {
            statement.setString(1, noteId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    String anyTalkId() throws SQLException {
        try (Statement statement = database.createStatement();
             ResultSet result = statement.executeQuery("SELECT id FROM talk ORDER BY id LIMIT 1")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    /**
     * Waits until PostgreSQL's autovacuum has analysed the tables a batch just filled: until then the planner works
     * from the statistics of the empty tables, and the talk page's plan reads every tagged talk (measured: 31 ms of
     * PostgreSQL's CPU per page at 20,000 talks against 2.5 ms once analysed, BENCHMARKS.md). Fresh enough is autovacuum's own rule:
     * fewer rows changed since the last analysis than 50 plus a tenth of the table. Nothing runs ANALYZE itself, so
     * the queries meet the database a deployed one would meet a minute after a large drop.
     *
     * @return how long it took
     */
    Duration awaitAnalyzed(Duration timeout) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        String stale = "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN ('talk', 'talk_topic', 'event', 'event_topic', 'note')"
                + " AND n_mod_since_analyze > 50 + 0.1 * n_live_tup";
        while (System.nanoTime() - start < timeout.toNanos()) {
            try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(stale)) {
                result.next();
                if (result.getLong(1) == 0) {
                    break;
                }
            }
            Thread.sleep(1_000);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private long endOffsets(String topic) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    @Override
    public void close() throws SQLException {
        admin.close();
        database.close();
    }
}
