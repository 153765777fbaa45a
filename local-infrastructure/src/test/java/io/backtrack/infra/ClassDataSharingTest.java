package io.backtrack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner's class-data archive, trained by the first start after a build and read by the next ones, with real JVMs. */
class ClassDataSharingTest {

    /** The runner's main class. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    @TempDir
    Path appDir;
    private Path runner;

    @BeforeEach
    void aBuiltRunner() throws IOException {
        assumeThat(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"))
                .as("a JDK with its default archive").isRegularFile();
        runner = appDir.resolve("quarkus-run.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(runner); JarOutputStream jar = new JarOutputStream(file, manifest);
                InputStream bytes = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            jar.putNextEntry(new JarEntry(entry));
            bytes.transferTo(jar);
            jar.closeEntry();
        }
    }

    @Test
    void theFirstStartAfterABuildTrainsTheArchiveThatTheNextStartsRead() throws Exception {
        ClassDataSharing first = ClassDataSharing.forStart(appDir, runner);
        assertThat(first.trains()).isTrue();
        assertThat(run(first.options())).isZero();
        first.processEnded(true);
        try (var files = Files.list(appDir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("quarkus-run.jar", "app-cds-trained.jsa");
        }

        ClassDataSharing next = ClassDataSharing.forStart(appDir, runner);
        assertThat(next.trains()).isFalse();
        assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=app-cds-trained.jsa");
        List<String> mustShare = new ArrayList<>(List.of("-Xshare:on"));
        mustShare.addAll(next.options());
        assertThat(run(mustShare)).as("a JVM that must use the archive starts").isZero();

        Files.setLastModifiedTime(runner, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(ClassDataSharing.forStart(appDir, runner).trains()).as("after the next build").isTrue();
    }

    @Test
    void aTrainingStartThatWasKilledLeavesNoArchive() throws IOException {
        ClassDataSharing killed = ClassDataSharing.forStart(appDir, runner);
        String option = killed.options().stream().filter(o -> o.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        Path partial = appDir.resolve(option.substring(option.indexOf('=') + 1));
        Files.writeString(partial, "part of an archive");

        killed.processEnded(false);

        assertThat(partial).doesNotExist();
        assertThat(appDir.resolve("app-cds-trained.jsa")).doesNotExist();
        assertThat(ClassDataSharing.forStart(appDir, runner).trains()).isTrue();
    }

    private int run(List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", runner.getFileName().toString()));
        Process java = new ProcessBuilder(command).directory(appDir.toFile()).inheritIO().start();
        assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return java.exitValue();
    }
}
