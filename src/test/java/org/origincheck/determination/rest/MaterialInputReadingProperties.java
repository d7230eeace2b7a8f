package org.origincheck.determination.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.origincheck.api.ApiException;
import org.origincheck.api.JacksonConfig;

/**
 * A material is read by Jackson through {@link MaterialInput.Reading} (member by member), no longer through the record's
 * constructor, because absent members cost nothing there (docs/benchmarks.md, issue 19); a refusal is read again through the
 * constructor. What a submission reads as must not move: for generated submissions whose materials carry any of the members,
 * well or badly typed, unknown members, repeated members and nested components, the service's parse gives the same
 * submission, or the same 400 (same fields, same reasons), as the constructor's reading alone.
 */
class MaterialInputReadingProperties {

    private static final ObjectMapper MEMBERS_JSON = json(false);
    private static final ObjectMapper CONSTRUCTOR_JSON = json(true);
    private static final SubmissionMapper BY_MEMBERS = new SubmissionMapper(null, MEMBERS_JSON, null, null, null);
    private static final SubmissionMapper BY_CONSTRUCTOR = new SubmissionMapper(null, CONSTRUCTOR_JSON, null, null, null);

    private static ObjectMapper json(boolean throughTheConstructor) {
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        new JacksonConfig().customize(json);
        if (throughTheConstructor) {
            json.addMixIn(MaterialInput.class, MaterialInput.ThroughTheConstructor.class);
        }
        return json;
    }

    private static final List<String> MEMBERS = List.of("partNumber", "description", "hsCode", "origin", "countryOfOrigin", "value",
            "quantity", "unit", "kind", "partOfGood", "weight", "supplierId", "determinationId", "components", "transactionValue", "netCost",
            "costs", "declarations", "designatedIntermediate");

    /** Values of every JSON shape, among them the right one for each member, and wrong ones for all. */
    private static Arbitrary<String> value(int depth) {
        List<Arbitrary<String>> values = new ArrayList<>(List.of(
                Arbitraries.of("null", "true", "false", "0", "1", "-1", "12.50", "1e3", "1E+400", "0.1234567", "\"\"", "\"P-1\"",
                        "\"8402.90\"", "\"ORIGINATING\"", "\"NON_ORIGINATING\"", "\"UNKNOWN\"", "\"originating\"", "\"DIRECT\"",
                        "\"RETAIL_PACKAGING\"", "\"DE\"", "\"12\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"PI\\u00c8CE\"",
                        "\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"", "\"not-a-uuid\"", "[]", "{}", "[1,2]", "\"100\"", "99999999999999999999999",
                        "1" + "0".repeat(70), "0." + "1".repeat(70)),
                Arbitraries.of("{\"totalCost\":10,\"excludedCosts\":1}", "{\"totalCost\":\"x\"}", "{\"other\":1}",
                        "{\"a:b\":true}", "{\"8708.40:gear-box\":false,\"x\":null}", "{\"q\":1}", "{\"q\":\"true\"}", "{\"q\":true,\"q\":false}")));
        if (depth < 2) {
            values.add(material(depth + 1).list().ofMaxSize(2).map(ms -> "[" + String.join(",", ms) + "]"));
        }
        return Arbitraries.oneOf(values);
    }

    private static Arbitrary<String> member(int depth) {
        Arbitrary<String> name = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.of(MEMBERS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("netcost", "Value", "", "good")));
        return net.jqwik.api.Combinators.combine(name, value(depth)).as((n, v) -> "\"" + n + "\":" + v);
    }

    private static Arbitrary<String> material(int depth) {
        return Arbitraries.oneOf(
                member(depth).list().ofMaxSize(8).map(ms -> "{" + String.join(",", ms) + "}"),
                Arbitraries.of("null", "1", "\"m\"", "[]"));
    }

    @Provide
    Arbitrary<String> submissions() {
        return material(0).list().ofMaxSize(3).map(ms -> "{\"asOf\":\"2026-07-01\",\"good\":{\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\","
                + "\"currency\":\"USD\",\"transactionValue\":100},\"materials\":[" + String.join(",", ms) + "]}");
    }

    @Property(tries = 4000)
    void aSubmissionReadsAsTheConstructorReadIt(@ForAll("submissions") String body) {
        assertThat(read(BY_MEMBERS, body)).isEqualTo(read(BY_CONSTRUCTOR, body));
    }

    /** The submission read, or the problem a 400 would carry. */
    private static Object read(SubmissionMapper submissions, String body) {
        try {
            return submissions.parse(body);
        } catch (ApiException e) {
            return e.problem();
        }
    }

    @Example
    void theTwoReadingsCompared_areMemberByMemberAndTheConstructor() throws Exception {
        assertThat(deserializer(MEMBERS_JSON)).isInstanceOf(MaterialInput.Reading.class);
        assertThat(deserializer(CONSTRUCTOR_JSON)).isInstanceOf(com.fasterxml.jackson.databind.deser.BeanDeserializer.class);
    }

    @Example
    void aMaterialReadsWithEveryMember() {
        String body = "{\"good\":{\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\"},\"materials\":[{\"partNumber\":\"P\","
                + "\"description\":\"d\",\"hsCode\":\"8402.90\",\"origin\":\"NON_ORIGINATING\",\"countryOfOrigin\":\"DE\",\"value\":5,\"quantity\":2,"
                + "\"unit\":\"kg\",\"kind\":\"DIRECT\",\"partOfGood\":true,\"weight\":1.5,\"supplierId\":\"S\","
                + "\"determinationId\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"components\":[{\"value\":1}],\"transactionValue\":7,"
                + "\"netCost\":6,\"costs\":{\"totalCost\":7,\"excludedCosts\":1},\"declarations\":{\"q\":true},\"designatedIntermediate\":false}]}";
        BomSubmission read = BY_MEMBERS.parse(body);
        assertThat(read).isEqualTo(BY_CONSTRUCTOR.parse(body));
        MaterialInput m = read.materials().get(0);
        assertThat(m.designatedIntermediate()).isFalse();
        assertThat(m.costs().excludedCosts()).isEqualByComparingTo("1");
        assertThat(m.components()).hasSize(1);
        assertThat(m.declarations()).containsEntry("q", true);
    }

    @Example
    void anUnknownMemberBeforeABadlyTypedOne_isReportedAfterIt_asTheConstructorReportedIt() {
        String body = "{\"good\":{\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\"},"
                + "\"materials\":[{\"netcost\":1,\"origin\":5}]}";
        assertThat(read(BY_MEMBERS, body)).isEqualTo(read(BY_CONSTRUCTOR, body));
        assertThat(((org.origincheck.api.Problem) read(BY_MEMBERS, body)).errors()).extracting(org.origincheck.api.Problem.FieldError::field)
                .containsExactly("materials[0].origin");
    }

    private static Object deserializer(ObjectMapper json) throws Exception {
        JavaType type = json.constructType(MaterialInput.class);
        DefaultDeserializationContext context = ((DefaultDeserializationContext) json.getDeserializationContext())
                .createInstance(json.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(type);
    }
}
