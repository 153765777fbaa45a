package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The environment variable names that deploy files give each BackTrack service, keyed by its module name. */
final class DeployEnvironment {

    private DeployEnvironment() {
    }

    /** Compose services built from a module (build.context), with their environment's names. */
    static Map<String, Set<String>> ofCompose(JsonNode compose) {
        Map<String, Set<String>> byService = new TreeMap<>();
        for (Iterator<JsonNode> services = compose.path("services").elements(); services.hasNext(); ) {
            JsonNode service = services.next();
            if (!service.has("build")) {
                continue;
            }
            String module = Path.of(service.path("build").path("context").asText()).getFileName().toString();
            byService.put(module, names(service.path("environment")));
        }
        return byService;
    }

    /** ConfigMap data and container env of the objects labelled app.kubernetes.io/name. */
    static Map<String, Set<String>> ofKubernetes(List<? extends JsonNode> objects) {
        Map<String, Set<String>> byService = new TreeMap<>();
        for (JsonNode object : objects) {
            String service = object.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            Set<String> names = byService.computeIfAbsent(service, s -> new TreeSet<>());
            switch (object.path("kind").asText()) {
                case "ConfigMap" -> object.path("data").fieldNames().forEachRemaining(names::add);
                case "Deployment" -> object.path("spec").path("template").path("spec").path("containers")
                        .forEach(container -> container.path("env").forEach(env -> names.add(env.path("name").asText())));
                default -> {
                }
            }
        }
        byService.values().removeIf(Set::isEmpty);
        return byService;
    }

    private static Set<String> names(JsonNode environment) {
        Set<String> names = new TreeSet<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(names::add);
        } else {
            environment.forEach(entry -> names.add(entry.asText().split("=", 2)[0]));
        }
        return names;
    }
}
