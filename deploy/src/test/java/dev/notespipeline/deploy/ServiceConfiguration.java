package dev.notespipeline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads, from its {@code application.properties}: the configuration keys it knows, as the environment
 * variables that set them, and the Kafka topics its channels name.
 *
 * <p>A key the service reads without setting it (an optional one) is documented there as a comment,
 * {@code # pipeline.taxonomy.path=...}, and counts too. A few keys every service of a kind understands are added:
 * Kafka's bootstrap servers, the datasource for services with a database, the AWS SDK's credentials for services
 * that read a bucket, OpenTelemetry's endpoint, and the JVM options of the container image.
 *
 * @param service the module and Deployment name
 * @param environment the environment variable names the service understands
 * @param reads the Kafka topics its incoming channels read
 * @param writes the Kafka topics its outgoing channels and dead-letter queues write
 * @param groups the consumer groups of its incoming channels
 */
record ServiceConfiguration(String service, Set<String> environment, Set<String> reads, Set<String> writes,
        Set<String> groups) {

    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "query-service");

    private static final Pattern KEY = Pattern.compile("^\\s*#?\\s*(%[\\w-]+\\.)?([a-zA-Z][\\w.\\-\"/]*)\\s*=(.*)$");
    /** The dead-letter topics a service reads and writes with Kafka's own clients, outside its channels. */
    private static final String DEAD_LETTER_TOPICS = "pipeline.dead-letters.topics";
    private static final Pattern CHANNEL_KEY = Pattern.compile(
            "mp\\.messaging\\.(incoming|outgoing)\\.[\\w-]+\\.(topic|dead-letter-queue\\.topic|group\\.id)");

    /** Kafka's client settings, which Quarkus hands to every channel from {@code KAFKA_*} variables. */
    private static final Set<String> EVERY_SERVICE = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL",
            "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG", "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_SDK_DISABLED", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO");
    private static final Set<String> DATABASE = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");
    private static final Set<String> BUCKET = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_REGION", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE");

    static ServiceConfiguration load(Path repositoryRoot, String service) {
        Path properties = repositoryRoot.resolve(service).resolve("src/main/resources/application.properties");
        List<String> lines;
        try {
            lines = Files.readAllLines(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + properties, e);
        }
        return parse(service, lines);
    }

    static ServiceConfiguration parse(String service, List<String> lines) {
        Set<String> keys = new HashSet<>();
        Set<String> reads = new HashSet<>();
        Set<String> writes = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (String line : lines) {
            Matcher matcher = KEY.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            String key = matcher.group(2);
            keys.add(key);
            if (key.equals(DEAD_LETTER_TOPICS) && !line.strip().startsWith("#") && matcher.group(1) == null) {
                // ingest-service reads the dead letters for its admin and drops replayed ones with a tombstone.
                for (String topic : matcher.group(3).split(",")) {
                    reads.add(topic.strip());
                    writes.add(topic.strip());
                }
            }
            Matcher channel = CHANNEL_KEY.matcher(key);
            if (line.strip().startsWith("#") || matcher.group(1) != null || !channel.matches()) {
                continue;
            }
            String value = matcher.group(3).strip();
            switch (channel.group(2)) {
                case "group.id" -> groups.add(value);
                case "topic" -> (channel.group(1).equals("incoming") ? reads : writes).add(value);
                default -> writes.add(value);
            }
        }
        Set<String> environment = new HashSet<>(EVERY_SERVICE);
        keys.forEach(key -> environment.add(environmentName(key)));
        if (keys.contains("quarkus.datasource.db-kind")) {
            environment.addAll(DATABASE);
        }
        if (keys.contains("pipeline.bucket.url")) {
            environment.addAll(BUCKET);
        }
        return new ServiceConfiguration(service, Set.copyOf(environment), Set.copyOf(reads), Set.copyOf(writes),
                Set.copyOf(groups));
    }

    /** Every topic the service reads or writes, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new HashSet<>(reads);
        topics.addAll(writes);
        return Set.copyOf(topics);
    }

    /** Quarkus's mapping of a key to the environment variable that sets it. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
