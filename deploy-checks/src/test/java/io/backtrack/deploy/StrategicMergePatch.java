package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The part of Kubernetes' strategic merge patch the overlays use: mappings merge field by field, a
 * null deletes a field, lists of containers, env vars, volumes and volume mounts merge by their
 * merge key (as the Kubernetes schema declares), and any other list is replaced whole. Patch
 * directives ({@code $patch}, {@code $setElementOrder}...) are refused rather than misapplied.
 */
final class StrategicMergePatch {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    private StrategicMergePatch() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException("Patch directive " + name + " is not supported");
            }
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeByKey((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /** As kubectl orders the result: the patch's items first, in its order, then the untouched ones. */
    private static void mergeByKey(ArrayNode current, ArrayNode patch, String key) {
        List<JsonNode> merged = new ArrayList<>();
        List<JsonNode> untouched = new ArrayList<>();
        current.forEach(untouched::add);
        for (JsonNode patchItem : patch) {
            JsonNode keyValue = patchItem.get(key);
            if (keyValue == null) {
                throw new IllegalArgumentException("List item without merge key " + key + ": " + patchItem);
            }
            ObjectNode existing = find(current, key, keyValue);
            if (existing == null) {
                merged.add(patchItem.deepCopy());
            } else {
                apply(existing, (ObjectNode) patchItem);
                merged.add(existing);
                untouched.removeIf(item -> item == existing);
            }
        }
        current.removeAll();
        current.addAll(merged);
        current.addAll(untouched);
    }

    private static ObjectNode find(ArrayNode items, String key, JsonNode keyValue) {
        for (JsonNode item : items) {
            if (keyValue.equals(item.get(key))) {
                return (ObjectNode) item;
            }
        }
        return null;
    }
}
