package io.backtrack.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The kustomizations under deploy/k8s that are applied to a cluster: every one outside a base directory. */
final class KustomizeDirectories {

    static final Path K8S = ProjectFiles.resolve("deploy/k8s");

    private KustomizeDirectories() {
    }

    static List<Path> deployable() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(file -> file.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent)
                    .filter(directory -> !K8S.relativize(directory).toString().contains("base"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path directory) {
        return K8S.relativize(directory).toString();
    }
}
