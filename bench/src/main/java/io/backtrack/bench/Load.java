package io.backtrack.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Drives one kind of request. Closed loop: {@code concurrency} clients, each sending its next request
 * when the last one answered (throughput at saturation). Open loop: requests at a fixed rate whatever
 * the answers, each timed from when it was due to be sent, so a stalled server shows in the latencies
 * instead of slowing the load down.
 */
final class Load {

    /** What one run measured: answered requests per second, latencies of the 2xx ones, the others. */
    record Result(String what, String load, double perSecond, Latencies latencies, long errors) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    static Result closedLoop(String what, int concurrency, Duration warmUp, Duration measured,
            LongFunction<HttpRequest> requests) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        Samples samples = new Samples(2_000_000);
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = requests.apply(sequence.getAndIncrement());
                    long sent = System.nanoTime();
                    boolean ok = send(request);
                    long answered = System.nanoTime();
                    if (sent >= measureFrom && answered <= end) {
                        if (ok) {
                            samples.add(answered - sent);
                        } else {
                            samples.error();
                        }
                    }
                }
            }, "load-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        Latencies latencies = samples.latencies();
        return new Result(what, "closed loop, c=" + concurrency, latencies.count() / seconds(measured), latencies,
                samples.errors());
    }

    static Result openLoop(String what, double perSecond, Duration measured, LongFunction<HttpRequest> requests)
            throws InterruptedException {
        Samples samples = new Samples(2_000_000);
        Semaphore inFlight = new Semaphore(4_096);
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long total = (long) (perSecond * seconds(measured));
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                samples.error();
                continue;
            }
            HTTP.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                inFlight.release();
                if (failure == null && response.statusCode() / 100 == 2) {
                    samples.add(System.nanoTime() - due);
                } else {
                    samples.error();
                }
            });
        }
        inFlight.acquire(4_096);
        inFlight.release(4_096);
        Latencies latencies = samples.latencies();
        return new Result(what, String.format("open loop, %.0f/s", perSecond), latencies.count() / seconds(measured),
                latencies, samples.errors());
    }

    static boolean send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
