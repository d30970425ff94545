package dev.notespipeline.infra;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a Quarkus test the pipeline's servers: a real Kafka broker and, unless the init argument
 * {@code postgres} is {@code false}, a real PostgreSQL database.
 *
 * <p>Servers the user names ({@code kafka.bootstrap.servers}, {@code quarkus.datasource.jdbc.url}, as system
 * properties or environment variables) are used as they are and nothing is started. With
 * {@code pipeline.infra=containers} nothing is started either: Quarkus Dev Services start containers
 * (for machines with Docker; see the README).
 */
public class PipelineInfraResource implements QuarkusTestResourceLifecycleManager {

    private boolean needsPostgres = true;

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
    public void stop() {
        // The servers are shared by every test of this JVM; SharedInfra stops them when it exits.
    }
}
