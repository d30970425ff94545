package dev.notespipeline.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Gives a Quarkus test the pipeline's servers: a real Kafka broker and, unless the init argument
 * {@code postgres} is {@code false}, a real PostgreSQL database.
 *
 * <p>Servers the user names ({@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url}, as system
 * properties or environment variables) are used as they are and nothing is started. With
 * {@code pipeline.infra=containers} nothing is started either: Quarkus Dev Services start containers
 * (for machines with Docker; see the README).
 *
 * <p>A test's field annotated {@code @InjectKafkaCompanion} gets a {@link KafkaCompanion} on the same broker.
 */
public class PipelineInfraResource implements QuarkusTestResourceLifecycleManager {

    private boolean needsPostgres = true;
    private KafkaCompanion companion;

    @Override
    public void init(Map<String, String> initArgs) {
        needsPostgres = !"false".equalsIgnoreCase(initArgs.getOrDefault("postgres", "true"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if ("containers".equalsIgnoreCase(UserSettings.get("pipeline.infra"))) {
            return config;
        }
        if (UserSettings.get("kafka.bootstrap.servers") == null) {
            config.put("kafka.bootstrap.servers", SharedInfra.kafka().bootstrapServers());
        }
        if (needsPostgres && UserSettings.get("quarkus.datasource.jdbc.url") == null) {
            EmbeddedPostgresServer postgres = SharedInfra.postgres();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(companion(),
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCompanion.class, KafkaCompanion.class));
    }

    @Override
    public void stop() {
        // The servers are shared by every test of this JVM; SharedInfra stops them when it exits.
        if (companion != null) {
            companion.close();
        }
    }

    private KafkaCompanion companion() {
        if (companion == null) {
            // The user's broker, ours, or (with Dev Services) the one Quarkus started: whichever the tests run against.
            companion = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return companion;
    }
}
