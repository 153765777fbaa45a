package io.backtrack.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import org.junit.jupiter.api.Test;

class RouteTemplateUrisTest {

    private final MeterFilter filter = new RouteTemplateUris().templatesOnly();

    @Test
    void aTemplateStays() {
        assertThat(uriOf("/api/v1/patients/{patientId}/contact", "200")).isEqualTo("/api/v1/patients/{patientId}/contact");
        assertThat(uriOf("/api/v1/exercises", "422")).isEqualTo("/api/v1/exercises");
    }

    @Test
    void aPathRefusedBeforeItsResourceOrNamingAnIdIsUnmatched() {
        assertThat(uriOf("/api/v1/exercises/anything-at-all", "405")).isEqualTo(RouteTemplateUris.UNMATCHED);
        assertThat(uriOf("/fhir/r4/Patient/c3bcc697-0c2d-4b8e-9d7a-3f1e2a4b5c6d", "401"))
                .isEqualTo(RouteTemplateUris.UNMATCHED);
    }

    private String uriOf(String uri, String status) {
        Meter.Id id = new Meter.Id(HttpLatencyHistograms.HTTP_SERVER_REQUESTS,
                Tags.of("uri", uri, "status", status, "method", "GET"), null, null, Meter.Type.TIMER);
        return filter.map(id).getTag("uri");
    }
}
