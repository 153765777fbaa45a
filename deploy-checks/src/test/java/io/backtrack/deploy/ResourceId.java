package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** A Kubernetes object's identity as kustomize sees it: kind, namespace and name. */
final class ResourceId {

    private ResourceId() {
    }

    static String of(JsonNode resource) {
        JsonNode metadata = resource.path("metadata");
        return resource.path("kind").asText() + "/" + metadata.path("namespace").asText("~") + "/"
                + metadata.path("name").asText();
    }
}
