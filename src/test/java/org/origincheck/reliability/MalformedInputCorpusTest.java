package org.origincheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * A corpus of malformed submissions generated at test time from a fixed seed (over 10,000: wrong types,
 * absurd and NaN-like numbers, invalid HS codes, huge strings, deep nesting, duplicate keys, invalid UTF-8,
 * byte-level corruption, 100,000 materials), posted to the evaluation endpoint and a share of them to the
 * storing one. Every answer must be a 2xx or a 4xx problem, never a 5xx, and the service must stay ready.
 */
@QuarkusTest
class MalformedInputCorpusTest {

    private static final long SEED = 20261122L;
    /** CI runs 10,200 inputs; the `reliability` profile (-Dorigincheck.reliability.full=true) 100,000. */
    private static final int BYTE_MUTATIONS_UP_TO = ReliabilityRun.FULL ? 90_000 : 9_800;
    private static final int CORPUS_SIZE = ReliabilityRun.FULL ? 100_000 : 10_200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newHttpClient();

    record Input(String kind, byte[] body, String contentType) {
    }

    @Test
    void shouldAnswerEveryMalformedInputWithAClientErrorAndStayHealthy() throws Exception {
        List<Input> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(10_000);
        String token = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                Input input = corpus.get(i);
                String path = i % 20 == 0 ? "api/v1/determinations" : "api/v1/evaluations";
                futures.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(base.toURI().resolve(path)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", input.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(input.body())).build();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    byStatus.merge(response.statusCode(), 1, Integer::sum);
                    if (response.statusCode() >= 500) {
                        serverErrors.add(input.kind() + " -> " + response.statusCode() + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                    } else if (response.statusCode() >= 400) {
                        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                            serverErrors.add(input.kind() + " -> " + response.statusCode() + " without a problem document");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.println("[corpus] " + corpus.size() + " inputs, answers by status: " + new TreeMap<>(byStatus));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/malformed-corpus.txt"), corpus.size() + " inputs, answers by status: " + new TreeMap<>(byStatus) + "\n");
        assertThat(serverErrors).as("server errors").isEmpty();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(base.toURI().resolve("q/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    private static final String VALID = """
            {"reference":"corpus","asOf":"2026-07-01","good":{"partNumber":"G","description":"boiler","hsCode":"8402.11","producerCountry":"MX",
             "currency":"USD","transactionValue":100,"netCost":90,"vehicle":{"offRoad":false,"bodyType":"STANDARD"}},
             "materials":[{"partNumber":"M1","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":30,"quantity":1,"unit":"EA","kind":"DIRECT"},
                          {"partNumber":"M2","hsCode":"7208.51","origin":"ORIGINATING","value":20}],
             "automotive":{"declaredTables":["B"],"coreParts":{"vnmMethod":"ALL_MATERIALS","parts":[{"category":"ENGINE","netCost":10,"valueOfNonOriginatingMaterials":1}]},
               "steelAndAluminum":{"purchases":[{"hsCode":"7208.39","value":10,"originating":true}]},
               "laborValueContent":{"plants":[{"id":"P","country":"MX","currency":"MXN","averageBaseHourlyWage":300}],"highWageMaterials":[{"plantId":"P","amount":5}]}}}""";

    private static final List<String> PATHS = List.of("reference", "asOf", "rulePack", "good", "good.partNumber", "good.hsCode", "good.endUse",
            "good.producerCountry", "good.currency", "good.transactionValue", "good.netCost", "good.costs", "good.whollyObtained", "good.vehicle",
            "good.vehicle.passengerCapacity", "good.vehicle.bodyType", "materials", "materials[0]", "materials[0].hsCode", "materials[0].origin",
            "materials[0].value", "materials[0].quantity", "materials[0].kind", "materials[0].partOfGood", "materials[1].value", "automotive",
            "automotive.declaredTables", "automotive.coreParts.parts[0].netCost", "automotive.coreParts.parts[0].determinationId",
            "automotive.coreParts.parts[0].category", "automotive.steelAndAluminum.purchases[0].hsCode", "automotive.steelAndAluminum.purchases[0].value",
            "automotive.laborValueContent.plants[0].averageBaseHourlyWage", "automotive.laborValueContent.plants[0].country",
            "automotive.laborValueContent.highWageMaterials[0].plantId", "automotive.corePartsRollUp");

    private static List<JsonNode> replacements(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> values = new ArrayList<>(List.of(f.nullNode(), f.booleanNode(true), f.numberNode(-1), f.numberNode(0), f.numberNode(1e308),
                f.numberNode(new java.math.BigDecimal("1e400")), f.numberNode(new java.math.BigDecimal("-0.0000000001")),
                f.numberNode(new java.math.BigDecimal("123456789012345678901234567890.123456789")), f.textNode("NaN"), f.textNode("Infinity"),
                f.textNode(""), f.textNode(" "), f.textNode("84AB.11"), f.textNode("8402.11.00.00.00"), f.textNode("８４０２.１１"),
                f.textNode("8402.11\u0000"), f.textNode("'; drop table determination; --"), f.textNode("<script>alert(1)</script>"),
                f.textNode("x".repeat(100_000)), f.textNode("2026-02-30"), f.textNode("99999-01-01"), f.textNode("00000000-0000-0000-0000-000000000000"),
                f.textNode("\uD800"), f.arrayNode(), f.objectNode(), f.numberNode(Long.MAX_VALUE), f.numberNode(Integer.MIN_VALUE)));
        ArrayNode nested = f.arrayNode();
        ArrayNode cursor = nested;
        for (int i = 0; i < 200; i++) {
            ArrayNode next = f.arrayNode();
            cursor.add(next);
            cursor = next;
        }
        values.add(nested);
        ObjectNode weird = f.objectNode();
        weird.put("unexpected", random.nextInt());
        values.add(weird);
        return values;
    }

    private static List<Input> corpus() throws Exception {
        Random random = new Random(SEED);
        List<Input> out = new ArrayList<>();
        JsonNode valid = JSON.readTree(VALID);
        List<JsonNode> values = replacements(random);
        // Every path x every replacement.
        for (String path : PATHS) {
            for (JsonNode value : values) {
                JsonNode copy = valid.deepCopy();
                set(copy, path, value);
                out.add(new Input("replace " + path + " with " + abbreviate(value.toString()), JSON.writeValueAsBytes(copy), "application/json"));
            }
        }
        // Byte-level corruption of the valid document: flips, insertions, deletions, truncations.
        byte[] bytes = VALID.getBytes(StandardCharsets.UTF_8);
        while (out.size() < BYTE_MUTATIONS_UP_TO) {
            byte[] mutated = bytes.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && mutated.length > 1; e++) {
                int at = random.nextInt(mutated.length);
                switch (random.nextInt(4)) {
                    case 0 -> mutated[at] = (byte) random.nextInt(256);
                    case 1 -> mutated = insert(mutated, at, (byte) "{}[],:\"\\0-e.".charAt(random.nextInt(12)));
                    case 2 -> mutated = delete(mutated, at);
                    default -> mutated = java.util.Arrays.copyOf(mutated, at);
                }
            }
            out.add(new Input("bytes", mutated, "application/json"));
        }
        // Structural oddities.
        out.add(new Input("duplicate key", VALID.replace("\"currency\":\"USD\"", "\"currency\":\"USD\",\"currency\":\"CAD\"").getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Input("comment", ("/* c */" + VALID).getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Input("trailing comma", VALID.replace("\"value\":20}", "\"value\":20,}").getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Input("invalid UTF-8", insert(bytes, 40, (byte) 0xC3), "application/json"));
        out.add(new Input("lone continuation bytes", new byte[] {'{', '"', (byte) 0x80, (byte) 0xBF, '"', ':', '1', '}'}, "application/json"));
        out.add(new Input("deep nesting 100,000", ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Input("deep object nesting", ("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)).getBytes(StandardCharsets.UTF_8), "application/json"));
        out.add(new Input("empty", new byte[0], "application/json"));
        out.add(new Input("wrong media type", VALID.getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        out.add(new Input("xml", "<bom/>".getBytes(StandardCharsets.UTF_8), "application/xml"));
        StringBuilder huge = new StringBuilder("{\"asOf\":\"2026-07-01\",\"good\":{\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\",\"transactionValue\":100},\"materials\":[");
        for (int i = 0; i < 100_000; i++) {
            huge.append(i == 0 ? "" : ",").append("{\"origin\":\"ORIGINATING\",\"value\":1}");
        }
        out.add(new Input("100,000 materials", huge.append("]}").toString().getBytes(StandardCharsets.UTF_8), "application/json"));
        // Random automotive shapes and values on a valid base, to reach the automotive paths with odd but well-typed data.
        while (out.size() < CORPUS_SIZE) {
            ObjectNode copy = valid.deepCopy();
            ObjectNode auto = (ObjectNode) copy.get("automotive");
            auto.withArray("/coreParts/parts").addObject().put("category", "AXLE").put("netCost", random.nextInt(3)).put("valueOfNonOriginatingMaterials", random.nextInt(5));
            ((ObjectNode) auto.get("laborValueContent")).put("basis", random.nextBoolean() ? "NET_COST" : "ANNUAL_PURCHASE_VALUE");
            ((ObjectNode) copy.get("good")).put("hsCode", List.of("8703.23", "8704.21", "8704.41", "8702.10", "8708.29", "8708.40").get(random.nextInt(6)));
            ((ObjectNode) copy.get("good")).put("endUse", List.of("PASSENGER_VEHICLE_OE", "HEAVY_TRUCK_OE", "AFTERMARKET").get(random.nextInt(3)));
            out.add(new Input("automotive variant", JSON.writeValueAsBytes(copy), "application/json"));
        }
        return out;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
            if (node == null || !node.isContainerNode()) return;
        }
        String last = parts[parts.length - 1];
        if (last.endsWith("]")) {
            String name = last.substring(0, last.indexOf('['));
            int index = Integer.parseInt(last.substring(last.indexOf('[') + 1, last.length() - 1));
            JsonNode array = node.get(name);
            if (array instanceof ArrayNode a && index < a.size()) a.set(index, value);
        } else if (node instanceof ObjectNode o) {
            o.set(last, value);
        }
    }

    private static JsonNode step(JsonNode node, String part) {
        if (part.endsWith("]")) {
            JsonNode array = node.get(part.substring(0, part.indexOf('[')));
            int index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
            return array == null ? null : array.get(index);
        }
        return node.get(part);
    }

    private static byte[] insert(byte[] bytes, int at, byte b) {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = b;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
    }

    private static byte[] delete(byte[] bytes, int at) {
        byte[] out = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
        return out;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

}
