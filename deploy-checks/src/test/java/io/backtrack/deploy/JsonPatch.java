package io.backtrack.deploy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 JSON Patch operations add, replace and remove, as kustomize applies them to a resource. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, JsonNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            JsonPointer path = JsonPointer.compile(operation.path("path").asText());
            JsonNode parent = target.at(path.head());
            String last = path.last().getMatchingProperty();
            if (parent.isMissingNode()) {
                throw new IllegalArgumentException("No parent for " + path + " in " + describe(target));
            }
            switch (op) {
                case "add" -> add(parent, last, operation.get("value"));
                case "replace" -> replace(parent, last, operation.get("value"), path, target);
                case "remove" -> remove(parent, last, path, target);
                default -> throw new UnsupportedOperationException("JSON patch op " + op + " is not supported");
            }
        }
    }

    private static void add(JsonNode parent, String last, JsonNode value) {
        if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (last.equals("-")) {
                array.add(value.deepCopy());
            } else {
                array.insert(Integer.parseInt(last), value.deepCopy());
            }
        } else {
            ((ObjectNode) parent).set(last, value.deepCopy());
        }
    }

    private static void replace(JsonNode parent, String last, JsonNode value, JsonPointer path, ObjectNode target) {
        requireExisting(parent, last, path, target);
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), value.deepCopy());
        } else {
            ((ObjectNode) parent).set(last, value.deepCopy());
        }
    }

    private static void remove(JsonNode parent, String last, JsonPointer path, ObjectNode target) {
        requireExisting(parent, last, path, target);
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static void requireExisting(JsonNode parent, String last, JsonPointer path, ObjectNode target) {
        JsonNode existing = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        if (existing == null) {
            throw new IllegalArgumentException("Nothing at " + path + " in " + describe(target));
        }
    }

    private static String describe(ObjectNode resource) {
        return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }
}
