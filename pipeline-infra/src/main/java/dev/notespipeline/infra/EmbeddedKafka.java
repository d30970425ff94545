package dev.notespipeline.infra;

import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.RecordLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in this JVM: one combined broker and controller node in KRaft mode.
 *
 * <p>Its log directory may be kept between runs (the local stack does); it is formatted only once.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** The mechanism of the secured broker's logins, as production's Strimzi listener has it. */
    public static final String SCRAM = "SCRAM-SHA-512";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, Object> adminSettings;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Map<String, Object> adminSettings) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.adminSettings = adminSettings;
    }

    /**
     * Starts a broker listening on {@code port} (0 picks a free one), keeping its data in {@code logDir}. Anyone
     * who reaches the port may do anything: the local stack's and the tests' broker.
     */
    public static EmbeddedKafka start(Path logDir, int port) {
        int brokerPort = port == 0 ? FreePorts.pick() : port;
        int controllerPort = FreePorts.pick();
        FreePorts.requireFree(brokerPort, "Kafka");
        Properties props = brokerProperties(logDir, brokerPort, controllerPort);
        formatOnce(logDir, props, List.of());
        return started(props, brokerPort, Map.of());
    }

    /**
     * Starts a broker on a free port whose client listener takes only SASL {@value #SCRAM} logins and authorizes
     * every request with Kafka's ACLs (KRaft's StandardAuthorizer), as the Kubernetes deployment's Kafka does
     * (there with TLS as well). {@code superUser} may do anything; add other users with {@link #addUser} and grant
     * them ACLs through {@link #adminSettings()}. A client that does not log in is refused.
     */
    public static EmbeddedKafka startSecured(Path logDir, String superUser, String superUserPassword) {
        int brokerPort = FreePorts.pick();
        int controllerPort = FreePorts.pick();
        Properties props = brokerProperties(logDir, brokerPort, controllerPort);
        String jaas = scramLogin(superUser, superUserPassword);
        props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("sasl.enabled.mechanisms", SCRAM);
        props.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas);
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // The broker reaches its own controller over the loopback-only controller listener, unauthenticated.
        props.put("super.users", "User:" + superUser + ";User:ANONYMOUS");
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("auto.create.topics.enable", "false");
        // Kafka stores SCRAM credentials in its metadata; the super user's must be there before the broker starts.
        formatOnce(logDir, props, List.of("--add-scram", SCRAM + "=[name=" + superUser + ",password=" + superUserPassword + "]"));
        return started(props, brokerPort, Map.of(
                AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas));
    }

    private static EmbeddedKafka started(Properties props, int brokerPort, Map<String, Object> security) {
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        Map<String, Object> admin = new HashMap<>(security);
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new EmbeddedKafka(server, bootstrap, Map.copyOf(admin));
    }

    /** The JAAS line a client logs in to the secured broker with. */
    public static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** What an admin client needs to connect with every right: the address and, when secured, the super user's login. */
    public Map<String, Object> adminSettings() {
        return adminSettings;
    }

    /** Gives {@code user} a {@value #SCRAM} password on the secured broker. */
    public void addUser(String user, String password) {
        try (Admin admin = Admin.create(adminSettings)) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding Kafka user " + user, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot add Kafka user " + user, e);
        }
    }

    /**
     * The dead-letter topics' settings, as production has them (deploy/k8s/base/kafka-topics.yaml): kept 7 days, and
     * compacted within an hour, so that the tombstone written when a note is deleted or replayed takes its dead
     * letter's memo text with it; records of {@link RecordLimits#MAX_RECORD_BYTES}, as every topic.
     */
    public static final Map<String, String> DEAD_LETTER_TOPIC_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "604800000",
            TopicConfig.SEGMENT_MS_CONFIG, "3600000",
            TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, "3600000",
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(RecordLimits.MAX_RECORD_BYTES));

    /**
     * Creates the pipeline's topics as production has them (deploy/k8s/base/kafka-topics.yaml): the two main topics
     * compacted, so replaying them rebuilds everything downstream, and their dead-letter topics; every one takes
     * records of {@link RecordLimits#MAX_RECORD_BYTES}. Topics that exist keep their data and get that limit.
     */
    public void createPipelineTopics() {
        String maxMessageBytes = Integer.toString(RecordLimits.MAX_RECORD_BYTES);
        Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes);
        List<NewTopic> topics = List.of(
                new NewTopic(PipelineTopics.PARSED, 1, (short) 1).configs(compacted),
                new NewTopic(PipelineTopics.ENRICHED, 1, (short) 1).configs(compacted),
                new NewTopic(PipelineTopics.PARSED_DLQ, 1, (short) 1).configs(DEAD_LETTER_TOPIC_CONFIG),
                new NewTopic(PipelineTopics.ENRICHED_DLQ, 1, (short) 1).configs(DEAD_LETTER_TOPIC_CONFIG));
        try (Admin admin = Admin.create(adminSettings)) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                    // Created by an earlier version of the local stack, with Kafka's 1 MB default.
                    admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                            List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes),
                                    AlterConfigOp.OpType.SET)))).all().get(30, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the record size limit of the pipeline's topics", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create the pipeline's topics within 30 s", e);
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties brokerProperties(Path logDir, int brokerPort, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // One node: every internal topic must be satisfied by a single replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("min.insync.replicas", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "true");
        props.put("num.partitions", "1");
        // Topics created on first use get the pipeline's record size limit too, as createPipelineTopics's do.
        props.put("message.max.bytes", Integer.toString(RecordLimits.MAX_RECORD_BYTES));
        return props;
    }

    private static void formatOnce(Path logDir, Properties props, List<String> extraArguments) {
        try {
            Files.createDirectories(logDir);
            if (Files.exists(logDir.resolve("meta.properties"))) {
                return;
            }
            Path propsFile = logDir.resolveSibling(logDir.getFileName() + ".format.properties");
            try (Writer writer = Files.newBufferedWriter(propsFile, StandardCharsets.UTF_8)) {
                props.store(writer, "written to format the log directory");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> arguments = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c", propsFile.toString()));
            arguments.addAll(extraArguments);
            int exitCode = StorageTool.execute(arguments.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(propsFile);
            if (exitCode != 0) {
                throw new IllegalStateException("formatting Kafka's log directory " + logDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka's log directory " + logDir, e);
        }
    }
}
