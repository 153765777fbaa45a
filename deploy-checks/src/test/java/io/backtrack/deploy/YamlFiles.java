package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML (one or more documents) into Jackson trees, keeping the types YAML gives each scalar. */
final class YamlFiles {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private YamlFiles() {
    }

    static JsonNode read(Path file) {
        return readText(text(file)).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Empty YAML file " + file));
    }

    static List<JsonNode> readAll(Path file) {
        return readText(text(file));
    }

    static List<JsonNode> readText(String yaml) {
        try (var parser = MAPPER.createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = MAPPER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode document = it.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> objects(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : readAll(file)) {
            if (!document.isObject()) {
                throw new IllegalArgumentException(file + " holds a YAML document that is not a mapping");
            }
            objects.add((ObjectNode) document);
        }
        return objects;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
