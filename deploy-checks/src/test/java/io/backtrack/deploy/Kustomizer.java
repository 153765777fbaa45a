package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kustomize build} does, for the features BackTrack's overlays
 * use: resources (files and directories), patches (strategic merge or JSON 6902, inline or by path,
 * with a kind/name target), namespace, labels (with includeTemplates), replicas and images, applied
 * in kustomize's order. Any other field of a kustomization is refused, so a feature this class does
 * not implement can never be silently skipped. KustomizerTest compares it with {@code kubectl
 * kustomize} where that binary exists.
 */
final class Kustomizer {

    private static final Set<String> SUPPORTED_FIELDS =
            Set.of("apiVersion", "kind", "resources", "patches", "namespace", "labels", "replicas", "images");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    private Kustomizer() {
    }

    static List<ObjectNode> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + directory);
        }
        JsonNode kustomization = YamlFiles.read(file);
        refuseUnsupportedFields(file, kustomization);

        List<ObjectNode> resources = loadResources(directory, kustomization.path("resources"));
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, resources);
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.forEach(resource -> resource.withObjectProperty("metadata").put("namespace", namespace));
        }
        for (JsonNode labels : kustomization.path("labels")) {
            addLabels(labels, resources);
        }
        for (JsonNode replica : kustomization.path("replicas")) {
            setReplicas(replica, resources);
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(resource -> ImageRewriter.rewrite(resource, image));
        }
        return resources;
    }

    private static void refuseUnsupportedFields(Path file, JsonNode kustomization) {
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUPPORTED_FIELDS.contains(name)) {
                throw new UnsupportedOperationException(file + ": kustomization field '" + name + "' is not supported");
            }
        }
    }

    private static List<ObjectNode> loadResources(Path directory, JsonNode entries) {
        List<ObjectNode> resources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            Path path = directory.resolve(entry.asText()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(path) ? build(path) : YamlFiles.objects(path);
            for (ObjectNode resource : loaded) {
                if (!ids.add(ResourceId.of(resource))) {
                    throw new IllegalStateException("Resource " + ResourceId.of(resource) + " defined twice, again in " + path);
                }
                resources.add(resource);
            }
        }
        return resources;
    }

    private static void applyPatch(Path directory, JsonNode entry, List<ObjectNode> resources) {
        JsonNode patch = entry.has("path")
                ? YamlFiles.read(directory.resolve(entry.get("path").asText()))
                : YamlFiles.readText(entry.path("patch").asText()).get(0);
        List<ObjectNode> targets = entry.has("target")
                ? select(entry.get("target"), resources)
                : select(patch.path("kind").asText(), patch.path("metadata").get("name"), resources);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("Patch " + entry + " matches no resource");
        }
        for (ObjectNode target : targets) {
            if (patch.isArray()) {
                JsonPatch.apply(target, patch);
            } else {
                ObjectNode strategic = ((ObjectNode) patch).deepCopy();
                strategic.remove(List.of("apiVersion", "kind"));
                strategic.withObjectProperty("metadata").remove("name");
                StrategicMergePatch.apply(target, strategic);
            }
        }
    }

    private static List<ObjectNode> select(JsonNode selector, List<ObjectNode> resources) {
        for (Iterator<String> fields = selector.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!Set.of("kind", "name").contains(field)) {
                throw new UnsupportedOperationException("Patch target field '" + field + "' is not supported");
            }
        }
        return select(selector.path("kind").asText(), selector.get("name"), resources);
    }

    private static List<ObjectNode> select(String kind, JsonNode name, List<ObjectNode> resources) {
        List<ObjectNode> selected = new ArrayList<>();
        for (ObjectNode resource : resources) {
            boolean kindMatches = resource.path("kind").asText().equals(kind);
            boolean nameMatches = name == null || resource.path("metadata").path("name").asText().equals(name.asText());
            if (kindMatches && nameMatches) {
                selected.add(resource);
            }
        }
        return selected;
    }

    private static void addLabels(JsonNode labels, List<ObjectNode> resources) {
        if (labels.path("includeSelectors").asBoolean(false)) {
            throw new UnsupportedOperationException("labels with includeSelectors are not supported");
        }
        boolean templates = labels.path("includeTemplates").asBoolean(false);
        for (ObjectNode resource : resources) {
            resource.withObjectProperty("metadata").withObjectProperty("labels").setAll((ObjectNode) labels.get("pairs"));
            if (templates && WORKLOADS.contains(resource.path("kind").asText())) {
                ObjectNode template = resource.withObjectProperty("spec").withObjectProperty("template");
                template.withObjectProperty("metadata").withObjectProperty("labels").setAll((ObjectNode) labels.get("pairs"));
            }
        }
    }

    private static void setReplicas(JsonNode replica, List<ObjectNode> resources) {
        for (ObjectNode resource : resources) {
            boolean matches = SCALABLE.contains(resource.path("kind").asText())
                    && resource.path("metadata").path("name").asText().equals(replica.path("name").asText());
            if (matches) {
                resource.withObjectProperty("spec").put("replicas", replica.path("count").asInt());
            }
        }
    }

    /** Kustomize's images transformer, for the containers and init containers of a pod template. */
    static final class ImageRewriter {

        private ImageRewriter() {
        }

        static void rewrite(ObjectNode resource, JsonNode image) {
            JsonNode podSpec = resource.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                JsonNode containers = podSpec.path(list);
                if (containers instanceof ArrayNode array) {
                    array.forEach(container -> rewriteContainer((ObjectNode) container, image));
                }
            }
        }

        private static void rewriteContainer(ObjectNode container, JsonNode image) {
            String current = container.path("image").asText();
            String name = nameOf(current);
            if (!name.equals(image.path("name").asText())) {
                return;
            }
            String newName = image.path("newName").asText(name);
            String reference = image.hasNonNull("digest") ? "@" + image.get("digest").asText()
                    : image.hasNonNull("newTag") ? ":" + image.get("newTag").asText()
                    : current.substring(name.length());
            container.put("image", newName + reference);
        }

        private static String nameOf(String image) {
            int digest = image.indexOf('@');
            String withoutDigest = digest >= 0 ? image.substring(0, digest) : image;
            int colon = withoutDigest.lastIndexOf(':');
            return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
        }
    }
}
