package io.backtrack.platform.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;

/** FHIR date-times written in UTC, whatever the JVM's time zone, and read back at day precision. */
public final class FhirTimes {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private FhirTimes() {
    }

    public static DateTimeType instant(Instant instant) {
        return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
    }

    public static DateTimeType day(LocalDate day) {
        return new DateTimeType(day.toString());
    }

    /** The UTC day a date-time falls on, as written: the first ten characters of its value. */
    public static LocalDate dayOf(BaseDateTimeType value) {
        return value == null || value.getValueAsString() == null ? null
                : LocalDate.parse(value.getValueAsString().substring(0, 10));
    }
}
