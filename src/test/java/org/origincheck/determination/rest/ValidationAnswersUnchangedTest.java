package org.origincheck.determination.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.junit.jupiter.api.Test;
import org.origincheck.api.ApiException;
import org.origincheck.api.JacksonConfig;
import org.origincheck.api.Problem;
import org.origincheck.config.LimitsConfig;
import org.origincheck.config.ValidationMemory;

/**
 * Issue 19 (branch i19u): the cost of validating a submission was cut, and no answer to a bad submission may change with it.
 * A catalogue of bad submissions (BadInputTest's cases, then every leaf of a submission that has every validated member,
 * replaced by near misses of its format: wrong digits, non-ASCII digits, empty, blank, long, signs, scales, exponents, bounds
 * and one past them, and by seeded random text and numbers) is read and validated as the service reads and validates it
 * ({@link SubmissionMapper#parse}, {@link SubmissionMapper#toBom}, Hibernate Validator with {@link ValidationMemory}), and each
 * answer (the problem document's status, type, detail and errors, in order; or that it was accepted) is compared with the
 * answer recorded in {@code validation/bad-submission-answers.txt} BEFORE the change (main a6ea847). To record again after a
 * deliberate change of an answer: {@code -Dorigincheck.validation.record=true}, and say why in the commit.
 */
class ValidationAnswersUnchangedTest {

    static final String RECORDED = "validation/bad-submission-answers.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A submission with every validated member of every request record, each valid. */
    static final String BASE = """
            {"reference":"PO-1","asOf":"2026-07-01","rulePack":"usmca",
             "good":{"partNumber":"G-1","description":"boiler","hsCode":"8402.11","endUse":"AFTERMARKET","producerCountry":"MX",
                     "currency":"USD","transactionValue":100.5,"netCost":90,"costs":{"totalCost":90,"excludedCosts":0},
                     "vehicle":{"offRoad":false,"compressionIgnition":false,"bodyType":"STANDARD","passengerCapacity":5},
                     "weight":12.5,"importingCountry":"US","importedFrom":"CA","declarations":{"8708.40:gear-box":true},"classifiedAsSet":false},
             "materials":[
               {"partNumber":"M-1","description":"tube","hsCode":"7304.19","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":10,
                "quantity":2,"unit":"kg","kind":"DIRECT","partOfGood":false,"weight":1.5,"declarations":{"materials[0].partOfGood":false}},
               {"partNumber":"M-2","description":"sub-assembly","hsCode":"8402.90","value":20,"transactionValue":20,"netCost":17,
                "costs":{"totalCost":18,"excludedCosts":1},"designatedIntermediate":true,
                "components":[{"partNumber":"C-1","hsCode":"7208.51","origin":"ORIGINATING","value":5}]}],
             "automotive":{"declaredTables":["A.1","B"],"forVehicleClass":"PASSENGER_VEHICLE",
               "coreParts":{"vnmMethod":"ALL_MATERIALS","superCore":false,
                 "parts":[{"category":"ENGINE","partNumber":"E-1","netCost":100,"valueOfNonOriginatingMaterials":10,"valueOfNonOriginatingComponents":5}],
                 "notCoreParts":["X-1"]},
               "steelAndAluminum":{"periodFrom":"2026-01-01","periodTo":"2026-06-30",
                 "purchases":[{"description":"coil","hsCode":"7208.51","metal":"STEEL","value":100,"originating":true,"meltedAndPouredInRegion":true,"metalValue":50}]},
               "laborValueContent":{"basis":"NET_COST",
                 "plants":[{"id":"P1","country":"MX","currency":"MXN","averageBaseHourlyWage":20.5},
                           {"id":"P2","country":"US","currency":"USD","baseWages":1000,"directProductionHours":50}],
                 "highWageMaterials":[{"plantId":"P1","amount":10}],"highWageLabourCosts":[{"plantId":"P2","amount":5}],
                 "highWageTransport":1,"netCost":100,"totalAnnualPurchaseValue":1000,"includeLabourCostsInPurchaseValue":false,
                 "technology":{"researchAndInformationTechnologyWages":1,"directProductionWages":2},
                 "assemblyPlant":{"plantId":"P1","operatedByProducer":true,"contractYears":3,"engineCapacity":1,"transmissionCapacity":0,"advancedBatteryPackCapacity":0}},
               "alternativeStagingRegime":{"approved":true,"approvedUntil":"2025-06-30","steelAndAluminumExempt":false},
               "corePartsRollUp":"TRACE","steelAndAluminumShare":"SEPARATE"}}""";

    /** Near misses of the text formats (HS code, countries, currencies, question ids, rule pack, tables) and of lengths. */
    static final List<String> TEXTS = List.of("", " ", "8402.11", "840211", "8402.11.00", "8402.11.00.10", "8402110010", "8402.1", "84021",
            "8402.111", "8402..11", "8402.11.", ".840211", "8402-11", "84O2.11", "8402.11 ", " 8402.11", "8402.11\n", "٨٤٠٢.١١", "８４０２.１１",
            "8402.11.0010", "840211.0010", "8402.11.00.1", "84021100100", "x", "US", "MX", "CA", "us", "USA", "U", "DE", "ÄB", "U\u0301",
            "USD", "usd", "US$", "USDD", "a.b:c_d-e[1]", "[a]", "-a", ".a", "a b", "a/b", "ab\u00e9", "A".repeat(80), "A".repeat(81),
            "usmca", "usmca-2", "USMCA", "usmca_", "A.1", "A.2", "A1", "a.1", "S", "SS", "x".repeat(20), "x".repeat(21), "x".repeat(50),
            "x".repeat(51), "x".repeat(100), "x".repeat(101), "x".repeat(200), "x".repeat(201), "x".repeat(1000), "x".repeat(1001));
    /** Near misses of the amounts: signs, zero, bounds and one past them, scales, exponents, integer digits. */
    static final List<String> NUMBERS = List.of("0", "-0", "0.0", "-1", "-0.000001", "0.000001", "0.0000001", "1", "1.5", "1e3", "1E-7",
            "1e15", "1e16", "999999999999999.999999", "1000000000000000", "1000000000000000.000001", "1000000000000001", "1e12",
            "1000000000000", "1000000000000.1", "9999999999999.999999", "10000000000000", "100000000", "100000000.5", "999999999.999999",
            "1234567890123456", "12345678901234567", "0.1234567", "1e400", "-1e400", "1e-400", "1000", "1001", "2147483648", "0.5");
    static final List<String> OTHERS = List.of("null", "true", "\"text\"", "[]", "{}", "1", "-1");

    @Test
    void shouldAnswerEveryBadSubmissionAsBeforeTheChange() throws Exception {
        SubmissionMapper submissions = serviceMapper();
        List<Case> cases = cases();
        boolean record = Boolean.getBoolean("origincheck.validation.record");
        Map<String, Integer> messages = new LinkedHashMap<>();
        Map<String, String> recorded = new LinkedHashMap<>();
        if (!record) {
            read(messages, recorded);
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (Case c : cases) {
            answers.put(c.name(), answer(submissions, c.body(), messages));
        }
        if (record) {
            Path file = Path.of("src/test/resources", RECORDED);
            Files.createDirectories(file.getParent());
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, Integer> m : messages.entrySet()) {
                // As JSON text: some messages quote what was submitted (a plant id), tabs and line breaks included.
                out.append('#').append(m.getValue()).append('\t').append(JSON.writeValueAsString(m.getKey())).append('\n');
            }
            answers.forEach((name, answer) -> out.append(name).append('\t').append(answer).append('\n'));
            Files.writeString(file, out, StandardCharsets.UTF_8);
            recorded.putAll(answers);
        }
        assertThat(answers.keySet()).containsExactlyElementsOf(recorded.keySet());
        long refused = answers.values().stream().filter(a -> !a.equals("ACCEPTED") && !a.equals("NEEDS-DATABASE")).count();
        assertThat(refused).as("the catalogue is mostly refusals").isGreaterThan(cases.size() / 2);
        List<String> changed = new ArrayList<>();
        answers.forEach((name, answer) -> {
            if (!answer.equals(recorded.get(name))) {
                changed.add(name + "\n  before: " + recorded.get(name) + "\n  now:    " + answer);
            }
        });
        assertThat(changed).as(changed.size() + " of " + cases.size() + " answers changed").isEmpty();
    }

    /** The recorded answers by case name, and the table of messages they refer to. */
    static void read(Map<String, Integer> messages, Map<String, String> recorded) throws Exception {
        try (InputStream in = ValidationAnswersUnchangedTest.class.getClassLoader().getResourceAsStream(RECORDED)) {
            assertThat(in).as(RECORDED).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (line.startsWith("#")) {
                    messages.put(JSON.readValue(line.substring(tab + 1), String.class), Integer.parseInt(line.substring(1, tab)));
                } else {
                    recorded.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
    }

    /**
     * The problem document of a refusal, or ACCEPTED; a case that needs the database (evidence lookups) says so. A 400 of an
     * invalid submission whose detail is the one its errors give is written short, its errors in order with each message by
     * its number in the file's table of messages ({@code #N<tab>message}); any other problem document in full.
     */
    static String answer(SubmissionMapper submissions, String body, Map<String, Integer> messages) throws Exception {
        try {
            submissions.toBom(submissions.parse(body), "catalogue");
            return "ACCEPTED";
        } catch (ApiException e) {
            return written(e.problem(), messages);
        } catch (NullPointerException e) {
            // The catalogue runs without a database: a submission that passed validation and asks for stored evidence ends here.
            return "NEEDS-DATABASE";
        }
    }

    /** A problem document as the catalogue writes it (see {@link #answer}). */
    static String written(Problem p, Map<String, Integer> messages) throws Exception {
        if (p.errors() != null && !p.errors().isEmpty() && ApiException.invalid(p.errors()).problem().equals(p)) {
            StringBuilder out = new StringBuilder("400");
            // The errors of one field come in no fixed order, not even from one run of the same code to the next: they are
            // Hibernate Validator's set, which ProblemMappers sorts by field only. Within a field they are compared as a set.
            List<Problem.FieldError> errors = new ArrayList<>(p.errors());
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message));
            for (Problem.FieldError error : errors) {
                out.append(' ').append(error.field()).append('=')
                        .append(messages.computeIfAbsent(error.message(), m -> messages.size() + 1));
            }
            return out.toString();
        }
        return JSON.writeValueAsString(p);
    }

    record Case(String name, String body) {
    }

    static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        // BadInputTest's submissions (those read by SubmissionMapper; the HTTP layer's own refusals are tested there).
        String good = "{\"hsCode\":\"8402.11\",\"producerCountry\":\"MX\",\"currency\":\"USD\",\"transactionValue\":100}";
        String material = "[{\"partNumber\":\"M1\",\"hsCode\":\"7208.51\",\"origin\":\"NON_ORIGINATING\",\"value\":10}]";
        cases.add(new Case("bad-input:HS code with letters", bom(good.replace("8402.11", "84AB.11"), "[]")));
        cases.add(new Case("bad-input:HS code of 7 digits", bom(good.replace("8402.11", "8402111"), "[]")));
        cases.add(new Case("bad-input:missing HS code", bom(good.replace("\"hsCode\":\"8402.11\",", ""), "[]")));
        cases.add(new Case("bad-input:producer outside USMCA", bom(good.replace("MX", "CN"), "[]")));
        cases.add(new Case("bad-input:lower-case currency", bom(good.replace("USD", "usd"), "[]")));
        cases.add(new Case("bad-input:zero transaction value", bom(good.replace("100", "0"), "[]")));
        cases.add(new Case("bad-input:absurd transaction value", bom(good.replace("100", "1e400"), "[]")));
        cases.add(new Case("bad-input:negative material value", bom(good, material.replace("\"value\":10", "\"value\":-10"))));
        cases.add(new Case("bad-input:material without value", bom(good, material.replace(",\"value\":10", ""))));
        cases.add(new Case("bad-input:material HS code of 4 digits", bom(good, material.replace("7208.51", "7208"))));
        cases.add(new Case("bad-input:null material", bom(good, "[null]")));
        cases.add(new Case("bad-input:unknown rule pack", bom(good, "[]").replace("{\"asOf\"", "{\"rulePack\":\"nafta\",\"asOf\"")));
        cases.add(new Case("bad-input:excluded costs above total", bom(good.replace("}", ",\"costs\":{\"totalCost\":10,\"excludedCosts\":12}}"), "[]")));
        cases.add(new Case("bad-input:missing good", "{\"materials\":[]}"));
        cases.add(new Case("bad-input:date before USMCA", bom(good, "[]").replace("2026-07-01", "2019-12-31")));

        JsonNode base = JSON.readTree(BASE);
        cases.add(new Case("base", base.toString()));
        List<String> leaves = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        collect(base, "", leaves, containers);
        for (String path : leaves) {
            JsonNode original = locate(base, path);
            List<String> values = original.isNumber() ? NUMBERS : original.isTextual() ? TEXTS : List.of();
            for (int i = 0; i < values.size(); i++) {
                String value = original.isNumber() ? values.get(i) : JSON.writeValueAsString(values.get(i));
                cases.add(new Case(path + "=" + (original.isNumber() ? value : "text#" + i), replaced(base, path, value)));
            }
            for (String other : OTHERS) {
                cases.add(new Case(path + "=" + other, replaced(base, path, other)));
            }
            cases.add(new Case(path + " left out", removed(base, path)));
        }
        for (String path : containers) {
            cases.add(new Case(path + "=null", replaced(base, path, "null")));
            cases.add(new Case(path + " left out", removed(base, path)));
            cases.add(new Case(path + "={}", replaced(base, path, "{}")));
            cases.add(new Case(path + "=[null]", replaced(base, path, "[null]")));
        }
        // Seeded random text and numbers in every leaf, several at once, so that errors of many fields meet in one answer.
        Random random = new Random(20261205L);
        for (int n = 0; n < 1_000; n++) {
            JsonNode copy = base.deepCopy();
            StringBuilder name = new StringBuilder("random#" + n);
            int changes = 1 + random.nextInt(4);
            for (int k = 0; k < changes; k++) {
                String path = leaves.get(random.nextInt(leaves.size()));
                JsonNode original = locate(copy, path);
                JsonNode value = original != null && original.isNumber() && random.nextInt(5) > 0
                        ? JSON.readTree(randomNumber(random)) : JsonNodeFactory.instance.textNode(randomText(random));
                set(copy, path, value);
                name.append(' ').append(path);
            }
            cases.add(new Case(name.toString(), copy.toString()));
        }
        return cases;
    }

    static String randomText(Random r) {
        String[] pieces = {"8", "4", "0", "2", ".", "1", "9", "A", "Z", "a", "-", "_", ":", "[", "]", " ", "٣", "３", "é", "\u0301", "$", "/", "\t", "DE",
                "US", "MX", "CA", "USD", "A.1", "usmca"};
        int length = r.nextInt(10) == 0 ? 70 + r.nextInt(30) : r.nextInt(12);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(pieces[r.nextInt(pieces.length)]);
        }
        return s.toString();
    }

    static String randomNumber(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(6) == 0) s.append('-');
        int integer = r.nextInt(20);
        s.append(1 + r.nextInt(9));
        for (int i = 0; i < integer; i++) s.append(r.nextInt(10));
        if (r.nextBoolean()) {
            s.append('.');
            int fraction = 1 + r.nextInt(9);
            for (int i = 0; i < fraction; i++) s.append(r.nextInt(10));
        }
        if (r.nextInt(8) == 0) s.append('e').append(r.nextInt(41) - 20);
        return s.toString();
    }

    static String bom(String good, String materials) {
        return "{\"asOf\":\"2026-07-01\",\"good\":" + good + ",\"materials\":" + materials + "}";
    }

    private static void collect(JsonNode node, String path, List<String> leaves, List<String> containers) {
        if (node.isObject()) {
            if (!path.isEmpty()) containers.add(path);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves, containers);
            }
        } else if (node.isArray()) {
            containers.add(path);
            for (int i = 0; i < node.size(); i++) collect(node.get(i), path + "[" + i + "]", leaves, containers);
        } else {
            leaves.add(path);
        }
    }

    /** Path steps: names separated by dots, indexes in brackets; a declaration's key may hold dots, so keys are matched whole first. */
    private static List<Object> steps(JsonNode root, String path) {
        List<Object> steps = new ArrayList<>();
        JsonNode node = root;
        String rest = path;
        while (!rest.isEmpty()) {
            if (rest.startsWith("[")) {
                int end = rest.indexOf(']');
                int index = Integer.parseInt(rest.substring(1, end));
                steps.add(index);
                node = node == null ? null : node.get(index);
                rest = rest.substring(end + 1);
            } else {
                if (rest.startsWith(".")) rest = rest.substring(1);
                String name = null;
                if (node != null && node.isObject()) {
                    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                        String candidate = it.next();
                        if (rest.equals(candidate) || rest.startsWith(candidate + ".") || rest.startsWith(candidate + "[")) {
                            if (name == null || candidate.length() > name.length()) name = candidate;
                        }
                    }
                }
                if (name == null) {
                    int end = rest.length();
                    for (char c : new char[] {'.', '['}) {
                        int at = rest.indexOf(c);
                        if (at >= 0 && at < end) end = at;
                    }
                    name = rest.substring(0, end);
                }
                steps.add(name);
                node = node == null ? null : node.get(name);
                rest = rest.substring(name.length());
            }
        }
        return steps;
    }

    static JsonNode locate(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(root, path)) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    static void set(JsonNode root, String path, JsonNode value) {
        List<Object> steps = steps(root, path);
        JsonNode parent = root;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer i) ((ArrayNode) parent).set(i, value);
        else ((ObjectNode) parent).set((String) last, value);
    }

    static String replaced(JsonNode base, String path, String json) throws Exception {
        JsonNode copy = base.deepCopy();
        set(copy, path, JSON.readTree(json));
        return copy.toString();
    }

    static String removed(JsonNode base, String path) {
        JsonNode copy = base.deepCopy();
        List<Object> steps = steps(copy, path);
        JsonNode parent = copy;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer i) ((ArrayNode) parent).remove(i);
        else ((ObjectNode) parent).remove((String) last);
        return copy.toString();
    }

    /** The service's reader and validator as Quarkus makes them (bench/BatchLineCost.java does the same), without a database. */
    static SubmissionMapper serviceMapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
        mapper.registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule());
        mapper.registerModule(new com.fasterxml.jackson.module.paramnames.ParameterNamesModule());
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        new JacksonConfig().customize(mapper);
        LimitsConfig limits = (LimitsConfig) Proxy.newProxyInstance(LimitsConfig.class.getClassLoader(), new Class<?>[] {LimitsConfig.class},
                (p, m, a) -> switch (m.getName()) {
                    case "maxMaterials", "materialsInEvaluation" -> 50_000;
                    case "maxBomDepth" -> 10;
                    case "maxBodyBytes" -> 16_777_216L;
                    case "evaluationWaitSeconds" -> 60L;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return new SubmissionMapper(validator(), mapper, limits, null, new MaterialTreeMapper(limits, null));
    }

    static Validator validator() {
        HibernateValidatorConfiguration configuration = Validation.byProvider(HibernateValidator.class).configure();
        new ValidationMemory().customize(configuration);
        return configuration.buildValidatorFactory().getValidator();
    }
}
