package dev.notespipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.RecordLimits;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One record size limit on every topic, for every producer (note-contract's RecordLimits): a record one service may
 * write is one every topic it can go to takes, dead-letter topics included.
 */
class RecordSizeContractTest {

    private static final String LIMIT = Integer.toString(RecordLimits.MAX_RECORD_BYTES);
    private static final Pattern OUTGOING = Pattern.compile("mp\\.messaging\\.outgoing\\.([\\w-]+)\\.connector");
    private static final Pattern DEAD_LETTERS = Pattern.compile("mp\\.messaging\\.incoming\\.([\\w-]+)\\.dead-letter-queue\\.topic");

    @Test
    void everyTopicTakesRecordsOfTheLimit() throws IOException {
        List<GenericKubernetesResource> topics = Manifests.generic(Manifests.load(
                Files.readString(OverlaysTest.ROOT.resolve("deploy/k8s/base/kafka-topics.yaml"))), "KafkaTopic");
        assertThat(topics).hasSize(4);
        for (GenericKubernetesResource topic : topics) {
            assertThat(String.valueOf(Manifests.at(topic, "spec", "config", "max.message.bytes")))
                    .as(Manifests.describe(topic) + " max.message.bytes").isEqualTo(LIMIT);
        }
    }

    @Test
    void everyProducerSendsRecordsOfTheLimitCompressed() throws IOException {
        List<String> producers = new ArrayList<>();
        for (String service : ServiceConfiguration.SERVICES) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    OverlaysTest.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            for (String key : properties.stringPropertyNames()) {
                Matcher outgoing = OUTGOING.matcher(key);
                Matcher deadLetters = DEAD_LETTERS.matcher(key);
                String prefix = outgoing.matches() ? "mp.messaging.outgoing." + outgoing.group(1) + "."
                        : deadLetters.matches() ? "mp.messaging.incoming." + deadLetters.group(1) + ".dead-letter-queue."
                        : null;
                if (prefix == null) {
                    continue;
                }
                producers.add(service + " " + prefix);
                assertThat(properties.getProperty(prefix + "max.request.size")).as(service + " " + prefix + "max.request.size")
                        .isEqualTo(LIMIT);
                assertThat(properties.getProperty(prefix + "compression.type")).as(service + " " + prefix + "compression.type")
                        .isNotBlank();
            }
        }
        // ingest's notes-parsed; enrich's notes-enriched, its dead letters and their tombstones; query's dead letters.
        assertThat(producers).hasSize(5);
    }
}
