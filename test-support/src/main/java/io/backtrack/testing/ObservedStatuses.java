package io.backtrack.testing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Records the status every operation of the service under test answered with, across the module's
 * whole test run, as lines {@code <operationId> <status>} in {@value #FILE} (operation ids are
 * {@code Resource_method}, as in the OpenAPI document). deploy-checks' {@code OpenApiStatusesTest}
 * fails when one of them is missing from that operation's OpenAPI responses.
 */
public class ObservedStatuses {

    static final String FILE = "target/observed-statuses.txt";
    private static final String STARTED = "backtrack.observed-statuses.started";
    private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

    /** The FHIR API is not in the OpenAPI document: its CapabilityStatement describes it. */
    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null
                || request.getUriInfo().getPath().startsWith("/fhir/")) {
            return;
        }
        String line = resource.getResourceClass().getSimpleName() + "_" + resource.getMethodName() + " "
                + response.getStatus();
        if (RECORDED.add(line)) {
            append(line);
        }
    }

    /**
     * The first line of a test JVM starts the file afresh; a JVM-wide flag, because each restart of the
     * application under test loads this class again.
     */
    private static synchronized void append(String line) {
        try {
            Path file = Path.of(FILE);
            Files.createDirectories(file.getParent());
            boolean first = System.getProperty(STARTED) == null;
            System.setProperty(STARTED, "true");
            Files.writeString(file, line + "\n", StandardOpenOption.CREATE,
                    first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
