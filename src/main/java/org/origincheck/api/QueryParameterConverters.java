package org.origincheck.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A query value of the wrong form (status=FOO, from=2026-13-45, page=abc) is the caller's mistake: a 400 naming the
 * parameter and the expected form, where JAX-RS would answer "404 Not Found" (issue 14, finding 7). The value itself
 * is not repeated.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            }
        }
        if (name == null) {
            return null;
        }
        String parameter = name;
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) new Converter<Enum>(false, value -> {
                try {
                    return Enum.valueOf(type, value.trim());
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
                }
            });
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Converter<>(false, value -> {
                try {
                    LocalDate date = LocalDate.parse(value.trim());
                    // LocalDate also reads +10000-01-01, a year neither YYYY-MM-DD nor the database's date handling
                    // expects: a re-determination on it failed with 500 (found by GeneratedInputTest).
                    if (!DateBounds.storable(date)) {
                        throw new DateTimeParseException("year out of range", value, 0);
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    throw ApiException.invalid(parameter, "must be an ISO date (YYYY-MM-DD) such as 2026-07-01");
                }
            });
        }
        if (rawType == Integer.class || rawType == int.class) {
            boolean required = rawType == int.class; // a primitive has no "absent": an empty value is a mistake
            return (ParamConverter<T>) new Converter<>(required, value -> {
                try {
                    return Integer.valueOf(value.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.invalid(parameter, "must be a whole number");
                }
            });
        }
        return null;
    }

    private record Converter<T>(boolean required, java.util.function.Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            return value == null || (value.isEmpty() && !required) ? null : parse.apply(value);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
