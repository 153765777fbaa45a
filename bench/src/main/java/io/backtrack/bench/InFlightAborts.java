package io.backtrack.bench;

import io.backtrack.infra.AbortedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A run that ends with requests in flight: whole session POSTs whose connection is reset a few
 * milliseconds after sending, as a phone losing its network does. Afterwards the services' database
 * pools must lend out nothing: the fewest connections seen in use over up to a minute is reported.
 */
final class InFlightAborts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InFlightAborts() {
    }

    static void abortSessions(Clinic clinic, List<Clinic.Patient> patients, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI sessions = URI.create(clinic.sessionsOf(patients.get(i % patients.size())));
                String token = clinic.token();
                int afterMicros = (i * 997) % 20_000;
                sent.add(clients.submit(() -> AbortedRequest.post(sessions, token, Clinic.sessionBody(false), afterMicros)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** The fewest connections the service's pool had lent out over up to a minute; 0 as soon as it is seen. */
    static double fewestLentOut(String management) throws Exception {
        double fewest = Double.MAX_VALUE;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            fewest = Math.min(fewest, inUse(management));
            if (fewest == 0) {
                return 0;
            }
            Thread.sleep(200);
        }
        return fewest;
    }

    private static double inUse(String management) throws IOException, InterruptedException {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("sql_pool_active{") && line.contains("pool_type=\"sql\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
