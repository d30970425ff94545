package dev.notespipeline.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kubernetes objects read from YAML into fabric8's typed models (custom resources as generic ones). */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static List<HasMetadata> load(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            Object object = SERIALIZATION.unmarshal(document);
            if (!(object instanceof HasMetadata resource)) {
                throw new IllegalArgumentException("not a Kubernetes object: " + document.strip().lines().findFirst().orElse(""));
            }
            objects.add(resource);
        }
        return objects;
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }

    /** The ConfigMaps among {@code objects}, by name. */
    static Map<String, ConfigMap> configMaps(List<HasMetadata> objects) {
        Map<String, ConfigMap> configMaps = new HashMap<>();
        ofType(objects, ConfigMap.class).forEach(configMap -> configMaps.put(configMap.getMetadata().getName(), configMap));
        return configMaps;
    }

    /**
     * What a container is configured with, as Kubernetes resolves it: the data of the ConfigMaps it reads, then its
     * own env values over them (values from secrets or fields are not known here and left out).
     */
    static Map<String, String> configuration(Container container, Map<String, ConfigMap> configMaps) {
        Map<String, String> values = new LinkedHashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getConfigMapRef() != null && configMaps.containsKey(source.getConfigMapRef().getName())) {
                values.putAll(Optional.ofNullable(configMaps.get(source.getConfigMapRef().getName()).getData()).orElse(Map.of()));
            }
        }
        for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (env.getValue() != null) {
                values.put(env.getName(), env.getValue());
            }
        }
        return values;
    }

    /** The custom resources of one kind (Strimzi's, CloudNativePG's, KEDA's...). */
    static List<GenericKubernetesResource> generic(List<HasMetadata> objects, String kind) {
        return ofType(objects, GenericKubernetesResource.class).stream().filter(resource -> kind.equals(resource.getKind())).toList();
    }

    /** The value at {@code path} below a custom resource's top level ({@code "spec", "kafka", "listeners"}), or null. */
    static Object at(GenericKubernetesResource resource, String... path) {
        Object value = resource.getAdditionalProperties();
        for (String key : path) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    /** A list at {@code path}, or an empty one. */
    static List<?> listAt(GenericKubernetesResource resource, String... path) {
        return at(resource, path) instanceof List<?> list ? list : List.of();
    }

    /** Part of a custom resource read into one of fabric8's typed models (a security context, for example). */
    static <T> T convert(Object value, Class<T> type) {
        return value == null ? null : SERIALIZATION.convertValue(value, type);
    }
}
