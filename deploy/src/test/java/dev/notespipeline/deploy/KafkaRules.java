package dev.notespipeline.deploy;

import static dev.notespipeline.deploy.Manifests.at;
import static dev.notespipeline.deploy.Manifests.describe;
import static dev.notespipeline.deploy.Manifests.generic;
import static dev.notespipeline.deploy.Manifests.listAt;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kafka as Strimzi runs it: only authenticated, authorised clients from the services; one user per service allowed
 * exactly what its channels read and write; dead letters, which hold memo text, short-lived and readable only by
 * the operators' users.
 */
final class KafkaRules {

    static final Duration MAX_DEAD_LETTER_RETENTION = Duration.ofDays(7);

    private static final Set<String> AUTHENTICATIONS = Set.of("scram-sha-512", "tls");

    private KafkaRules() {
    }

    /** One allowed operation on one Kafka resource, as a Strimzi ACL states it. */
    record Grant(String type, String name, String patternType, String operation) implements Comparable<Grant> {

        static Grant literal(String type, String name, String operation) {
            return new Grant(type, name, "literal", operation);
        }

        @Override
        public int compareTo(Grant other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return operation + " " + type + " " + name + ("literal".equals(patternType) ? "" : " (" + patternType + ")");
        }
    }

    /** Every listener needs TLS, authentication and network peers; the cluster needs authorization. */
    static List<String> listenersAreAuthenticated(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (GenericKubernetesResource kafka : generic(objects, "Kafka")) {
            if (!"simple".equals(at(kafka, "spec", "kafka", "authorization", "type"))) {
                violations.add(describe(kafka) + ": needs authorization type simple (Kafka's ACLs)");
            }
            for (Object entry : listAt(kafka, "spec", "kafka", "listeners")) {
                Map<?, ?> listener = (Map<?, ?>) entry;
                String where = describe(kafka) + " listener " + listener.get("name") + ": ";
                if (!Boolean.TRUE.equals(listener.get("tls"))) {
                    violations.add(where + "needs tls: true");
                }
                Object authentication = listener.get("authentication") instanceof Map<?, ?> map ? map.get("type") : null;
                if (authentication == null || !AUTHENTICATIONS.contains(authentication)) {
                    violations.add(where + "needs authentication scram-sha-512 or tls");
                }
                if (!(listener.get("networkPolicyPeers") instanceof List<?> peers) || peers.isEmpty()) {
                    violations.add(where + "needs networkPolicyPeers (without them Strimzi admits every pod)");
                }
            }
        }
        return violations;
    }

    /**
     * Each service has a KafkaUser of its name whose ACLs are exactly: Read on the topics its incoming channels
     * read and on their consumer groups (a group whose name the service extends, as enrich-service appends its
     * taxonomy version, may be granted as the prefix {@code <group>-}), Write on the topics it produces to.
     */
    static List<String> usersMatchTheServices(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        List<String> violations = new ArrayList<>();
        for (ServiceConfiguration service : services) {
            Optional<GenericKubernetesResource> user = generic(objects, "KafkaUser").stream()
                    .filter(candidate -> candidate.getMetadata().getName().equals(service.service())).findFirst();
            if (user.isEmpty()) {
                violations.add("KafkaUser/" + service.service() + " is missing: every service needs a Kafka user of its own");
                continue;
            }
            Object authentication = at(user.get(), "spec", "authentication", "type");
            if (authentication == null || !AUTHENTICATIONS.contains(authentication)) {
                violations.add(describe(user.get()) + ": needs authentication scram-sha-512 or tls");
            }
            Set<Grant> granted = grants(user.get());
            Set<Grant> expected = new TreeSet<>();
            service.reads().forEach(topic -> expected.add(Grant.literal("topic", topic, "Read")));
            service.writes().forEach(topic -> expected.add(Grant.literal("topic", topic, "Write")));
            for (String group : service.groups()) {
                Grant prefixed = new Grant("group", group + "-", "prefix", "Read");
                expected.add(granted.contains(prefixed) ? prefixed : Grant.literal("group", group, "Read"));
            }
            for (Grant grant : expected) {
                if (!granted.contains(grant)) {
                    violations.add(describe(user.get()) + ": lacks " + grant + ", which its channels need");
                }
            }
            for (Grant grant : granted) {
                if (!expected.contains(grant)) {
                    violations.add(describe(user.get()) + ": allows " + grant + ", which none of its channels needs");
                }
            }
        }
        return violations;
    }

    /**
     * Dead-letter topics are kept at most {@link #MAX_DEAD_LETTER_RETENTION}. Kafka users that are not a service's
     * (people, scalers) may only read dead letters and describe: the main topics' memos stay with the services.
     */
    static List<String> deadLettersStayPrivate(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        List<String> violations = new ArrayList<>();
        for (GenericKubernetesResource topic : generic(objects, "KafkaTopic")) {
            Object name = Optional.ofNullable(at(topic, "spec", "topicName")).orElse(topic.getMetadata().getName());
            if (!name.toString().endsWith(".dlq")) {
                continue;
            }
            Object retention = at(topic, "spec", "config", "retention.ms");
            if (retention == null || Long.parseLong(retention.toString()) > MAX_DEAD_LETTER_RETENTION.toMillis()
                    || Long.parseLong(retention.toString()) < 0) {
                violations.add(describe(topic) + ": dead letters hold memo text; keep them at most "
                        + MAX_DEAD_LETTER_RETENTION.toDays() + " days (retention.ms " + MAX_DEAD_LETTER_RETENTION.toMillis() + ")");
            }
        }
        Set<String> serviceNames = new TreeSet<>();
        services.forEach(service -> serviceNames.add(service.service()));
        for (GenericKubernetesResource user : generic(objects, "KafkaUser")) {
            if (serviceNames.contains(user.getMetadata().getName())) {
                continue;
            }
            for (Grant grant : grants(user)) {
                boolean describes = grant.operation().equals("Describe");
                boolean readsDeadLetters = grant.operation().equals("Read")
                        && (grant.type().equals("group") || grant.type().equals("topic") && grant.name().endsWith(".dlq"));
                if (!describes && !readsDeadLetters) {
                    violations.add(describe(user) + ": allows " + grant + "; a user that is not a service may only read "
                            + "dead letters and describe");
                }
            }
        }
        return violations;
    }

    private static Set<Grant> grants(GenericKubernetesResource user) {
        Set<Grant> grants = new TreeSet<>();
        for (Object entry : listAt(user, "spec", "authorization", "acls")) {
            Map<?, ?> acl = (Map<?, ?>) entry;
            Map<?, ?> resource = (Map<?, ?>) acl.get("resource");
            String patternType = Optional.ofNullable(resource.get("patternType")).orElse("literal").toString();
            String name = Optional.ofNullable(resource.get("name")).orElse("*").toString();
            List<?> operations = acl.get("operations") instanceof List<?> list ? list
                    : List.of(Optional.ofNullable(acl.get("operation")).orElse("All"));
            for (Object operation : operations) {
                grants.add(new Grant(resource.get("type").toString(), name, patternType, operation.toString()));
            }
        }
        return grants;
    }
}
