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
 * @param topics the Kafka topics its channels read and write, dead-letter topics included
 */
record ServiceConfiguration(String service, Set<String> environment, Set<String> topics) {

    static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "query-service");

    private static final Pattern KEY = Pattern.compile("^\\s*#?\\s*(%[\\w-]+\\.)?([a-zA-Z][\\w.\\-\"/]*)\\s*=(.*)$");
    private static final Pattern TOPIC_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.[\\w-]+\\.(dead-letter-queue\\.)?topic");

    private static final Set<String> EVERY_SERVICE = Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_SDK_DISABLED", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO");
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
        Set<String> topics = new HashSet<>();
        for (String line : lines) {
            Matcher matcher = KEY.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            String key = matcher.group(2);
            keys.add(key);
            if (!line.strip().startsWith("#") && TOPIC_KEY.matcher(key).matches()) {
                topics.add(matcher.group(3).strip());
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
        return new ServiceConfiguration(service, Set.copyOf(environment), Set.copyOf(topics));
    }

    /** Quarkus's mapping of a key to the environment variable that sets it. */
    static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
