package io.backtrack.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Dates and instants come as ISO-8601 text with a year of a living patient's record, 1900 to 2199.
 * A year like -5000 or 10000 is a client bug, whatever each field's own rule says on top.
 */
public final class PlausibleDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    private PlausibleDates() {
    }

    public static StdScalarDeserializer<LocalDate> localDates() {
        return new Reader<>(LocalDate.class, "an ISO date like 2026-03-01",
                text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE), LocalDate::getYear);
    }

    public static StdScalarDeserializer<Instant> instants() {
        return new Reader<>(Instant.class, "an ISO date-time with offset like 2026-03-01T18:30:00Z",
                text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                instant -> instant.atOffset(ZoneOffset.UTC).getYear());
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private final String format;
        private final transient Function<String, T> parse;
        private final transient Function<T, Integer> year;

        Reader(Class<T> type, String format, Function<String, T> parse, Function<T, Integer> year) {
            super(type);
            this.format = format;
            this.parse = parse;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new InputRuleException(parser, "date-format", "must be " + format);
            }
            T value;
            try {
                value = parse.apply(parser.getText());
            } catch (DateTimeParseException e) {
                throw new InputRuleException(parser, "date-format", "must be " + format);
            }
            int y = year.apply(value);
            if (y < FIRST_YEAR || y > LAST_YEAR) {
                throw new InputRuleException(parser, "date-range",
                        "must have a year from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
            return value;
        }
    }
}
