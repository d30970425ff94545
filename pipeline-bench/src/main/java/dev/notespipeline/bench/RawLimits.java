package dev.notespipeline.bench;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.parser.NoteParser;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * What each stage's own tools can do on the same corpus, without the pipeline around them: flexmark parsing on one
 * thread, Kafka produce and consume with plain clients, PostgreSQL COPY of the same talk rows.
 */
final class RawLimits {

    /** Throughput of one part, in talks per second (and notes per second where notes are the unit). */
    record Limit(String name, long notes, long talks, Duration elapsed) {
        double talksPerSecond() {
            return talks / seconds();
        }

        double notesPerSecond() {
            return notes / seconds();
        }

        double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }
    }

    private RawLimits() {
    }

    /** Parses every memo on one thread, after a warm-up pass over the first few hundred. */
    static List<ParsedNote> parse(List<String> keys, List<String> memos, List<Limit> out) {
        NoteParser parser = new NoteParser();
        for (int i = 0; i < Math.min(300, memos.size()); i++) {
            parser.parse(keys.get(i), memos.get(i), 1, "warm-up", Instant.EPOCH);
        }
        List<ParsedNote> notes = new ArrayList<>(memos.size());
        long start = System.nanoTime();
        for (int i = 0; i < memos.size(); i++) {
            notes.add(parser.parse(keys.get(i), memos.get(i), 1, "bench", Instant.EPOCH));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        out.add(new Limit("flexmark parsing, 1 thread", notes.size(), talks(notes), elapsed));
        return notes;
    }

    /** Produces the parsed notes' JSON with ingest's producer settings, then consumes them all back. */
    static Limit kafka(String bootstrap, List<ParsedNote> notes) throws Exception {
        String topic = "bench.raw." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        List<String> payloads = notes.stream().map(NoteJson::write).toList();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "33554432");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < payloads.size(); i++) {
                producer.send(new ProducerRecord<>(topic, notes.get(i).noteId(), payloads.get(i)));
            }
            producer.flush();
        }
        long consumed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consumed < payloads.size()) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                consumed += records.count();
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
        return new Limit("Kafka produce + consume, plain clients", notes.size(), talks(notes), elapsed);
    }

    /** The two COPY limits of the query stage, from the same rows. */
    record CopyLimits(Limit bare, Limit likeTalk) {
    }

    /**
     * COPYs one row per talk, the columns query-service stores, into a scratch table with only a primary key, and then
     * into one like query-service's {@code talk}: its generated tsvector columns, its GIN and B-tree indexes (not its
     * foreign keys), so what PostgreSQL pays per stored talk, without the service's round trips.
     */
    static CopyLimits copy(String jdbcUrl, String user, String password, List<ParsedNote> notes) throws SQLException {
        String rows = talkRows(notes);
        return new CopyLimits(
                copy(jdbcUrl, user, password, notes, rows, "PostgreSQL COPY of the talk rows",
                        "CREATE TABLE bench_talk (id TEXT PRIMARY KEY, event_id TEXT, note_id TEXT, position INT, "
                                + "title TEXT, speaker TEXT, line INT, text TEXT, bullets JSONB, links JSONB, search_text TEXT)"),
                copy(jdbcUrl, user, password, notes, rows, "PostgreSQL COPY into a table like talk (its indexes, generated columns)",
                        "CREATE TABLE bench_talk (LIKE talk INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING INDEXES)"));
    }

    /** One CSV row per talk, in the columns both COPYs name. */
    private static String talkRows(List<ParsedNote> notes) {
        StringBuilder csv = new StringBuilder();
        for (ParsedNote note : notes) {
            for (NoteEvent event : note.events()) {
                int position = 0;
                for (Talk talk : event.talks()) {
                    csv.append(quote(talk.id())).append(',').append(quote(event.id())).append(',').append(quote(note.noteId()))
                            .append(',').append(position++).append(',').append(quote(talk.title())).append(',')
                            .append(quote(talk.speaker())).append(',').append(talk.line()).append(',').append(quote(talk.text()))
                            .append(',').append(quote(NoteJson.write(talk.bullets()))).append(',')
                            .append(quote(NoteJson.write(talk.links()))).append(',')
                            // The text query-service searches: title, speaker and text (segmented by enrich in the pipeline).
                            .append(quote(String.join(" ", Objects.toString(talk.title(), ""), Objects.toString(talk.speaker(), ""),
                                    talk.text())))
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    private static Limit copy(String jdbcUrl, String user, String password, List<ParsedNote> notes, String rows,
            String name, String createTable) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_talk");
            statement.execute(createTable);
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_talk (id, event_id, note_id, position, "
                    + "title, speaker, line, text, bullets, links, search_text) FROM STDIN WITH (FORMAT csv)",
                    new StringReader(rows));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            statement.execute("DROP TABLE bench_talk");
            return new Limit(name, notes.size(), talks(notes), elapsed);
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    static long talks(List<ParsedNote> notes) {
        return notes.stream().mapToLong(ParsedNote::talkCount).sum();
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
