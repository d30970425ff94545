package dev.notespipeline.deploy;

import static dev.notespipeline.deploy.Manifests.describe;
import static dev.notespipeline.deploy.Manifests.ofType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service told to call another one by URL (query-service's memo preview asks ingest and enrich) must be let
 * through: the Service has the port, and the NetworkPolicies admit the traffic out of the caller and into the
 * callee. Otherwise the call times out in the cluster while every test on a laptop passes.
 */
final class NetworkRules {

    private static final Pattern URL = Pattern.compile("^(https?)://([a-z0-9-]+)(?:\\.[a-z0-9.-]+)?(?::(\\d+))?(?:/.*)?$");

    private NetworkRules() {
    }

    static List<String> serviceUrlsAreLetThrough(List<HasMetadata> objects) {
        Map<String, Service> services = new HashMap<>();
        ofType(objects, Service.class).forEach(service -> services.put(service.getMetadata().getName(), service));
        List<String> violations = new ArrayList<>();
        for (Deployment caller : ofType(objects, Deployment.class)) {
            Map<String, String> callerLabels = labels(caller.getSpec().getTemplate());
            configuration(caller, objects).forEach((key, value) -> {
                Matcher url = URL.matcher(value);
                if (!url.matches() || !services.containsKey(url.group(2))) {
                    return;
                }
                Service service = services.get(url.group(2));
                int port = url.group(3) != null ? Integer.parseInt(url.group(3)) : url.group(1).equals("https") ? 443 : 80;
                String where = describe(caller) + ": " + key + " calls " + describe(service) + " on port " + port;
                Optional<ServicePort> servicePort = Optional.ofNullable(service.getSpec().getPorts()).orElse(List.of())
                        .stream().filter(candidate -> candidate.getPort() == port).findFirst();
                if (servicePort.isEmpty()) {
                    violations.add(where + ", which the Service does not have");
                    return;
                }
                for (PodTemplateSpec callee : selected(objects, service)) {
                    Optional<ContainerPort> podPort = podPort(callee, servicePort.get());
                    if (podPort.isEmpty()) {
                        violations.add(where + ", whose target port no container of its pods has");
                        continue;
                    }
                    Map<String, String> calleeLabels = labels(callee);
                    if (!allowed(objects, callerLabels, "Egress", NetworkRules::egress, calleeLabels, podPort.get())) {
                        violations.add(where + ", but no NetworkPolicy lets it out of the caller's pods");
                    }
                    if (!allowed(objects, calleeLabels, "Ingress", NetworkRules::ingress, callerLabels, podPort.get())) {
                        violations.add(where + ", but no NetworkPolicy lets it into " + service.getMetadata().getName() + "'s pods");
                    }
                }
            });
        }
        return violations;
    }

    /** One ingress or egress rule: the pods on the other side, and the ports. */
    private record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private static List<Rule> egress(NetworkPolicy policy) {
        return Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).stream()
                .map(rule -> new Rule(rule.getTo(), rule.getPorts())).toList();
    }

    private static List<Rule> ingress(NetworkPolicy policy) {
        return Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).stream()
                .map(rule -> new Rule(rule.getFrom(), rule.getPorts())).toList();
    }

    /**
     * Whether traffic of one direction is allowed for the pods labelled {@code own}: a pod no policy of that direction
     * selects is not isolated; otherwise one rule must name the other side's pods and the port.
     */
    private static boolean allowed(List<HasMetadata> objects, Map<String, String> own, String direction,
            Function<NetworkPolicy, List<Rule>> rules, Map<String, String> other, ContainerPort port) {
        List<NetworkPolicy> isolating = ofType(objects, NetworkPolicy.class).stream()
                .filter(policy -> Optional.ofNullable(policy.getSpec().getPolicyTypes()).orElse(List.of()).contains(direction))
                .filter(policy -> matches(policy.getSpec().getPodSelector(), own))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(policy -> rules.apply(policy).stream()).anyMatch(rule ->
                admitsPort(rule.ports(), port) && admitsPeer(rule.peers(), other));
    }

    /** A policy port names the container port by number or by name; none at all means every port. */
    private static boolean admitsPort(List<NetworkPolicyPort> ports, ContainerPort port) {
        return ports == null || ports.isEmpty() || ports.stream().map(NetworkPolicyPort::getPort).anyMatch(candidate ->
                candidate == null
                        || (candidate.getIntVal() != null && candidate.getIntVal().equals(port.getContainerPort()))
                        || (candidate.getStrVal() != null && candidate.getStrVal().equals(port.getName())));
    }

    /** Peers in the same namespace: a pod selector alone, or with an empty namespace selector (every namespace). */
    private static boolean admitsPeer(List<NetworkPolicyPeer> peers, Map<String, String> labels) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peer.getIpBlock() == null
                && (peer.getNamespaceSelector() == null || isEmpty(peer.getNamespaceSelector()))
                && (peer.getPodSelector() == null || matches(peer.getPodSelector(), labels)));
    }

    private static boolean isEmpty(LabelSelector selector) {
        return Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).isEmpty()
                && Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of()).isEmpty();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (!labels.entrySet().containsAll(Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of()).entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(requirement.getKey());
            List<String> values = Optional.ofNullable(requirement.getValues()).orElse(List.of());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static List<PodTemplateSpec> selected(List<HasMetadata> objects, Service service) {
        Map<String, String> selector = Optional.ofNullable(service.getSpec().getSelector()).orElse(Map.of());
        return ManifestRules.podTemplatesWithOwner(objects).map(ManifestRules.OwnedTemplate::template)
                .filter(template -> !selector.isEmpty() && labels(template).entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    /** The container port a Service port sends to: its target port by number or by name, else the same number. */
    private static Optional<ContainerPort> podPort(PodTemplateSpec template, ServicePort servicePort) {
        IntOrString target = Optional.ofNullable(servicePort.getTargetPort()).orElse(new IntOrString(servicePort.getPort()));
        return template.getSpec().getContainers().stream()
                .flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
                .filter(port -> target.getIntVal() != null ? target.getIntVal().equals(port.getContainerPort())
                        : target.getStrVal().equals(port.getName()))
                .findFirst();
    }

    /** What a Deployment's containers are configured with, all of them together. */
    private static Map<String, String> configuration(Deployment deployment, List<HasMetadata> objects) {
        Map<String, ConfigMap> configMaps = Manifests.configMaps(objects);
        Map<String, String> values = new LinkedHashMap<>();
        deployment.getSpec().getTemplate().getSpec().getContainers()
                .forEach(container -> values.putAll(Manifests.configuration(container, configMaps)));
        return values;
    }

    private static Map<String, String> labels(PodTemplateSpec template) {
        return Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
    }
}
