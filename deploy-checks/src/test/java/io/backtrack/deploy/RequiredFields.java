package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The required fields of the kinds BackTrack deploys, from the Kubernetes API reference (v1.32)
 * and the Strimzi KafkaTopic CRD; the models do not check them. A rule {@code a.b[].c} means: in
 * every {@code a.b[]} item that exists, {@code c} is present and not empty. Parents are required
 * only when they have a rule of their own.
 */
final class RequiredFields {

    private static final List<String> EVERY_OBJECT = List.of("apiVersion", "kind", "metadata", "metadata.name");

    private static final List<String> POD_TEMPLATE = List.of(
            "spec.template",
            "spec.template.spec",
            "spec.template.spec.containers",
            "spec.template.spec.containers[].name",
            "spec.template.spec.containers[].image",
            "spec.template.spec.containers[].ports[].containerPort",
            "spec.template.spec.containers[].env[].name",
            "spec.template.spec.containers[].env[].valueFrom.secretKeyRef.key",
            "spec.template.spec.containers[].env[].valueFrom.configMapKeyRef.key",
            "spec.template.spec.containers[].volumeMounts[].name",
            "spec.template.spec.containers[].volumeMounts[].mountPath",
            "spec.template.spec.containers[].livenessProbe.httpGet.port",
            "spec.template.spec.containers[].readinessProbe.httpGet.port",
            "spec.template.spec.containers[].startupProbe.httpGet.port",
            "spec.template.spec.containers[].securityContext.seccompProfile.type",
            "spec.template.spec.securityContext.seccompProfile.type",
            "spec.template.spec.volumes[].name");

    private static final Map<String, List<String>> BY_KIND = Map.of(
            "Deployment", concat(List.of("spec", "spec.selector"), POD_TEMPLATE),
            "Service", List.of("spec", "spec.ports[].port"),
            "HorizontalPodAutoscaler", List.of("spec", "spec.scaleTargetRef", "spec.scaleTargetRef.kind",
                    "spec.scaleTargetRef.name", "spec.maxReplicas", "spec.metrics[].type",
                    "spec.metrics[].resource.name", "spec.metrics[].resource.target",
                    "spec.metrics[].resource.target.type"),
            "PodDisruptionBudget", List.of("spec"),
            "NetworkPolicy", List.of("spec", "spec.podSelector"),
            "Ingress", List.of("spec", "spec.rules[].http.paths", "spec.rules[].http.paths[].pathType",
                    "spec.rules[].http.paths[].backend", "spec.rules[].http.paths[].backend.service.name"),
            "ConfigMap", List.of(),
            "KafkaTopic", List.of("spec"),
            "KafkaUser", List.of("spec", "spec.authentication", "spec.authentication.type", "spec.authorization",
                    "spec.authorization.acls[].resource", "spec.authorization.acls[].resource.type",
                    "spec.authorization.acls[].operations"));

    private RequiredFields() {
    }

    /** The rules the object breaks, as their paths. */
    static List<String> missing(JsonNode object) {
        List<String> missing = new ArrayList<>();
        for (String rule : concat(EVERY_OBJECT, BY_KIND.getOrDefault(object.path("kind").asText(), List.of()))) {
            int dot = rule.lastIndexOf('.');
            String parentPath = dot < 0 ? "" : rule.substring(0, dot);
            String field = rule.substring(dot + 1);
            for (JsonNode parent : resolve(object, parentPath)) {
                if (isEmpty(parent.get(field))) {
                    missing.add(rule);
                    break;
                }
            }
        }
        return missing;
    }

    private static List<JsonNode> resolve(JsonNode root, String path) {
        List<JsonNode> nodes = List.of(root);
        if (path.isEmpty()) {
            return nodes;
        }
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String field = each ? segment.substring(0, segment.length() - 2) : segment;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                JsonNode child = node.get(field);
                if (child == null || child.isNull()) {
                    continue;
                }
                if (each) {
                    child.forEach(next::add);
                } else {
                    next.add(child);
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty() && !value.isObject());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
