package io.backtrack.platform.input;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Path and query values in their own type only: an unknown enum constant, a malformed UUID, a
 * boolean other than {@code true}/{@code false} or a non-integer is a 400 naming the parameter.
 * Left to the REST layer, a query value it cannot convert is a 404 and {@code ?passive=1} is false.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,9}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> type, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (type.isEnum()) {
            Class<? extends Enum> enumType = (Class<? extends Enum>) type;
            String allowed = Arrays.toString(enumType.getEnumConstants());
            return (ParamConverter<T>) new Strict<>(name, "must be one of " + allowed,
                    text -> Enum.valueOf(enumType, text));
        }
        if (type == UUID.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be a UUID", StrictParameters::uuid);
        }
        if (type == Boolean.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be true or false", StrictParameters::bool);
        }
        if (type == Integer.class) {
            return (ParamConverter<T>) new Strict<>(name, "must be an integer", StrictParameters::integer);
        }
        return null;
    }

    private static UUID uuid(String text) {
        UUID id = UUID.fromString(text);
        if (!id.toString().equalsIgnoreCase(text)) {
            throw new IllegalArgumentException("not canonical");
        }
        return id;
    }

    /** Written as a number is: no sign but a minus, no leading zero ({@code +5} and {@code 05} are typing slips). */
    private static Integer integer(String text) {
        if (!INTEGER.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        return Integer.valueOf(text);
    }

    private static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static String nameOf(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof RestQuery query && !query.value().isEmpty()) {
                return query.value();
            } else if (annotation instanceof PathParam path) {
                return path.value();
            } else if (annotation instanceof RestPath path && !path.value().isEmpty()) {
                return path.value();
            }
        }
        return "parameter";
    }

    private record Strict<T>(String name, String requirement, Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException(name, requirement);
            }
        }

        @Override
        public String toString(T value) {
            return value == null ? null : value.toString();
        }
    }
}
