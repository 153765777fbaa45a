package io.backtrack.platform.input;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A client bug must not silently change clinical state, so the JSON reader takes every value only
 * in its own type: no number as an enum, a boolean or a text, no fraction as an integer, no text as
 * a number, no duplicate member, no enum name or UUID with spaces around it. Text and dates go through
 * {@link SafeText} and {@link PlausibleDates}.
 * <p>
 * A body is read up to a size the heap can afford for many requests at once: a record is built once
 * its whole body is read, so the members it does not know (or a wrong one) are kept as tokens until
 * then, and a 10 MiB array of short texts took more than a service's 128 MiB heap. No request of the
 * API comes near these limits; {@code quarkus.http.limits.max-body-size} bounds the bytes.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxTokenCount(20_000)
            .maxNestingDepth(32)
            .maxStringLength(100_000)
            .maxNumberLength(100)
            .build();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.getFactory().setStreamReadConstraints(LIMITS);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.Float, CoercionInputShape.String,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean,
                CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.String, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        mapper.registerModule(new SimpleModule("backtrack-strict-input")
                .addDeserializer(String.class, new SafeText())
                .addDeserializer(LocalDate.class, PlausibleDates.localDates())
                .addDeserializer(Instant.class, PlausibleDates.instants())
                .setDeserializerModifier(new ExactTokens()));
    }

    private static void refuse(ObjectMapper mapper, LogicalType target, CoercionInputShape... shapes) {
        var coercion = mapper.coercionConfigFor(target);
        for (CoercionInputShape shape : shapes) {
            coercion.setCoercion(shape, CoercionAction.Fail);
        }
    }

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }
}
