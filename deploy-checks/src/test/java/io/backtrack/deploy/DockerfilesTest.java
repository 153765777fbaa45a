package io.backtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"patient-service", "plan-service", "outcome-service"})
    void runsTheFastJarAsUser185OnAPinnedUbiOpenJdk17Runtime(String service) throws IOException {
        String dockerfile = dockerfileOf(service);

        assertThat(dockerfile).containsPattern("(?m)^FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:\\d+\\.\\d+$");
        assertThat(dockerfile).containsPattern("(?m)^USER 185$");
        assertThat(dockerfile).contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        for (String layer : new String[] {"lib/", "*.jar", "app/", "quarkus/"}) {
            assertThat(dockerfile).contains("COPY --chown=185 target/quarkus-app/" + layer);
        }
        assertThat(dockerfile).containsPattern("(?m)^EXPOSE " + httpPort(service) + " 9000$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient-service", "plan-service", "outcome-service"})
    void runsTheSerialCollectorWithAQuarterOfTheContainersMemoryAsHeap(String service) throws IOException {
        String dockerfile = dockerfileOf(service);

        assertThat(dockerfile).containsPattern("(?m)^ENV GC_CONTAINER_OPTIONS=\"-XX:\\+UseSerialGC\"$");
        assertThat(dockerfile).containsPattern("(?m)^ENV JAVA_MAX_MEM_RATIO=25$");
        assertThat(dockerfile).containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:InitialRAMPercentage=12.5.*\"$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"patient-service", "plan-service", "outcome-service"})
    void handsFreeNativeMemoryBackCollectsNoHeapForClassMetadataAndExitsOutOfHeap(String service) throws IOException {
        assertThat(dockerfileOf(service))
                .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:TrimNativeHeapInterval=5000.*\"$")
                .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:MetaspaceSize=128m.*\"$")
                .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:\\+ExitOnOutOfMemoryError.*\"$");
    }

    private static String dockerfileOf(String service) throws IOException {
        return Files.readString(ProjectFiles.resolve(service + "/src/main/docker/Dockerfile.jvm"));
    }

    private static String httpPort(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(ProjectFiles.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties.getProperty("quarkus.http.port");
    }
}
