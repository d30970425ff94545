package dev.notespipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Both overlays render, load into typed models and pass every rule. */
class OverlaysTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path K8S = ROOT.resolve("deploy/k8s");

    static List<ServiceConfiguration> services() {
        return ServiceConfiguration.SERVICES.stream().map(service -> ServiceConfiguration.load(ROOT, service)).toList();
    }

    static List<HasMetadata> render(String overlay) {
        return Manifests.load(Kustomize.render(K8S.resolve("overlays").resolve(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyOverlayPassesEveryRule(String overlay) {
        List<HasMetadata> objects = render(overlay);
        assertThat(Manifests.ofType(objects, Deployment.class)).extracting(deployment -> deployment.getMetadata().getName())
                .contains("ingest-service", "enrich-service", "query-service");
        assertThat(ManifestRules.check(objects, services())).isEmpty();
    }

    @Test
    void theServicesReadTheTopicsTheClusterDeclares() {
        assertThat(services()).flatExtracting(ServiceConfiguration::topics)
                .contains("notes.parsed", "notes.enriched", "notes.parsed.dlq", "notes.enriched.dlq");
    }

    @Test
    void thePagesMemoPreviewReachesIngestAndEnrichOnlyThroughItsPolicies() {
        List<HasMetadata> objects = render("prod");
        assertThat(NetworkRules.serviceUrlsAreLetThrough(objects)).isEmpty();
        List<HasMetadata> withoutPreviewPolicies = objects.stream().filter(object -> !(object instanceof NetworkPolicy policy
                && List.of("query-service-preview-egress", "preview-from-query-service").contains(policy.getMetadata().getName())))
                .toList();
        assertThat(NetworkRules.serviceUrlsAreLetThrough(withoutPreviewPolicies)).containsExactlyInAnyOrder(
                "Deployment/query-service: QUERY_PREVIEW_INGEST_URL calls Service/ingest-service on port 80, "
                        + "but no NetworkPolicy lets it out of the caller's pods",
                "Deployment/query-service: QUERY_PREVIEW_INGEST_URL calls Service/ingest-service on port 80, "
                        + "but no NetworkPolicy lets it into ingest-service's pods",
                "Deployment/query-service: QUERY_PREVIEW_ENRICH_URL calls Service/enrich-service on port 80, "
                        + "but no NetworkPolicy lets it out of the caller's pods",
                "Deployment/query-service: QUERY_PREVIEW_ENRICH_URL calls Service/enrich-service on port 80, "
                        + "but no NetworkPolicy lets it into enrich-service's pods");
    }

    @Test
    void devRunsOneOfEverythingWithMinioAsTheBucket() {
        List<HasMetadata> objects = render("dev");
        assertThat(Manifests.ofType(objects, Deployment.class)).allSatisfy(deployment ->
                assertThat(deployment.getSpec().getReplicas()).isEqualTo(1));
        ConfigMap ingest = Manifests.ofType(objects, ConfigMap.class).stream()
                .filter(configMap -> configMap.getMetadata().getName().equals("ingest-service-config")).findFirst().orElseThrow();
        assertThat(ingest.getData()).containsEntry("PIPELINE_BUCKET_S3_ENDPOINT", "http://minio:9000");
    }

    @Test
    void prodSpreadsScalesAndBudgetsButKeepsOneIngestReplica() {
        List<HasMetadata> objects = render("prod");
        assertThat(Manifests.ofType(objects, PodDisruptionBudget.class)).extracting(pdb -> pdb.getMetadata().getName())
                .containsExactlyInAnyOrder("enrich-service", "query-service");
        assertThat(Manifests.ofType(objects, GenericKubernetesResource.class))
                .filteredOn(resource -> resource.getKind().equals("ScaledObject"))
                .extracting(resource -> resource.getMetadata().getName())
                .containsExactlyInAnyOrder("enrich-service", "query-service");
        Deployment ingest = Manifests.ofType(objects, Deployment.class).stream()
                .filter(deployment -> deployment.getMetadata().getName().equals("ingest-service")).findFirst().orElseThrow();
        assertThat(ingest.getSpec().getReplicas()).isEqualTo(1);
        assertThat(ingest.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(Manifests.ofType(objects, GenericKubernetesResource.class))
                .extracting(HasMetadata::getKind).contains("ServiceMonitor", "Kafka", "KafkaNodePool", "Cluster");
    }
}
