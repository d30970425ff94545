package dev.notespipeline.ingest.buckets;

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
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 bucket against a real S3-protocol server: the same semantics as the folder, found by listing. */
@QuarkusTest
@TestProfile(S3BucketProfile.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class S3BucketTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.s3.endpoint")
    URI endpoint;

    @Inject
    LedgerProbe ledger;

    private ParsedTopic topic;
    private S3Client s3;

    @BeforeEach
    void connect() {
        topic = new ParsedTopic(bootstrapServers);
        s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyResource.ACCESS_KEY, S3ProxyResource.SECRET_KEY)))
                .build();
    }

    @AfterEach
    void disconnect() {
        topic.close();
        s3.close();
    }

    @Test
    void memosUnderThePrefixArePublishedAcrossListingPagesAndOthersAreNot() {
        for (String key : new String[] {"page/a.md", "page/b.md", "page/c.markdown", "page/deeper/d.md", "page/e.md"}) {
            put(key, "# Event " + key + "\n## Talk\tAlice\n");
        }
        put("page/readme.txt", "not a memo");
        s3.putObject(request -> request.bucket(S3ProxyResource.BUCKET).key("elsewhere/outside-prefix.md"),
                RequestBody.fromString("# Outside the prefix\n"));

        for (String key : new String[] {"page/a.md", "page/b.md", "page/c.markdown", "page/deeper/d.md", "page/e.md"}) {
            assertThat(topic.awaitNote(key).events().get(0).title()).isEqualTo("Event " + key);
        }
        assertThat(topic.records("page/readme.txt")).isEmpty();
        assertThat(topic.records("elsewhere/outside-prefix.md")).isEmpty();
        assertThat(topic.records("outside-prefix.md")).isEmpty();
    }

    @Test
    void aChangedObjectIsANewVersionAndTheSameBytesAgainAreNot() {
        put("change/memo.md", "# Before\n");
        ParsedNote first = topic.awaitNote("change/memo.md");

        put("change/memo.md", "# After\n## New talk\tBob\n");
        ParsedNote second = topic.awaitNote("change/memo.md", first.version());
        assertThat(second.events().get(0).title()).isEqualTo("After");

        // Rewriting the same bytes keeps the ETag: no change, nothing to publish.
        put("change/memo.md", "# After\n## New talk\tBob\n");
        put("change/marker.md", "# Marker\n");
        topic.awaitNote("change/marker.md");
        assertThat(topic.published("change/memo.md")).isEqualTo(2);
    }

    @Test
    void aDeletedObjectBecomesATombstone() {
        put("delete/memo.md", "# Short-lived\n");
        topic.awaitNote("delete/memo.md");

        s3.deleteObject(request -> request.bucket(S3ProxyResource.BUCKET).key(S3ProxyResource.PREFIX + "delete/memo.md"));

        topic.awaitTombstone("delete/memo.md");
        ledger.awaitStatus("delete/memo.md", NoteStatus.DELETED);
    }

    @Test
    void anObjectRewrittenAgainAndAgainIsReadOnlyOnceItSettles() throws InterruptedException {
        String content = "";
        // Faster than the minimum age (1 s in tests), as from a client uploading versions in quick succession.
        for (int talk = 1; talk <= 10; talk++) {
            content = content + "## Talk " + talk + "\n";
            put("settle/memo.md", "# Settling\n" + content);
            Thread.sleep(250);
        }

        ParsedNote note = topic.awaitNote("settle/memo.md");
        assertThat(note.talkCount()).isEqualTo(10);
        assertThat(note.contentHash()).isEqualTo(Sha256.of("# Settling\n" + content));
        assertThat(topic.published("settle/memo.md")).isEqualTo(1);
    }

    @Test
    void theLedgerOfAnEarlierRunIsCaughtUpWithWithoutRepublishingUnchangedNotes() {
        String unchanged = "# Unchanged while down\n";
        ledger.remember("restart/unchanged.md", NoteStatus.OK, Sha256.of(unchanged), "stale-fingerprint", 5);
        ledger.remember("restart/changed.md", NoteStatus.OK, Sha256.of("# Before\n"), "stale-fingerprint", 7);
        ledger.remember("restart/deleted.md", NoteStatus.OK, Sha256.of("# Gone\n"), "stale-fingerprint", 3);
        put("restart/unchanged.md", unchanged);
        put("restart/changed.md", "# After\n");
        put("restart/created.md", "# Created while down\n");

        assertThat(topic.awaitNote("restart/changed.md").version()).isGreaterThan(7);
        topic.awaitNote("restart/created.md");
        topic.awaitTombstone("restart/deleted.md");
        await().atMost(ParsedTopic.PATIENCE).until(() ->
                !"stale-fingerprint".equals(ledger.find("restart/unchanged.md").get().fingerprint));
        LedgerEntry entry = ledger.find("restart/unchanged.md").get();
        assertThat(entry.version).isEqualTo(5);
        assertThat(topic.records("restart/unchanged.md")).isEmpty();
    }

    private void put(String key, String content) {
        s3.putObject(request -> request.bucket(S3ProxyResource.BUCKET).key(S3ProxyResource.PREFIX + key),
                RequestBody.fromString(content, StandardCharsets.UTF_8));
    }
}
