package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.parser.NoteParser;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares what query-service stores with what the parser finds in the bucket's files, file by file: every file is
 * either published (ingest's ledger says ok for its very bytes) with exactly its talks stored, or rejected with a
 * reason and none of its talks stored; no talk is stored for a file that is gone.
 *
 * @param files files in the bucket
 * @param published files the ledger holds as ok for their current bytes
 * @param rejected files the ledger holds as rejected, each with its reason
 * @param expectedTalks talks the parser finds in the published files
 * @param storedTalks talks query-service stores
 * @param lost talks of a published file that query-service does not store
 * @param extra talks query-service stores that no file of the bucket has (deleted, stale or rejected)
 * @param unsettled files the ledger does not hold for their current bytes yet, or whose stored version is older
 * @param rejections key → reason of every rejected file
 * @param problems the first few discrepancies in words
 */
record TalkCensus(int files, int published, int rejected, int expectedTalks, int storedTalks, int lost, int extra,
        int unsettled, Map<String, String> rejections, List<String> problems) {

    private static final int PROBLEMS_SHOWN = 20;

    /** Nothing lost, nothing extra, every file settled. */
    boolean exact() {
        return lost == 0 && extra == 0 && unsettled == 0;
    }

    /** Takes the census: the bucket's files, ingest's ledger (REST), query-service's talks (its database). */
    static TalkCensus take(Path bucket, String ingestUri, String jdbcUrl, String user, String password) {
        Map<String, LedgerLine> ledger = ledger(ingestUri);
        Map<String, StoredNote> stored = stored(jdbcUrl, user, password);
        NoteParser parser = new NoteParser();
        List<String> problems = new ArrayList<>();
        Map<String, String> rejections = new TreeMap<>();
        int files = 0;
        int published = 0;
        int expectedTalks = 0;
        int lost = 0;
        int extra = 0;
        int unsettled = 0;
        Set<String> keys = new HashSet<>();
        for (Path file : files(bucket)) {
            files++;
            String key = bucket.relativize(file).toString().replace('\\', '/');
            keys.add(key);
            byte[] bytes = read(file);
            String hash = sha256(bytes);
            LedgerLine line = ledger.get(key);
            StoredNote note = stored.getOrDefault(key, StoredNote.NONE);
            // A file refused before it was read (too large, say) has no hash in the ledger.
            boolean refusedUnread = line != null && "rejected".equals(line.status()) && line.contentHash() == null;
            if (line == null || !hash.equals(line.contentHash()) && !refusedUnread) {
                unsettled++;
                problem(problems, key + ": the ledger " + (line == null ? "does not hold it" : "holds other bytes (" + line.status() + ")"));
            } else if ("ok".equals(line.status())) {
                published++;
                ParsedNote parsed = parser.parse(key, new String(bytes, StandardCharsets.UTF_8), 1, hash, Instant.now());
                Set<String> expected = new HashSet<>();
                for (NoteEvent event : parsed.events()) {
                    event.talks().stream().map(Talk::id).forEach(expected::add);
                }
                expectedTalks += expected.size();
                if (!note.talks().isEmpty() && !hash.equals(note.contentHash())) {
                    unsettled++;
                    problem(problems, key + ": query-service stores another version");
                }
                Set<String> missing = new HashSet<>(expected);
                missing.removeAll(note.talks());
                Set<String> surplus = new HashSet<>(note.talks());
                surplus.removeAll(expected);
                lost += missing.size();
                extra += surplus.size();
                if (!missing.isEmpty() || !surplus.isEmpty()) {
                    problem(problems, key + ": " + missing.size() + " talks missing, " + surplus.size() + " extra");
                }
            } else if ("rejected".equals(line.status()) && line.reason() != null && !line.reason().isBlank()) {
                rejections.put(key, line.reason());
                extra += note.talks().size();
                if (!note.talks().isEmpty()) {
                    problem(problems, key + ": rejected (" + line.reason() + ") but " + note.talks().size() + " talks stored");
                }
            } else {
                unsettled++;
                problem(problems, key + ": " + line.status() + " without a reason");
            }
        }
        int storedTalks = 0;
        for (Map.Entry<String, StoredNote> note : stored.entrySet()) {
            storedTalks += note.getValue().talks().size();
            if (!keys.contains(note.getKey())) {
                extra += note.getValue().talks().size();
                problem(problems, note.getKey() + ": no such file, but " + note.getValue().talks().size() + " talks stored");
            }
        }
        return new TalkCensus(files, published, rejections.size(), expectedTalks, storedTalks, lost, extra, unsettled,
                rejections, List.copyOf(problems));
    }

    private record LedgerLine(String status, String contentHash, String reason) {
    }

    private record StoredNote(String contentHash, Set<String> talks) {
        static final StoredNote NONE = new StoredNote(null, Set.of());
    }

    private static Map<String, LedgerLine> ledger(String ingestUri) {
        Map<String, LedgerLine> ledger = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonPath answer = given().baseUri(ingestUri).queryParam("size", 500).queryParam("page", page)
                    .get("/api/ingest/notes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> entries = answer.getList("items");
            for (Map<String, Object> entry : entries) {
                ledger.put((String) entry.get("key"), new LedgerLine((String) entry.get("status"),
                        (String) entry.get("contentHash"), (String) entry.get("reason")));
            }
            if (entries.isEmpty() || (long) (page + 1) * 500 >= answer.getLong("total")) {
                return ledger;
            }
        }
    }

    private static Map<String, StoredNote> stored(String jdbcUrl, String user, String password) {
        Map<String, StoredNote> stored = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT n.id, n.content_hash, t.id FROM note n LEFT JOIN talk t ON t.note_id = n.id")) {
            while (rows.next()) {
                StoredNote note = stored.computeIfAbsent(rows.getString(1), key -> new StoredNote(null, new HashSet<>()));
                if (note.contentHash() == null) {
                    note = new StoredNote(rows.getString(2), note.talks());
                    stored.put(rows.getString(1), note);
                }
                if (rows.getString(3) != null) {
                    note.talks().add(rows.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read query-service's talks", e);
        }
        return stored;
    }

    private static List<Path> files(Path bucket) {
        try (Stream<Path> walk = Files.walk(bucket)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + bucket, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void problem(List<String> problems, String problem) {
        if (problems.size() < PROBLEMS_SHOWN) {
            problems.add(problem);
        }
    }
}
