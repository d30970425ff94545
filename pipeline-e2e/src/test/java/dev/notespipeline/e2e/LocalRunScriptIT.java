package dev.notespipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.infra.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/local/run.sh}, the newcomer's first command, as they run it: it starts the whole pipeline, a dropped
 * memo comes out of the API, and Ctrl-C (SIGTERM) stops it so that the next start consumes at once.
 */
class LocalRunScriptIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path work;

    @Test
    void startsThePipelineAndStopsItCleanly() throws Exception {
        Path data = work.resolve("data");
        Path bucket = work.resolve("bucket");
        Path output = work.resolve("run.log");
        int queryPort = FreePorts.pick();
        int kafkaPort = FreePorts.pick();
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/local/run.sh").directory(Pipeline.ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        // Set, they would make the script use servers of their own instead of starting Kafka and PostgreSQL.
        environment.remove("KAFKA_BOOTSTRAP_SERVERS");
        environment.remove("QUARKUS_DATASOURCE_JDBC_URL");
        environment.putAll(Map.of("NOTES_DATA_DIR", data.toString(), "BUCKET_DIR", bucket.toString(),
                "QUERY_PORT", Integer.toString(queryPort), "INGEST_PORT", Integer.toString(FreePorts.pick()),
                "ENRICH_PORT", Integer.toString(FreePorts.pick()),
                "QUERY_MANAGEMENT_PORT", Integer.toString(FreePorts.pick()),
                "INGEST_MANAGEMENT_PORT", Integer.toString(FreePorts.pick()),
                "ENRICH_MANAGEMENT_PORT", Integer.toString(FreePorts.pick()),
                "KAFKA_PORT", Integer.toString(kafkaPort), "POSTGRES_PORT", Integer.toString(FreePorts.pick())));
        Process script = builder.start();
        try {
            awaitRunning(script, output);

            Files.copy(Pipeline.SAMPLES.resolve("fy2022-events.md"), bucket.resolve("fy2022-events.md"));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> QueryApi.talksSoFar("http://127.0.0.1:" + queryPort, "azure").size() >= 9);
        } finally {
            script.destroy();
            if (!script.waitFor(90, TimeUnit.SECONDS)) {
                script.destroyForcibly();
            }
        }
        assertThat(Files.readString(output)).contains("Stopped.");

        // The broker keeps its consumer groups; a member that did not leave would hold its partitions after the
        // next start until its session timed out.
        try (InfraProcess kafka = InfraProcess.start(InfraProcess.Server.KAFKA, kafkaPort, data, work.resolve("logs"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).toList();
            assertThat(groups).contains("query-service").anyMatch(group -> group.startsWith("enrich-service"));
            Map<String, Integer> members = new TreeMap<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).values()) {
                members.put(group.groupId(), group.members().size());
            }
            assertThat(members).as("members left in each consumer group after the stop").allSatisfy(
                    (group, count) -> assertThat(count).as(group).isZero());
        }
    }

    private static void awaitRunning(Process script, Path output) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            String written = Files.readString(output);
            if (written.contains("The notes pipeline is running.")) {
                return;
            }
            // A build inside the verify would rebuild what it is testing. A fresh clone's verify packages everything
            // first; in a working tree, sources edited after the last package make the script build.
            assertThat(written).as("run.sh found sources newer than the packaged services; package them first")
                    .doesNotContain("Building the services");
            assertThat(script.isAlive()).as("run.sh is still running; its output:%n%s", written).isTrue();
            assertThat(Instant.now()).as("run.sh ready within %s; its output:%n%s", START_TIMEOUT, written).isBefore(deadline);
            Thread.sleep(500);
        }
    }
}
