package org.origincheck.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders deploy/k8s/overlays/example with kubectl's kustomize (Debian's kubernetes-client, installed by .ci/run)
 * and checks what a cluster would get: every object, probes on the health endpoints, resources, an autoscaler and a
 * disruption budget that point at the Deployment, and selectors that match the pods.
 */
class KustomizeRenderTest {

    @Test
    void shouldRenderTheExampleOverlayIntoACompleteDeployment() throws Exception {
        Path kubectl = Path.of("/usr/bin/kubectl");
        Assumptions.assumeTrue(Files.isExecutable(kubectl), "kubectl is not installed (.ci/run installs Debian's kubernetes-client)");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", "deploy/k8s/overlays/example").redirectErrorStream(true).start();
        String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(yaml).isZero();

        Map<String, JsonNode> byKind = new HashMap<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                byKind.put(doc.path("kind").asText(), doc);
            }
        }
        assertThat(byKind).containsKeys("Namespace", "ConfigMap", "ExternalSecret", "Service", "Deployment", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "Ingress", "NetworkPolicy");
        assertThat(byKind).as("no Secret with its values in git: the cluster's secret store makes it").doesNotContainKey("Secret");
        JsonNode deployment = byKind.get("Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/image").asText()).isEqualTo("registry.example.com/origincheck:2026.11");
        assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo(byKind.get("ExternalSecret").at("/spec/target/name").asText());
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(byKind.get("ConfigMap").at("/metadata/name").asText());
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("origincheck");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        byKind.get("Service").at("/spec/selector").fields().forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(byKind.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(byKind.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.at("/spec/replicas").isMissingNode()).as("the autoscaler owns the replica count").isTrue();

        // The "restricted" Pod Security profile, enforced by the namespace.
        JsonNode namespace = byKind.get("Namespace");
        assertThat(namespace.at("/metadata/name").asText()).isEqualTo("origincheck");
        assertThat(namespace.at("/metadata/labels").path("pod-security.kubernetes.io/enforce").asText()).isEqualTo("restricted");
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(container.at("/securityContext/capabilities/add").isMissingNode()).isTrue();

        // TLS at the Ingress, to the Service's port.
        JsonNode ingress = byKind.get("Ingress");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isNotBlank();
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(ingress.at("/spec/rules/0/host").asText());
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo(byKind.get("Service").at("/metadata/name").asText());

        // The NetworkPolicy applies to the pods and restricts both directions.
        JsonNode policy = byKind.get("NetworkPolicy");
        policy.at("/spec/podSelector/matchLabels").fields().forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");

        // Connections: every replica's pool at the autoscaler's maximum fits in PostgreSQL's default max_connections (100,
        // 3 reserved for superusers), leaving room for migrations and an operator's session.
        int poolSize = Integer.parseInt(byKind.get("ConfigMap").at("/data/QUARKUS_DATASOURCE_JDBC_MAX_SIZE").asText());
        int maxReplicas = byKind.get("HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt();
        assertThat(poolSize * maxReplicas).isLessThanOrEqualTo(90);
    }

    @Test
    void shouldNotUseTheDeprecatedCommonLabels() throws Exception {
        try (var files = Files.walk(Path.of("deploy/k8s"))) {
            files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
                    .forEach(f -> assertThat(readString(f)).as(f.toString()).doesNotContainPattern("(?m)^commonLabels:"));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
