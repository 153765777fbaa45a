package io.backtrack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The class-data-sharing archive a service starts with. The build writes {@code app-cds.jsa} beside the
 * runner (quarkus.package.jar.appcds) from a start that Quarkus stops once its beans exist: about
 * 6,600 of the 20,000 classes a running service has loaded. A start that runs to the end and stops on
 * SIGTERM trains a fuller one, {@code app-cds-trained.jsa}, which the JVM writes at exit (a dynamic
 * archive, JEP 350): the next starts read about 13,700 classes from it instead of the jars, and
 * plan-service spent about a third less CPU before it was ready. It holds until the next build of
 * the service; the first start after one trains again. Each archive serves only the JDK that wrote it,
 * from the runner's own directory; a JVM that cannot use one starts without it.
 */
final class ClassDataSharing {

    private static final String BUILT = "app-cds.jsa";
    private static final String TRAINED = "app-cds-trained.jsa";

    private final Path appDir;
    private final List<String> options;
    private final Optional<Path> training;

    private ClassDataSharing(Path appDir, List<String> options, Optional<Path> training) {
        this.appDir = appDir;
        this.options = options;
        this.training = training;
    }

    /** For a start of the runner in {@code appDir}: the trained archive, else a start that trains one. */
    static ClassDataSharing forStart(Path appDir, Path runner) {
        Path trained = appDir.resolve(TRAINED);
        if (isNewer(trained, runner)) {
            return new ClassDataSharing(appDir, List.of("-XX:SharedArchiveFile=" + TRAINED), Optional.empty());
        }
        if (Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"))) {
            String name = "app-cds-training-" + UUID.randomUUID() + ".jsa";
            // the dump warns once for each of the thousands of classes loaded but never linked, which it skips
            return new ClassDataSharing(appDir, List.of("-XX:ArchiveClassesAtExit=" + name, "-Xlog:cds=error"),
                    Optional.of(appDir.resolve(name)));
        }
        return new ClassDataSharing(appDir,
                Files.isRegularFile(appDir.resolve(BUILT)) ? List.of("-XX:SharedArchiveFile=" + BUILT) : List.of(),
                Optional.empty());
    }

    boolean trains() {
        return training.isPresent();
    }

    /** The JVM options, relative to the runner's directory the process starts in. */
    List<String> options() {
        return options;
    }

    /**
     * Once the process has exited: a training start that was ready and then stopped on SIGTERM wrote
     * its archive, which becomes the trained one (each training writes its own file, so two at once
     * do not mix). One that was killed wrote none, or part of one, and one that never got ready holds
     * too few classes: either is dropped.
     */
    void processEnded(boolean readyThenStopped) {
        training.ifPresent(archive -> {
            try {
                if (readyThenStopped && Files.isRegularFile(archive)) {
                    Files.move(archive, appDir.resolve(TRAINED), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(archive);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean isNewer(Path archive, Path than) {
        try {
            return Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
