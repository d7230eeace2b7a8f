package org.origincheck.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

@Singleton
public class JacksonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // Money and percentages as plain decimals (1000.00, 60), never 1E+3.
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Fields in declaration order, as the API contract shows them.
        mapper.disable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
        // A BOM is flat: deep nesting or huge strings are abuse, refused before they cost memory.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1_000_000).maxNumberLength(64).build());
        // Every JSON string a request carries is checked once, here, for characters PostgreSQL cannot store.
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableStringDeserializer()));
        // A yes/no fact of the law (designatedIntermediate, declarations, classifiedAsSet...) is true or false, not 1 or 0.5:
        // Jackson's default read 1 as true, so a number decided a producer's designation (security review 2026-12-05, second part).
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Boolean)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    /** A 400 naming the field (Jackson adds the path as the exception travels up), never a 500 from the database. */
    public static final class UnstorableTextException extends com.fasterxml.jackson.databind.JsonMappingException {
        UnstorableTextException(com.fasterxml.jackson.core.JsonParser parser) {
            super(parser, StorableText.REASON);
        }
    }

    static final class StorableStringDeserializer extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        StorableStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser, com.fasterxml.jackson.databind.DeserializationContext context)
                throws java.io.IOException {
            String value = com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance.deserialize(parser, context);
            if (!StorableText.storable(value)) {
                throw new UnstorableTextException(parser);
            }
            return value;
        }
    }

    /**
     * Review actions and certifications are read as strictly as a BOM: an unknown field is a 400, not silently dropped
     * (issue 14, finding 7). Used with {@code @CustomDeserialization} on the resource method.
     */
    public static final class StrictReader implements java.util.function.BiFunction<ObjectMapper, java.lang.reflect.Type, com.fasterxml.jackson.databind.ObjectReader> {
        @Override
        public com.fasterxml.jackson.databind.ObjectReader apply(ObjectMapper mapper, java.lang.reflect.Type type) {
            return mapper.readerFor(mapper.constructType(type))
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                            com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                            com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        }
    }
}
