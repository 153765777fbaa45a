package io.backtrack.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Phones logging sessions without pause: each client posts, reads the answer, posts again. The
 * sessions the service acknowledged (201) are kept by id; the others are counted by what happened.
 */
final class SessionLoad implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** Status code (or "no answer"), marked when an error is not problem+json, to how many requests got it. */
    final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    /** The slowest answer, in milliseconds. */
    final AtomicLong slowestMillis = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService clients;
    private final List<Future<?>> running;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** {@code sessions} gives each post its body: each a session of its own, performed at its own instant. */
    SessionLoad(String sessionsUrl, String token, Supplier<String> sessions, int clientCount) {
        clients = Executors.newFixedThreadPool(clientCount);
        running = IntStream.range(0, clientCount)
                .<Future<?>>mapToObj(i -> clients.submit(() -> {
                    while (!stop.get()) {
                        post(sessionsUrl, token, sessions.get());
                    }
                }))
                .toList();
    }

    private void post(String url, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            String outcome = response.statusCode() >= 400 && !problem
                    ? response.statusCode() + " not problem+json" : String.valueOf(response.statusCode());
            outcomes.merge(outcome, 1, Integer::sum);
            if (response.statusCode() == 201) {
                Matcher id = ID.matcher(response.body());
                if (id.find()) {
                    acknowledged.add(id.group(1));
                }
            }
        } catch (IOException e) {
            slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
            outcomes.merge("no answer", 1, Integer::sum);
            pause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
        }
    }

    /** A phone whose request failed at the transport waits a moment before it tries again. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int requests() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public void close() throws Exception {
        stop.set(true);
        for (Future<?> client : running) {
            client.get(1, TimeUnit.MINUTES);
        }
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.SECONDS);
    }
}
