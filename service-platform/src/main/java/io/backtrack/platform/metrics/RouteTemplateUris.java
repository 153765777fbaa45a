package io.backtrack.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Keeps the {@code uri} label of http_server_requests to the routes' templates. A request refused before
 * it reaches a resource method (a method its path does not take: 405, before any token is checked)
 * carried its raw path, so anyone could add a series, with its histogram buckets, for every path they
 * made up, and a patient's id ended up in a label. Such a request is labelled {@value #UNMATCHED}; a
 * cap on distinct values stops whatever else might slip through.
 */
@Singleton
public class RouteTemplateUris {

    static final String UNMATCHED = "UNMATCHED";
    /** Far more than the routes of any service, templates and static paths together. */
    static final int MAX_URIS = 500;
    private static final Pattern RAW_ID = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Produces
    @Singleton
    MeterFilter templatesOnly() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return HttpLatencyHistograms.HTTP_SERVER_REQUESTS.equals(id.getName()) && isRaw(id)
                        ? id.replaceTags(Tags.of(id.getTags()).and("uri", UNMATCHED))
                        : id;
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter boundedUris() {
        return MeterFilter.maximumAllowableTags(HttpLatencyHistograms.HTTP_SERVER_REQUESTS, "uri", MAX_URIS,
                MeterFilter.deny());
    }

    static boolean isRaw(Meter.Id id) {
        String uri = id.getTag("uri");
        return uri != null && ("405".equals(id.getTag("status")) || RAW_ID.matcher(uri).find());
    }
}
