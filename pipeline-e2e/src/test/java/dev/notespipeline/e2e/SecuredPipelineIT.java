package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.infra.EmbeddedKafka;
import dev.notespipeline.infra.EmbeddedPostgresServer;
import dev.notespipeline.infra.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pipeline as the Kubernetes deployment secures it: a broker that takes only SCRAM-SHA-512 logins and checks
 * every request against the ACLs of {@code deploy/k8s/base/kafka-users.yaml}, and a PostgreSQL set up by
 * {@code deploy/k8s/base/database-roles.sql}, each service logging in as its own Kafka user and database role.
 * The services still carry a memo through; strangers, wrong passwords and one service's credentials used for
 * another's data are refused.
 */
class SecuredPipelineIT {

    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private static final Path BASE = ROOT.resolve("deploy/k8s/base");
    private static final List<String> SERVICES = List.of("ingest-service", "enrich-service", "query-service");

    private static Path work;
    private static EmbeddedKafka kafka;
    private static EmbeddedPostgresServer postgres;
    private static final Map<String, String> kafkaPasswords = new HashMap<>();
    private static ServiceProcess ingest;
    private static ServiceProcess enrich;
    private static ServiceProcess query;
    private static Path bucket;

    @BeforeAll
    static void startSecuredPipeline() throws Exception {
        work = Files.createDirectories(ROOT.resolve("pipeline-e2e/target/e2e-secured"));
        kafka = EmbeddedKafka.startSecured(Files.createTempDirectory(work, "kafka-"), "admin", secret());
        kafka.createPipelineTopics();
        Map<String, List<AclBinding>> acls = KafkaUserAcls.read(BASE.resolve("kafka-users.yaml"));
        try (Admin admin = Admin.create(kafka.adminSettings())) {
            for (String service : SERVICES) {
                kafkaPasswords.put(service, secret());
                kafka.addUser(service, kafkaPasswords.get(service));
                admin.createAcls(acls.get(service)).all().get(30, TimeUnit.SECONDS);
            }
        }

        postgres = EmbeddedPostgresServer.start(null, 0, "notes");
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             Statement statement = owner.createStatement()) {
            statement.execute(Files.readString(BASE.resolve("database-roles.sql")));
        }

        bucket = Files.createTempDirectory(work, "bucket-");
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        query = start("query-service", "query", logs);
        enrich = start("enrich-service", null, logs);
        ingest = start("ingest-service", "ingest", logs);
    }

    @AfterAll
    static void stopSecuredPipeline() {
        for (AutoCloseable server : new AutoCloseable[] {ingest, enrich, query, kafka, postgres}) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                // Stopping the rest matters more than the first failure here.
            }
        }
    }

    @Test
    void eachServiceWithOnlyItsOwnRightsCarriesAMemoThrough() throws IOException {
        Files.writeString(bucket.resolve("secured.md"), "# Secured night\n## AKSで始めるクラスタ運用\tAliceさん\n* Azure\n");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().baseUri(query.baseUri()).queryParam("q", "クラスタ運用").get("/api/talks").then().extract()
                        .jsonPath().getList("items.title").contains("AKSで始めるクラスタ運用"));
    }

    @Test
    void aClientThatDoesNotLogInOrGivesAWrongPasswordIsRefused() {
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        Map<String, Object> wrongPassword = new HashMap<>(login("query-service", "not-its-password"));
        try (Admin admin = Admin.create(wrongPassword)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void oneServicesLoginCannotReadOrWriteAnotherServicesTopics() {
        // query-service may read notes.enriched; it may neither read memos from notes.parsed nor empty the catalogue.
        Map<String, Object> consumer = new HashMap<>(login("query-service", kafkaPasswords.get("query-service")));
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "query-service");
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(PipelineTopics.PARSED));
            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> producer = new HashMap<>(login("query-service", kafkaPasswords.get("query-service")));
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> writer = new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> writer.send(new ProducerRecord<>(PipelineTopics.ENRICHED, "secured.md", null)).get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void queryServicesDatabaseRoleCannotReadOrChangeIngestsLedger() throws SQLException {
        try (Connection asQuery = DriverManager.getConnection(postgres.jdbcUrl(), "query", "any");
             Statement statement = asQuery.createStatement()) {
            for (String sql : List.of("SELECT * FROM ingest.note_ledger",
                    "UPDATE ingest.note_ledger SET status = 'DELETED'",
                    "CREATE TABLE ingest.planted (id int)")) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied for schema ingest");
            }
        }
        try (Connection asIngest = DriverManager.getConnection(postgres.jdbcUrl(), "ingest", "any");
             Statement statement = asIngest.createStatement()) {
            assertThatThrownBy(() -> statement.execute("DELETE FROM public.talk")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for table talk");
        }
    }

    private static ServiceProcess start(String service, String databaseRole, Path logs) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        environment.put("KAFKA_SASL_MECHANISM", EmbeddedKafka.SCRAM);
        environment.put("KAFKA_SASL_JAAS_CONFIG", EmbeddedKafka.scramLogin(service, kafkaPasswords.get(service)));
        if (databaseRole != null) {
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", databaseRole);
            environment.put("QUARKUS_DATASOURCE_PASSWORD", "embedded-server-trusts-local-logins");
        }
        environment.put("PIPELINE_BUCKET_URL", "file:" + bucket);
        return ServiceProcess.start(ROOT, service, FreePorts.pick(), environment, logs);
    }

    private static Map<String, Object> login(String user, String password) {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, EmbeddedKafka.SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, EmbeddedKafka.scramLogin(user, password));
    }

    private static String secret() {
        return UUID.randomUUID().toString();
    }
}
