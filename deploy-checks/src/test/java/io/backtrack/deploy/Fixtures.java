package io.backtrack.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Test fixtures under src/test/resources. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("No fixture " + name, e);
        }
    }

    static JsonNode yaml(String name) {
        return YamlFiles.read(path(name));
    }
}
