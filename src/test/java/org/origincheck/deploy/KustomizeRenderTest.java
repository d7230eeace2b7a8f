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
        assertThat(byKind).containsKeys("ConfigMap", "Secret", "Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget");
        JsonNode deployment = byKind.get("Deployment");
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/image").asText()).isEqualTo("registry.example.com/origincheck:2026.11");
        assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo(byKind.get("Secret").at("/metadata/name").asText());
        assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo(byKind.get("ConfigMap").at("/metadata/name").asText());
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("origincheck");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        byKind.get("Service").at("/spec/selector").fields().forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        byKind.get("PodDisruptionBudget").at("/spec/selector/matchLabels").fields()
                .forEachRemaining(e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(byKind.get("HorizontalPodAutoscaler").at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(byKind.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2);
    }
}
