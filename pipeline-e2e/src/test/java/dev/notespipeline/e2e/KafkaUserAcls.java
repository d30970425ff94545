package dev.notespipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of the Kubernetes deployment's KafkaUsers (Strimzi's {@code spec.authorization.acls}) as Kafka's own
 * bindings, so that a test broker grants the services exactly what production grants them.
 */
final class KafkaUserAcls {

    private KafkaUserAcls() {
    }

    /** Each KafkaUser of the file, by name, with its bindings. */
    static Map<String, List<AclBinding>> read(Path manifest) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, List<AclBinding>> users = new LinkedHashMap<>();
        try (YAMLParser parser = new YAMLFactory().createParser(manifest.toFile())) {
            for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                if (!"KafkaUser".equals(document.path("kind").asText())) {
                    continue;
                }
                String user = document.path("metadata").path("name").asText();
                List<AclBinding> bindings = new ArrayList<>();
                for (JsonNode acl : document.path("spec").path("authorization").path("acls")) {
                    JsonNode resource = acl.path("resource");
                    ResourcePattern pattern = new ResourcePattern(
                            ResourceType.fromString(resource.path("type").asText()),
                            resource.path("name").asText(),
                            "prefix".equals(resource.path("patternType").asText()) ? PatternType.PREFIXED : PatternType.LITERAL);
                    for (JsonNode operation : acl.path("operations")) {
                        bindings.add(new AclBinding(pattern, new AccessControlEntry("User:" + user, "*",
                                operation(operation.asText()), AclPermissionType.ALLOW)));
                    }
                }
                users.put(user, bindings);
            }
        }
        return users;
    }

    /** Strimzi names operations in camel case ({@code IdempotentWrite}), Kafka in upper snake case. */
    private static AclOperation operation(String strimzi) {
        AclOperation operation = AclOperation.fromString(strimzi.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        if (operation == AclOperation.UNKNOWN) {
            throw new IllegalArgumentException("not a Kafka ACL operation: " + strimzi);
        }
        return operation;
    }
}
