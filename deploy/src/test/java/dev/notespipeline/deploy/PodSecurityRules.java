package dev.notespipeline.deploy;

import static dev.notespipeline.deploy.Manifests.at;
import static dev.notespipeline.deploy.Manifests.convert;
import static dev.notespipeline.deploy.Manifests.describe;
import static dev.notespipeline.deploy.Manifests.generic;
import static dev.notespipeline.deploy.Manifests.ofType;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pod Security "restricted": the namespace enforces it, and every pod the overlays make, directly (Deployments,
 * Jobs, ...) or through an operator (Strimzi's Kafka and KafkaNodePool, CloudNativePG's Cluster), meets it.
 */
final class PodSecurityRules {

    static final String ENFORCE = "pod-security.kubernetes.io/enforce";

    /** The entity operator's containers, by the name of their template in Strimzi's Kafka resource. */
    private static final List<String> ENTITY_OPERATOR_CONTAINERS = List.of("topicOperatorContainer", "userOperatorContainer");

    private PodSecurityRules() {
    }

    /** Every namespace the objects are put in is declared with them, enforcing the restricted profile. */
    static List<String> namespacesEnforceRestricted(List<HasMetadata> objects) {
        Map<String, Namespace> declared = new LinkedHashMap<>();
        ofType(objects, Namespace.class).forEach(namespace -> declared.put(namespace.getMetadata().getName(), namespace));
        Set<String> used = new TreeSet<>();
        objects.stream().map(object -> object.getMetadata().getNamespace()).filter(Objects::nonNull).forEach(used::add);
        used.addAll(declared.keySet());
        List<String> violations = new ArrayList<>();
        for (String name : used) {
            Namespace namespace = declared.get(name);
            if (namespace == null) {
                violations.add("namespace " + name + " is not declared: add a Namespace with " + ENFORCE + ": restricted");
            } else if (!"restricted".equals(Optional.ofNullable(namespace.getMetadata().getLabels()).orElse(Map.of()).get(ENFORCE))) {
                violations.add(describe(namespace) + ": needs the label " + ENFORCE + ": restricted");
            }
        }
        return violations;
    }

    /** The restricted profile's checks on every pod template, Strimzi's pod templates and CloudNativePG's cluster. */
    static List<String> podsMeetRestricted(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        ManifestRules.podTemplatesWithOwner(objects).forEach(owned ->
                violations.addAll(restricted(describe(owned.owner()), owned.template().getSpec())));
        for (GenericKubernetesResource pool : generic(objects, "KafkaNodePool")) {
            violations.addAll(restricted(describe(pool), strimziPod(pool, List.of("spec", "template"), List.of("kafkaContainer"))));
        }
        for (GenericKubernetesResource kafka : generic(objects, "Kafka")) {
            if (at(kafka, "spec", "entityOperator") != null) {
                violations.addAll(restricted(describe(kafka) + " entityOperator",
                        strimziPod(kafka, List.of("spec", "entityOperator", "template"), ENTITY_OPERATOR_CONTAINERS)));
            }
        }
        for (GenericKubernetesResource cluster : generic(objects, "Cluster")) {
            if (!isRestrictedSeccomp(convert(at(cluster, "spec", "seccompProfile"), SeccompProfile.class))) {
                violations.add(describe(cluster) + ": needs seccompProfile RuntimeDefault");
            }
        }
        return violations;
    }

    /** A pod as Strimzi builds it from a resource's templates: the pod's security context and its containers'. */
    private static PodSpec strimziPod(GenericKubernetesResource resource, List<String> templatePath, List<String> containers) {
        PodSpec pod = new PodSpec();
        pod.setSecurityContext(convert(at(resource, path(templatePath, "pod", "securityContext")), PodSecurityContext.class));
        List<Container> built = new ArrayList<>();
        for (String name : containers) {
            Container container = new Container();
            container.setName(name);
            container.setSecurityContext(convert(at(resource, path(templatePath, name, "securityContext")), SecurityContext.class));
            built.add(container);
        }
        pod.setContainers(built);
        return pod;
    }

    private static String[] path(List<String> prefix, String... rest) {
        return Stream.concat(prefix.stream(), Stream.of(rest)).toArray(String[]::new);
    }

    static List<String> restricted(String owner, PodSpec pod) {
        List<String> violations = new ArrayList<>();
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(owner + ": shares the host's network, processes or IPC");
        }
        for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
            if (volume.getHostPath() != null) {
                violations.add(owner + ": volume " + volume.getName() + " is a hostPath");
            }
        }
        List<Container> containers = Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                Optional.ofNullable(pod.getContainers()).orElse(List.of()).stream()).toList();
        for (Container container : containers) {
            String where = owner + " container " + container.getName() + ": ";
            SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                violations.add(where + "is privileged");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(where + "needs allowPrivilegeEscalation: false");
            }
            Capabilities capabilities = Optional.ofNullable(security.getCapabilities()).orElse(new Capabilities());
            if (capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
                violations.add(where + "must drop all capabilities");
            }
            if (capabilities.getAdd() != null && !Set.of("NET_BIND_SERVICE").containsAll(capabilities.getAdd())) {
                violations.add(where + "adds capabilities " + capabilities.getAdd());
            }
            boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot()
                    : Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            Long user = security.getRunAsUser() != null ? security.getRunAsUser() : podSecurity.getRunAsUser();
            if (!nonRoot || Long.valueOf(0).equals(user)) {
                violations.add(where + "must run as non-root (runAsNonRoot: true)");
            }
            SeccompProfile seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile() : podSecurity.getSeccompProfile();
            if (!isRestrictedSeccomp(seccomp)) {
                violations.add(where + "needs seccompProfile RuntimeDefault");
            }
            for (ContainerPort port : Optional.ofNullable(container.getPorts()).orElse(List.of())) {
                if (port.getHostPort() != null && port.getHostPort() != 0) {
                    violations.add(where + "uses host port " + port.getHostPort());
                }
            }
        }
        return violations;
    }

    private static boolean isRestrictedSeccomp(SeccompProfile profile) {
        return profile != null && ("RuntimeDefault".equals(profile.getType()) || "Localhost".equals(profile.getType()));
    }
}
