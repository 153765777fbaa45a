package io.backtrack.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, where kubectl is installed: the reference the Java builder is compared with. */
final class KubectlKustomize {

    private KubectlKustomize() {
    }

    static boolean available() {
        return run(List.of("kubectl", "version", "--client")).isPresent();
    }

    static List<ObjectNode> build(Path directory) {
        String output = run(List.of("kubectl", "kustomize", directory.toString()))
                .orElseThrow(() -> new IllegalStateException("kubectl kustomize failed for " + directory));
        return YamlFiles.readText(output).stream().map(ObjectNode.class::cast).toList();
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            boolean finished = process.waitFor(30, TimeUnit.SECONDS);
            return finished && process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
