package dev.notespipeline.deploy;

import static dev.notespipeline.deploy.Manifests.describe;
import static dev.notespipeline.deploy.Manifests.generic;
import static dev.notespipeline.deploy.Manifests.ofType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The rules every rendered overlay must pass. Each returns its violations, one readable line each, naming the
 * object; an empty list means the manifests pass.
 */
final class ManifestRules {

    static final String MANAGEMENT = "management";

    private ManifestRules() {
    }

    /** Every rule at once. */
    static List<String> check(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        List<String> violations = new ArrayList<>();
        violations.addAll(deploymentsAreHardened(objects));
        violations.addAll(servicesSelectPods(objects));
        violations.addAll(managementStaysOffThePublicPort(objects, services));
        violations.addAll(environmentIsReadByTheServices(objects, services));
        violations.addAll(topicsMatchTheServices(objects, services));
        violations.addAll(imagesArePinned(objects));
        violations.addAll(secretsHoldNoData(objects));
        violations.addAll(PodSecurityRules.namespacesEnforceRestricted(objects));
        violations.addAll(PodSecurityRules.podsMeetRestricted(objects));
        violations.addAll(KafkaRules.listenersAreAuthenticated(objects));
        violations.addAll(KafkaRules.usersMatchTheServices(objects, services));
        violations.addAll(KafkaRules.deadLettersStayPrivate(objects, services));
        violations.addAll(DatabaseRules.servicesUseTlsAndTheirOwnRoles(objects, services));
        violations.addAll(NetworkRules.serviceUrlsAreLetThrough(objects));
        return violations;
    }

    /** Probes, requests and limits, and a locked-down security context on every container of every Deployment. */
    static List<String> deploymentsAreHardened(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            for (Container container : pod.getContainers()) {
                String where = describe(deployment) + " container " + container.getName() + ": ";
                if (container.getLivenessProbe() == null || container.getReadinessProbe() == null
                        || container.getStartupProbe() == null) {
                    violations.add(where + "needs liveness, readiness and startup probes");
                }
                ResourceRequirements resources = Optional.ofNullable(container.getResources()).orElse(new ResourceRequirements());
                if (!hasKeys(resources.getRequests(), "cpu", "memory") || !hasKeys(resources.getLimits(), "memory")) {
                    violations.add(where + "needs cpu and memory requests and a memory limit");
                }
                SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
                if (!Boolean.TRUE.equals(security.getRunAsNonRoot()) && !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
                    violations.add(where + "must run as non-root (runAsNonRoot: true)");
                }
                if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    violations.add(where + "needs readOnlyRootFilesystem: true");
                }
                if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    violations.add(where + "needs allowPrivilegeEscalation: false");
                }
                if (security.getCapabilities() == null || security.getCapabilities().getDrop() == null
                        || !security.getCapabilities().getDrop().contains("ALL")) {
                    violations.add(where + "must drop all capabilities");
                }
                if (!isRuntimeDefault(security.getSeccompProfile()) && !isRuntimeDefault(podSecurity.getSeccompProfile())) {
                    violations.add(where + "needs seccompProfile RuntimeDefault");
                }
            }
        }
        return violations;
    }

    /**
     * Health, metrics and OpenAPI live on the services' management port: the probes and Prometheus must use the
     * container port named {@value #MANAGEMENT}, never the public one.
     */
    static List<String> managementStaysOffThePublicPort(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        Set<String> names = new HashSet<>();
        services.forEach(service -> names.add(service.service()));
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            if (!names.contains(deployment.getMetadata().getName())) {
                continue;
            }
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = describe(deployment) + " container " + container.getName() + ": ";
                Optional<Integer> management = Optional.ofNullable(container.getPorts()).orElse(List.of()).stream()
                        .filter(port -> MANAGEMENT.equals(port.getName())).map(port -> port.getContainerPort()).findFirst();
                if (management.isEmpty()) {
                    violations.add(where + "needs a container port named " + MANAGEMENT);
                }
                Map<String, Probe> probes = new TreeMap<>();
                probes.put("startup", container.getStartupProbe());
                probes.put("liveness", container.getLivenessProbe());
                probes.put("readiness", container.getReadinessProbe());
                probes.forEach((kind, probe) -> {
                    IntOrString port = probe == null || probe.getHttpGet() == null ? null : probe.getHttpGet().getPort();
                    boolean onManagement = port != null && (MANAGEMENT.equals(port.getStrVal())
                            || management.isPresent() && management.get().equals(port.getIntVal()));
                    if (probe != null && !onManagement) {
                        violations.add(where + "the " + kind + " probe must ask the " + MANAGEMENT + " port");
                    }
                });
            }
        }
        for (GenericKubernetesResource monitor : generic(objects, "ServiceMonitor")) {
            for (Object endpoint : Manifests.listAt(monitor, "spec", "endpoints")) {
                if (!MANAGEMENT.equals(((Map<?, ?>) endpoint).get("port"))) {
                    violations.add(describe(monitor) + ": scrapes port " + ((Map<?, ?>) endpoint).get("port")
                            + "; metrics are served on the " + MANAGEMENT + " port");
                }
            }
        }
        return violations;
    }

    /** A Service whose selector matches no pod template sends traffic nowhere. */
    static List<String> servicesSelectPods(List<HasMetadata> objects) {
        List<Map<String, String>> podLabels = podTemplates(objects)
                .map(template -> Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of()))
                .toList();
        List<String> violations = new ArrayList<>();
        for (Service service : ofType(objects, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                violations.add(describe(service) + ": has no selector");
            } else if (podLabels.stream().noneMatch(labels -> labels.entrySet().containsAll(selector.entrySet()))) {
                violations.add(describe(service) + ": selector " + selector + " matches no pod template");
            }
        }
        return violations;
    }

    /** Every environment variable and ConfigMap key given to a service is one the service reads. */
    static List<String> environmentIsReadByTheServices(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        Map<String, ConfigMap> configMaps = Manifests.configMaps(objects);
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : ofType(objects, Deployment.class)) {
            Optional<ServiceConfiguration> service = services.stream()
                    .filter(candidate -> candidate.service().equals(deployment.getMetadata().getName())).findFirst();
            if (service.isEmpty()) {
                continue;
            }
            Set<String> known = service.get().environment();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = describe(deployment) + " container " + container.getName() + ": ";
                for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (!known.contains(env.getName())) {
                        violations.add(where + "sets " + env.getName() + ", which " + service.get().service() + " does not read");
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() == null) {
                        continue;
                    }
                    ConfigMap configMap = configMaps.get(source.getConfigMapRef().getName());
                    if (configMap == null) {
                        violations.add(where + "reads ConfigMap " + source.getConfigMapRef().getName() + ", which is not there");
                        continue;
                    }
                    for (String key : Optional.ofNullable(configMap.getData()).orElse(Map.of()).keySet()) {
                        if (!known.contains(key)) {
                            violations.add(where + "ConfigMap " + configMap.getMetadata().getName() + " sets " + key
                                    + ", which " + service.get().service() + " does not read");
                        }
                    }
                }
            }
        }
        return violations;
    }

    /** The KafkaTopics are exactly the topics the services' channels name. */
    static List<String> topicsMatchTheServices(List<HasMetadata> objects, List<ServiceConfiguration> services) {
        Set<String> declared = new TreeSet<>();
        for (GenericKubernetesResource topic : generic(objects, "KafkaTopic")) {
            Object topicName = spec(topic).get("topicName");
            declared.add(topicName != null ? topicName.toString() : topic.getMetadata().getName());
        }
        Set<String> used = new TreeSet<>();
        services.forEach(service -> used.addAll(service.topics()));
        List<String> violations = new ArrayList<>();
        for (String topic : used) {
            if (!declared.contains(topic)) {
                violations.add("topic " + topic + " is used by the services but no KafkaTopic declares it");
            }
        }
        for (String topic : declared) {
            if (!used.contains(topic)) {
                violations.add("KafkaTopic " + topic + " is declared but no service uses it (a misspelt name?)");
            }
        }
        return violations;
    }

    /** Every image is pinned by a tag other than latest, or by digest. */
    static List<String> imagesArePinned(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        Function<String, Boolean> pinned = image -> {
            if (image.contains("@sha256:")) {
                return true;
            }
            int slash = image.lastIndexOf('/');
            int colon = image.lastIndexOf(':');
            return colon > slash && !image.substring(colon + 1).equals("latest");
        };
        podTemplatesWithOwner(objects).forEach(owned -> {
            PodSpec pod = owned.template().getSpec();
            Stream.concat(pod.getContainers().stream(), Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream())
                    .filter(container -> !pinned.apply(Objects.requireNonNullElse(container.getImage(), "")))
                    .forEach(container -> violations.add(describe(owned.owner()) + " container " + container.getName()
                            + ": image " + container.getImage() + " is not pinned (give a tag other than latest, or a digest)"));
        });
        for (GenericKubernetesResource resource : generic(objects, "Cluster")) {
            Object image = spec(resource).get("imageName");
            if (image != null && !pinned.apply(image.toString())) {
                violations.add(describe(resource) + ": imageName " + image + " is not pinned");
            }
        }
        return violations;
    }

    /** Secrets are created in the cluster, never committed: a Secret in the manifests must carry no data. */
    static List<String> secretsHoldNoData(List<HasMetadata> objects) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : ofType(objects, Secret.class)) {
            if (!Optional.ofNullable(secret.getData()).orElse(Map.of()).isEmpty()
                    || !Optional.ofNullable(secret.getStringData()).orElse(Map.of()).isEmpty()) {
                violations.add(describe(secret) + ": holds data; create Secrets in the cluster, never in git");
            }
        }
        return violations;
    }

    record OwnedTemplate(HasMetadata owner, PodTemplateSpec template) {
    }

    /** The pod template of every workload kind Kubernetes runs pods from. */
    static Stream<OwnedTemplate> podTemplatesWithOwner(List<HasMetadata> objects) {
        List<OwnedTemplate> templates = new ArrayList<>();
        ofType(objects, Deployment.class).forEach(d -> templates.add(new OwnedTemplate(d, d.getSpec().getTemplate())));
        ofType(objects, StatefulSet.class).forEach(s -> templates.add(new OwnedTemplate(s, s.getSpec().getTemplate())));
        ofType(objects, DaemonSet.class).forEach(d -> templates.add(new OwnedTemplate(d, d.getSpec().getTemplate())));
        ofType(objects, ReplicaSet.class).forEach(r -> templates.add(new OwnedTemplate(r, r.getSpec().getTemplate())));
        ofType(objects, Job.class).forEach(j -> templates.add(new OwnedTemplate(j, j.getSpec().getTemplate())));
        ofType(objects, CronJob.class).forEach(c -> templates.add(new OwnedTemplate(c, c.getSpec().getJobTemplate().getSpec().getTemplate())));
        ofType(objects, Pod.class).forEach(p -> templates.add(new OwnedTemplate(p, new PodTemplateSpec(p.getMetadata(), p.getSpec()))));
        return templates.stream();
    }

    private static Stream<PodTemplateSpec> podTemplates(List<HasMetadata> objects) {
        return podTemplatesWithOwner(objects).map(OwnedTemplate::template);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        Object spec = resource.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static boolean hasKeys(Map<String, Quantity> quantities, String... keys) {
        if (quantities == null) {
            return false;
        }
        return new HashSet<>(quantities.keySet()).containsAll(List.of(keys));
    }

    private static boolean isRuntimeDefault(SeccompProfile profile) {
        return profile != null && "RuntimeDefault".equals(profile.getType());
    }
}
