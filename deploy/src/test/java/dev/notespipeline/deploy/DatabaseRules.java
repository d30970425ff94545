package dev.notespipeline.deploy;

import static dev.notespipeline.deploy.Manifests.describe;
import static dev.notespipeline.deploy.Manifests.generic;
import static dev.notespipeline.deploy.Manifests.listAt;
import static dev.notespipeline.deploy.Manifests.ofType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * PostgreSQL: every service logs in over verified TLS as a role of its own (never the database owner's, never
 * another service's), a role the CloudNativePG cluster manages; the cluster refuses connections without TLS.
 */
final class DatabaseRules {

    static final String JDBC_URL = "QUARKUS_DATASOURCE_JDBC_URL";
    static final String USERNAME = "QUARKUS_DATASOURCE_USERNAME";

    private static final Pattern VERIFIED_TLS = Pattern.compile("[?&]sslmode=verify-(full|ca)(&|$)");

    private DatabaseRules() {
    }

    static List<String> servicesUseTlsAndTheirOwnRoles(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        List<String> violations = new ArrayList<>();
        Set<String> managedSecrets = new TreeSet<>();
        for (GenericKubernetesResource cluster : generic(objects, "Cluster")) {
            for (Object role : listAt(cluster, "spec", "managed", "roles")) {
                if (((Map<?, ?>) role).get("passwordSecret") instanceof Map<?, ?> secret) {
                    managedSecrets.add(String.valueOf(secret.get("name")));
                }
            }
            List<?> hba = listAt(cluster, "spec", "postgresql", "pg_hba");
            boolean refusesPlain = hba.stream().map(String::valueOf)
                    .anyMatch(line -> line.matches("hostnossl\\s+all\\s+all\\s+0\\.0\\.0\\.0/0\\s+reject"));
            if (!refusesPlain) {
                violations.add(describe(cluster) + ": needs pg_hba \"hostnossl all all 0.0.0.0/0 reject\" (and ::/0)");
            }
        }
        Map<String, ConfigMap> configMaps = Manifests.configMaps(objects);
        Map<String, String> secretOwners = new HashMap<>();
        Set<String> withDatabase = new TreeSet<>();
        services.stream().filter(service -> service.environment().contains(JDBC_URL)).forEach(service -> withDatabase.add(service.service()));
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            if (!withDatabase.contains(deployment.getMetadata().getName())) {
                continue;
            }
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = describe(deployment) + " container " + container.getName() + ": ";
                Map<String, String> values = Manifests.configuration(container, configMaps);
                Optional<EnvVar> username = Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
                        .filter(env -> env.getName().equals(USERNAME)).findFirst();
                String url = values.get(JDBC_URL);
                if (url == null || !VERIFIED_TLS.matcher(url).find()) {
                    violations.add(where + JDBC_URL + " needs sslmode=verify-full (TLS, the server's certificate checked)");
                }
                String secret = username.map(EnvVar::getValueFrom).map(from -> from.getSecretKeyRef())
                        .map(ref -> ref.getName()).orElse(null);
                if (secret == null) {
                    violations.add(where + USERNAME + " must come from a Secret");
                    continue;
                }
                String other = secretOwners.putIfAbsent(secret, deployment.getMetadata().getName());
                if (other != null) {
                    violations.add(where + "logs in with Secret " + secret + ", as " + other + " does: every service "
                            + "needs a database role of its own");
                }
                if (!managedSecrets.contains(secret)) {
                    violations.add(where + "logs in with Secret " + secret + ", which no role of the Cluster's "
                            + "spec.managed.roles takes its password from");
                }
            }
        }
        return violations;
    }
}
