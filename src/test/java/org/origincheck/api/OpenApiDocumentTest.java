package org.origincheck.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as a client generator reads it (issue 16): before these annotations, openapi-generator refused it
 * (responses without a description, an openIdConnect scheme without its URL) and, with validation skipped, generated a
 * client whose POST /api/v1/determinations took a String and returned Object. The generated client itself is built and
 * run against the packaged service by GeneratedClientIT (pom.xml, after package).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private JsonNode document;

    @BeforeEach
    void read() throws Exception {
        document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(Map.entry(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    @Test
    void shouldNameEveryOperationOnce() {
        Map<String, String> byId = new HashMap<>();
        assertThat(operations()).hasSizeGreaterThan(25).allSatisfy(op -> {
            assertThat(op.getValue().path("operationId").asText()).as(op.getKey()).matches("[a-z][A-Za-z]+");
            String other = byId.put(op.getValue().get("operationId").asText(), op.getKey());
            assertThat(other).as(op.getKey() + " shares its operationId").isNull();
        });
    }

    @Test
    void shouldDescribeEveryResponse() {
        assertThat(operations()).allSatisfy(op -> op.getValue().get("responses").fields().forEachRemaining(response ->
                assertThat(response.getValue().path("description").asText()).as(op.getKey() + " " + response.getKey()).isNotBlank()));
    }

    @Test
    void shouldOfferOneBearerSchemeRequiredByEveryApiOperation() {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.size()).isEqualTo(1);
        assertThat(schemes.path("bearer").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(operations()).filteredOn(op -> op.getKey().contains(" /api/v1/")).allSatisfy(op ->
                assertThat(op.getValue().path("security").toString()).as(op.getKey()).isEqualTo("[{\"bearer\":[]}]"));
    }

    @Test
    void shouldNameEverySchemaDistinctlyAndSpecifically() {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        // SmallRye numbers a second schema of the same simple name (CorePart1, Plant1, Page1): a generated client then has
        // two classes it cannot tell apart. "Request" said nothing of what it requests.
        assertThat(names).contains("Determination", "BomSubmission", "CertificationRequest", "CorePart", "CorePartInput", "Plant", "PlantInput")
                .noneMatch(name -> name.matches(".*\\d$")).doesNotContain("Request", "Page");
        // A Java client generator may not name a model after java.time.LocalDate (openapi-generator renamed it ModelLocalDate).
        assertThat(names).doesNotContain("LocalDate");
    }

    @Test
    void shouldDocumentTheTypedDeterminationAnd201WhereTheServiceAnswers201() {
        JsonNode create = document.at("/paths/~1api~1v1~1determinations/post");
        assertThat(create.path("operationId").asText()).isEqualTo("createDetermination");
        // JSON first: a generator types the operation's body by its first media type.
        List<String> bodyTypes = new ArrayList<>();
        create.at("/requestBody/content").fieldNames().forEachRemaining(bodyTypes::add);
        assertThat(bodyTypes).containsExactly("application/json", "text/csv");
        assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/BomSubmission");
        assertThat(create.at("/requestBody/content/text~1csv/schema/type").asText()).isEqualTo("string");
        assertThat(successCodes(create)).containsExactly("201");
        assertThat(create.at("/responses/201/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Determination");
        assertThat(create.at("/responses/201/headers/Location").isMissingNode()).isFalse();

        JsonNode certify = document.at("/paths/~1api~1v1~1determinations~1{id}~1certifications/post");
        assertThat(successCodes(certify)).containsExactly("201");
        assertThat(certify.at("/responses/201/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/IssuedCertification");
        assertThat(certify.at("/requestBody/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/CertificationRequest");
        assertThat(successCodes(document.at("/paths/~1api~1v1~1supplier-declarations/post"))).containsExactly("201");
        assertThat(successCodes(document.at("/paths/~1api~1v1~1scenario-runs/post"))).containsExactly("202");
        assertThat(successCodes(document.at("/paths/~1api~1v1~1redeterminations/post"))).containsExactlyInAnyOrder("200", "202");
        assertThat(document.at("/paths/~1api~1v1~1certifications~1{id}/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/IssuedCertification");
    }

    @Test
    void shouldTypeDatesAsIsoDates() {
        JsonNode asOf = document.at("/components/schemas/BomSubmission/properties/asOf");
        JsonNode date = asOf.has("$ref") ? document.at(asOf.get("$ref").asText().substring(1)) : asOf;
        assertThat(date.path("type").asText()).isEqualTo("string");
        assertThat(date.path("format").asText()).isEqualTo("date");
    }

    private static List<String> successCodes(JsonNode operation) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (code.startsWith("2")) {
                codes.add(code);
            }
        });
        return codes;
    }
}
