package dev.notespipeline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule catches the broken manifest it exists for. */
class ManifestRulesTest {

    private static final List<ServiceConfiguration> SERVICES = List.of(ServiceConfiguration.parse("query-service", List.of(
            "quarkus.http.port=8080",
            "quarkus.datasource.db-kind=postgresql",
            "# pipeline.search.max-terms=20",
            "mp.messaging.incoming.notes-enriched.topic=notes.enriched",
            "mp.messaging.incoming.notes-enriched.dead-letter-queue.topic=notes.enriched.dlq")));

    private static List<HasMetadata> broken(String name) {
        try (InputStream in = ManifestRulesTest.class.getResourceAsStream("/broken/" + name + ".yaml")) {
            return Manifests.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theGoodManifestPassesEveryRule() {
        assertThat(ManifestRules.check(broken("good"), SERVICES)).isEmpty();
    }

    @Test
    void aDeploymentWithoutProbesResourcesOrHardeningFails() {
        assertThat(ManifestRules.deploymentsAreHardened(broken("unhardened"))).containsExactlyInAnyOrder(
                "Deployment/query-service container query-service: needs liveness, readiness and startup probes",
                "Deployment/query-service container query-service: needs cpu and memory requests and a memory limit",
                "Deployment/query-service container query-service: must run as non-root (runAsNonRoot: true)",
                "Deployment/query-service container query-service: needs readOnlyRootFilesystem: true",
                "Deployment/query-service container query-service: needs allowPrivilegeEscalation: false",
                "Deployment/query-service container query-service: must drop all capabilities",
                "Deployment/query-service container query-service: needs seccompProfile RuntimeDefault");
    }

    @Test
    void probesOrScrapingOnThePublicPortFail() {
        assertThat(ManifestRules.managementStaysOffThePublicPort(broken("public-management"), SERVICES)).containsExactlyInAnyOrder(
                "Deployment/query-service container query-service: needs a container port named management",
                "Deployment/query-service container query-service: the startup probe must ask the management port",
                "Deployment/query-service container query-service: the liveness probe must ask the management port",
                "Deployment/query-service container query-service: the readiness probe must ask the management port",
                "ServiceMonitor/notes-pipeline: scrapes port http; metrics are served on the management port");
    }

    @Test
    void aServiceThatSelectsNoPodFails() {
        assertThat(ManifestRules.servicesSelectPods(broken("orphan-service")))
                .containsExactly("Service/query-service: selector {app.kubernetes.io/name=query-servce} matches no pod template");
    }

    @Test
    void anEnvironmentVariableOrConfigKeyTheServiceDoesNotReadFails() {
        assertThat(ManifestRules.environmentIsReadByTheServices(broken("unknown-config"), SERVICES)).containsExactlyInAnyOrder(
                "Deployment/query-service container query-service: sets QUARKUS_HTTP_PROT, which query-service does not read",
                "Deployment/query-service container query-service: ConfigMap query-service-config sets PIPELINE_BUCKET_URL, "
                        + "which query-service does not read");
    }

    @Test
    void aTopicNameThatDiffersFromTheServicesFails() {
        assertThat(ManifestRules.topicsMatchTheServices(broken("misnamed-topic"), SERVICES)).containsExactlyInAnyOrder(
                "topic notes.enriched is used by the services but no KafkaTopic declares it",
                "KafkaTopic notes.enrich is declared but no service uses it (a misspelt name?)");
    }

    @Test
    void aServiceUrlThePoliciesOrTheServiceDoNotLetThroughFails() {
        assertThat(NetworkRules.serviceUrlsAreLetThrough(broken("blocked-preview"))).containsExactlyInAnyOrder(
                "Deployment/query-service: QUERY_PREVIEW_INGEST_URL calls Service/ingest-service on port 80, "
                        + "but no NetworkPolicy lets it out of the caller's pods",
                "Deployment/query-service: QUERY_PREVIEW_INGEST_URL calls Service/ingest-service on port 80, "
                        + "but no NetworkPolicy lets it into ingest-service's pods",
                "Deployment/query-service: QUERY_PREVIEW_ENRICH_URL calls Service/enrich-service on port 8082, "
                        + "which the Service does not have");
    }

    @Test
    void anImageOnLatestOrWithoutTagFails() {
        assertThat(ManifestRules.imagesArePinned(broken("unpinned-images"))).containsExactlyInAnyOrder(
                "Deployment/query-service container query-service: image ghcr.io/notes-pipeline/query-service:latest is not pinned "
                        + "(give a tag other than latest, or a digest)",
                "Deployment/query-service container sidecar: image registry.local:5000/sidecar is not pinned "
                        + "(give a tag other than latest, or a digest)");
    }

    @Test
    void aKafkaThatAdmitsAnyoneFails() {
        List<HasMetadata> objects = broken("open-kafka");
        assertThat(KafkaRules.listenersAreAuthenticated(objects)).containsExactlyInAnyOrder(
                "Kafka/kafka: needs authorization type simple (Kafka's ACLs)",
                "Kafka/kafka listener plain: needs tls: true",
                "Kafka/kafka listener plain: needs authentication scram-sha-512 or tls",
                "Kafka/kafka listener plain: needs networkPolicyPeers (without them Strimzi admits every pod)");
        assertThat(KafkaRules.usersMatchTheServices(objects, SERVICES)).containsExactlyInAnyOrder(
                "KafkaUser/query-service: lacks Read topic notes.enriched, which its channels need",
                "KafkaUser/query-service: allows Read topic notes. (prefix), which none of its channels needs");
        assertThat(KafkaRules.usersMatchTheServices(List.of(), SERVICES))
                .containsExactly("KafkaUser/query-service is missing: every service needs a Kafka user of its own");
    }

    @Test
    void deadLettersKeptLongOrReadableByOthersFail() {
        assertThat(KafkaRules.deadLettersStayPrivate(broken("open-kafka"), SERVICES)).containsExactlyInAnyOrder(
                "KafkaTopic/notes-enriched-dlq: dead letters hold memo text; keep them at most 7 days (retention.ms 604800000)",
                "KafkaUser/operator: allows Read topic notes.enriched; a user that is not a service may only read dead letters and describe",
                "KafkaUser/operator: allows Write topic notes.enriched; a user that is not a service may only read dead letters and describe");
    }

    @Test
    void podsThatPodSecurityRestrictedRefusesFail() {
        List<HasMetadata> objects = broken("unrestricted-pods");
        assertThat(PodSecurityRules.namespacesEnforceRestricted(objects)).containsExactlyInAnyOrder(
                "Namespace/notes: needs the label pod-security.kubernetes.io/enforce: restricted",
                "namespace elsewhere is not declared: add a Namespace with pod-security.kubernetes.io/enforce: restricted");
        assertThat(PodSecurityRules.podsMeetRestricted(objects)).containsExactlyInAnyOrder(
                "Job/backup: shares the host's network, processes or IPC",
                "Job/backup: volume host is a hostPath",
                "Job/backup container backup: is privileged",
                "Job/backup container backup: adds capabilities [SYS_ADMIN]",
                "KafkaNodePool/pool container kafkaContainer: needs allowPrivilegeEscalation: false",
                "KafkaNodePool/pool container kafkaContainer: must drop all capabilities",
                "KafkaNodePool/pool container kafkaContainer: must run as non-root (runAsNonRoot: true)",
                "KafkaNodePool/pool container kafkaContainer: needs seccompProfile RuntimeDefault",
                "Kafka/kafka entityOperator container topicOperatorContainer: needs allowPrivilegeEscalation: false",
                "Kafka/kafka entityOperator container topicOperatorContainer: must drop all capabilities",
                "Kafka/kafka entityOperator container userOperatorContainer: needs allowPrivilegeEscalation: false",
                "Kafka/kafka entityOperator container userOperatorContainer: must drop all capabilities",
                "Cluster/db: needs seccompProfile RuntimeDefault");
    }

    @Test
    void aServiceOnTheOwnersRoleOrWithoutTlsFails() {
        assertThat(DatabaseRules.servicesUseTlsAndTheirOwnRoles(broken("shared-database-role"), SERVICES)).containsExactlyInAnyOrder(
                "Cluster/db: needs pg_hba \"hostnossl all all 0.0.0.0/0 reject\" (and ::/0)",
                "Deployment/query-service container query-service: QUARKUS_DATASOURCE_JDBC_URL needs sslmode=verify-full "
                        + "(TLS, the server's certificate checked)",
                "Deployment/query-service container query-service: logs in with Secret db-app, which no role of the "
                        + "Cluster's spec.managed.roles takes its password from");
    }

    @Test
    void aSecretWithDataInGitFails() {
        assertThat(ManifestRules.secretsHoldNoData(broken("secret-with-data")))
                .containsExactly("Secret/notes-db-app: holds data; create Secrets in the cluster, never in git");
    }
}
