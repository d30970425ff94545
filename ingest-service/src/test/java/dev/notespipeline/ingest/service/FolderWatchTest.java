package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.Sha256;
import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.parser.fixtures.SampleNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The folder bucket watched for real: files on disk, records on the real broker, the ledger in real PostgreSQL. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class FolderWatchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Inject
    LedgerProbe ledger;

    private ParsedTopic topic;
    private Path folder;

    @BeforeEach
    void connect() throws IOException {
        topic = new ParsedTopic(bootstrapServers);
        folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("watch"));
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void aMemoDroppedIntoANewSubfolderIsPublishedParsedAndKeyedByItsPath() throws IOException {
        Path year = Files.createDirectories(folder.resolve("2022/q3"));
        try (InputStream memo = getClass().getClassLoader().getResourceAsStream(SampleNotes.FY2022)) {
            Files.copy(memo, year.resolve("fy2022-events.md"), StandardCopyOption.REPLACE_EXISTING);
        }

        ParsedNote note = topic.awaitNote("watch/2022/q3/fy2022-events.md");
        assertThat(note.events()).hasSize(3);
        assertThat(note.events().get(1).talks()).hasSize(9);
        LedgerEntry entry = ledger.awaitStatus("watch/2022/q3/fy2022-events.md", NoteStatus.OK);
        assertThat(entry.version).isEqualTo(note.version());
        assertThat(entry.contentHash).isEqualTo(note.contentHash());
        assertThat(entry.eventCount).isEqualTo(3);
        assertThat(entry.talkCount).isEqualTo((int) note.talkCount());
    }

    @Test
    void bothMarkdownExtensionsAreMemosAndPartialOrHiddenFilesAreNot() throws IOException {
        Files.writeString(folder.resolve("long-name.markdown"), "# Long name\n## Talk\tAlice\n");
        for (String ignored : new String[] {"draft.md~", "draft.md.part", "draft.md.tmp", "draft.md.crdownload",
                ".draft.md.swp", ".hidden.md", "notes.txt"}) {
            Files.writeString(folder.resolve(ignored), "# Not a memo\n");
        }
        Files.createDirectories(folder.resolve(".git"));
        Files.writeString(folder.resolve(".git/inside-dot-folder.md"), "# Not a memo\n");

        topic.awaitNote("watch/long-name.markdown");
        // A reconciliation has listed the folder since: anything it had taken for a memo would be in the ledger.
        await().atMost(ParsedTopic.PATIENCE).until(() -> ledger.find("watch/long-name.markdown").isPresent());
        for (String ignored : new String[] {"draft.md~", "draft.md.part", "draft.md.tmp", "draft.md.crdownload",
                ".draft.md.swp", ".hidden.md", "notes.txt", ".git/inside-dot-folder.md"}) {
            assertThat(ledger.find("watch/" + ignored)).as(ignored).isEmpty();
            assertThat(topic.records("watch/" + ignored)).as(ignored).isEmpty();
        }
    }

    @Test
    void aChangedMemoIsPublishedAgainWithAHigherVersion() throws IOException {
        Path file = folder.resolve("changing.md");
        Files.writeString(file, "# Event\n## First talk\tAlice\n");
        ParsedNote first = topic.awaitNote("watch/changing.md");

        Files.writeString(file, "# Event\n## First talk\tAlice\n## Second talk\tBob\n");
        ParsedNote second = topic.awaitNote("watch/changing.md", first.version());

        assertThat(second.talkCount()).isEqualTo(2);
        assertThat(second.contentHash()).isNotEqualTo(first.contentHash());
        assertThat(ledger.awaitStatus("watch/changing.md", NoteStatus.OK).version).isEqualTo(second.version());
    }

    @Test
    void aTouchedButUnchangedMemoIsNotPublishedAgain() throws IOException {
        Path file = folder.resolve("touched.md");
        Files.writeString(file, "# Touched\n## Talk\tAlice\n");
        topic.awaitNote("watch/touched.md");
        String before = ledger.awaitStatus("watch/touched.md", NoteStatus.OK).fingerprint;

        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));

        // The ledger takes the new stamp without a new version: the file was read and found the same.
        await().atMost(ParsedTopic.PATIENCE).until(() -> !before.equals(ledger.find("watch/touched.md").get().fingerprint));
        assertThat(topic.published("watch/touched.md")).isEqualTo(1);
    }

    @Test
    void aDeletedMemoBecomesATombstoneAndStaysInTheLedgerAsDeleted() throws IOException {
        Path file = folder.resolve("short-lived.md");
        Files.writeString(file, "# Short-lived\n## Talk\n");
        ParsedNote note = topic.awaitNote("watch/short-lived.md");

        Files.delete(file);

        topic.awaitTombstone("watch/short-lived.md");
        LedgerEntry entry = ledger.awaitStatus("watch/short-lived.md", NoteStatus.DELETED);
        assertThat(entry.version).isEqualTo(note.version());
    }

    @Test
    void aRenameIsADeletionPlusACreation() throws IOException {
        Path file = folder.resolve("before-rename.md");
        Files.writeString(file, "# Renamed event\n## Talk\tAlice\n");
        topic.awaitNote("watch/before-rename.md");

        Files.move(file, folder.resolve("after-rename.md"));

        topic.awaitTombstone("watch/before-rename.md");
        assertThat(topic.awaitNote("watch/after-rename.md").events().get(0).title()).isEqualTo("Renamed event");
    }

    @Test
    void aFileStillBeingWrittenIsReadOnlyOnceComplete() throws Exception {
        Path file = folder.resolve("slow-copy.md");
        StringBuilder expected = new StringBuilder("# Slow copy\n");
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            out.write(expected.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            // Appends come faster than the minimum age (1 s in tests), as from a slow copy.
            for (int talk = 1; talk <= 12; talk++) {
                String line = "## Talk " + talk + "\tSpeaker" + talk + "\n";
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
                expected.append(line);
                Thread.sleep(200);
            }
        }

        ParsedNote note = topic.awaitNote("watch/slow-copy.md");
        assertThat(note.talkCount()).isEqualTo(12);
        assertThat(note.contentHash()).isEqualTo(Sha256.of(expected.toString()));
        assertThat(topic.published("watch/slow-copy.md")).isEqualTo(1);
    }

    /**
     * The ledger is all a restarted service knows. Left as a previous run would have left it, with files created,
     * changed, deleted and left alone while the service was down, it must lead to exactly the catching up.
     */
    @Test
    void theLedgerOfAnEarlierRunIsCaughtUpWithWithoutRepublishingUnchangedNotes() throws IOException {
        String unchanged = "# Unchanged while down\n## Talk\tAlice\n";
        // Files before ledger rows: the running service reads no file younger than the minimum age (1 s here), so
        // the rows are in place when it does; rows first would let a reconciliation in between take unchanged.md
        // for deleted, which a restarted service, whose files and rows both exist, never sees.
        Path restart = Files.createDirectories(folder.resolve("restart"));
        Files.writeString(restart.resolve("unchanged.md"), unchanged);
        Files.writeString(restart.resolve("changed.md"), "# After\n## New talk\tBob\n");
        Files.writeString(restart.resolve("created.md"), "# Created while down\n");
        ledger.remember("watch/restart/unchanged.md", NoteStatus.OK, Sha256.of(unchanged), "stale-fingerprint", 5);
        ledger.remember("watch/restart/changed.md", NoteStatus.OK, Sha256.of("# Before\n"), "stale-fingerprint", 7);
        ledger.remember("watch/restart/deleted.md", NoteStatus.OK, Sha256.of("# Gone\n"), "stale-fingerprint", 3);

        assertThat(topic.awaitNote("watch/restart/changed.md").version()).isGreaterThan(7);
        topic.awaitNote("watch/restart/created.md");
        topic.awaitTombstone("watch/restart/deleted.md");
        await().atMost(ParsedTopic.PATIENCE).until(() ->
                !"stale-fingerprint".equals(ledger.find("watch/restart/unchanged.md").get().fingerprint));
        assertThat(topic.records("watch/restart/unchanged.md")).isEmpty();
        assertThat(ledger.find("watch/restart/unchanged.md").get().version).isEqualTo(5);
        assertThat(ledger.awaitStatus("watch/restart/deleted.md", NoteStatus.DELETED).version).isEqualTo(3);
    }
}
