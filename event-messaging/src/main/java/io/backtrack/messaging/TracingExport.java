package io.backtrack.messaging;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Spans are exported only where ops ask for it: without {@code backtrack.tracing.export=otlp} this
 * exporter, which drops them, stands in for the OTLP one, which would otherwise send to a collector
 * on localhost that is not there. Trace ids are made and propagated either way.
 */
@Dependent
class TracingExport {

    @Produces
    @Singleton
    @Unremovable
    @LookupUnlessProperty(name = "backtrack.tracing.export", stringValue = "otlp", lookupIfMissing = true)
    SpanExporter dropSpans() {
        return SpanExporter.composite();
    }
}
