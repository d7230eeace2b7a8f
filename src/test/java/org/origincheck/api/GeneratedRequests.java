package org.origincheck.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Requests generated from a seed over every endpoint of the API (issue 14): wrong types, huge and malformed numbers,
 * deep nesting, Unicode edge cases (NUL, lone surrogates, bidi overrides, non-characters, combining marks, very long
 * strings), missing and extra fields, bad query values, bad ids, and every method on every path. Request {@code i} of
 * seed {@code s} depends only on {@code (s, i)}, so a failure names the seed and index that reproduce it whatever the
 * number of threads. Text fields are mutated in turn (request {@code i} mutates field {@code i / endpoints mod fields}
 * of its endpoint's template), so a short run already reaches every field of every body.
 */
final class GeneratedRequests {

    /** One HTTP request: the path includes its query string, already percent-encoded; a null body sends none. */
    record Request(int index, String method, String path, String contentType, String accept, String token, byte[] body, String mutated) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
            return "#" + index + " " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " [" + contentType + "] "
                    + mutated + " " + shown;
        }
    }

    /** Where a mutated field lives: the endpoint's template and the JSON path of the leaf (or CSV column). */
    record Field(String endpoint, String path) {
    }

    /** Ids of things that exist in the test tenant, so that some requests reach past the 404. */
    record KnownIds(String determination, String certification, String declaration, String job) {
    }

    enum Body { NONE, JSON, CSV }

    record Endpoint(String name, String method, String path, Body body, String template, List<String> query) {
    }

    private static final String BOM = """
            {"reference":"FZ-1","asOf":"2026-07-01","rulePack":"usmca",
             "good":{"partNumber":"BLR-9","description":"Watertube boiler","hsCode":"8402.11","endUse":"NONE","producerCountry":"MX",
               "importingCountry":"US","importedFrom":"MX","declarations":{"good.endUse":true},
               "currency":"USD","transactionValue":100,"netCost":90,"costs":{"totalCost":95,"excludedCosts":5},"weight":12.5},
             "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE",
                           "value":60,"quantity":1,"unit":"EA","kind":"STANDARD","partOfGood":true,"weight":3,"supplierId":"SUP-1",
                           "declarations":{"8708.40:gear-box":false},
                           "components":[{"partNumber":"PLATE","description":"Plate","hsCode":"7208.51","origin":"ORIGINATING","value":20}]},
                          {"partNumber":"BOLT","hsCode":"7318.15","origin":"UNKNOWN","value":1}]}""";

    private static final String VEHICLE_GOOD = """
            {"asOf":"2026-07-01","good":{"partNumber":"CAR","hsCode":"8703.23","producerCountry":"MX","currency":"USD","transactionValue":30000,
              "vehicle":{"offRoad":false,"compressionIgnition":false,"bodyType":"SEDAN","passengerCapacity":5}},
             "materials":[{"partNumber":"ENG","hsCode":"8407.34","origin":"NON_ORIGINATING","value":5000}]""";

    private static final String VEHICLE_PARTS = """
            ,"automotive":{"declaredTables":["A.1"],"coreParts":{"vnmMethod":"ALL_MATERIALS","superCore":false,
               "parts":[{"category":"ENGINE","partNumber":"ENG","netCost":100,"valueOfNonOriginatingMaterials":10}],"notCoreParts":["GB-1"]},
             "steelAndAluminum":{"periodFrom":"2026-01-01","periodTo":"2026-12-31",
               "purchases":[{"description":"coil","hsCode":"7208.51","metal":"STEEL","value":10,"originating":true,"meltedAndPouredInRegion":true}]},
             "laborValueContent":{"basis":"NET_COST","plants":[{"id":"P1","country":"MX","currency":"MXN","averageBaseHourlyWage":20,"baseWages":1000,
               "directProductionHours":50}],"highWageMaterials":[{"plantId":"P1","amount":10}],"highWageLabourCosts":[{"plantId":"P1","amount":5}],
               "highWageTransport":1,"netCost":100},
             "alternativeStagingRegime":{"approved":false,"approvedUntil":"2025-06-30","steelAndAluminumExempt":false},
             "corePartsRollUp":"TRACE","steelAndAluminumShare":"SEPARATE"}}""";

    private static final String CERTIFICATION = """
            {"certifierRole":"PRODUCER",
             "certifier":{"name":"Calderas SA","title":"Compliance","address":"Av. 1, Monterrey","telephone":"+52 81 5555 0100","email":"origin@calderas.example"},
             "exporter":{"name":"Calderas SA","address":"Av. 1","email":"export@calderas.example"},
             "producer":{"name":"Calderas SA","address":"Av. 1","telephone":"+52","email":"p@calderas.example"},
             "producerStatement":"AVAILABLE_UPON_REQUEST",
             "importer":{"name":"Steam Inc","address":"1 Main St","email":"imports@steam.example"},
             "description":"Watertube boilers","blanketFrom":"2026-07-01","blanketTo":"2026-12-31","signatory":"A. Person",
             "exporterStatement":"SAME_AS_CERTIFIER","importerStatement":"KNOWN","replacementReason":"typo"}""";

    private static final String DECLARATION = """
            {"supplier":{"id":"SUP-1","name":"Aceros del Norte SA","country":"MX"},
             "items":[{"partNumber":"DRUM","hsCode":"7208.51","origin":"ORIGINATING","originCriterion":"B"},
                      {"partNumber":"DRUM-B","hsCode":"8708.99","origin":"NON_ORIGINATING","nonOriginatingValue":12.50,"currency":"MXN"}],
             "validFrom":"2026-01-01","validTo":"2026-12-31",
             "certifier":{"name":"R. Garza","title":"Export manager","email":"rgarza@example.com"},"issuedAt":"2026-01-01"}""";

    private static final String BOM_CSV = "partNumber,description,hsCode,origin,countryOfOrigin,value\r\n"
            + "DRUM,Drum,8402.90,NON_ORIGINATING,DE,60\r\nPLATE,Plate,7208.51,ORIGINATING,,20\r\n";

    private static final String DECLARATION_CSV = "supplierId,supplierName,supplierCountry,partNumber,hsCode,origin,originCriterion,nonOriginatingValue,"
            + "currency,validFrom,validTo,certifierName,certifierTitle,certifierEmail,issuedAt\r\n"
            + "SUP-1,Aceros,MX,DRUM,7208.51,ORIGINATING,B,,,2026-01-01,2026-12-31,R. Garza,Manager,r@example.com,2026-01-01\r\n";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("create-json", "POST", "/api/v1/determinations", Body.JSON, BOM, List.of()),
            new Endpoint("create-vehicle", "POST", "/api/v1/determinations", Body.JSON, VEHICLE_GOOD + VEHICLE_PARTS, List.of()),
            new Endpoint("create-csv", "POST", "/api/v1/determinations", Body.CSV, BOM_CSV,
                    List.of("reference", "asOf", "rulePack", "partNumber", "description", "hsCode", "endUse", "producerCountry", "currency",
                            "transactionValue", "netCost")),
            new Endpoint("evaluate", "POST", "/api/v1/evaluations", Body.JSON, BOM, List.of()),
            new Endpoint("list", "GET", "/api/v1/determinations", Body.NONE, null, List.of("partNumber", "status", "hsCode", "from", "to", "page", "size")),
            new Endpoint("get", "GET", "/api/v1/determinations/{determination}", Body.NONE, null, List.of()),
            new Endpoint("submission", "GET", "/api/v1/determinations/{determination}/submission", Body.NONE, null, List.of()),
            new Endpoint("review", "GET", "/api/v1/determinations/{determination}/review", Body.NONE, null, List.of()),
            new Endpoint("timeline", "GET", "/api/v1/determinations/{determination}/review/timeline.csv", Body.NONE, null, List.of()),
            new Endpoint("review-action", "POST", "/api/v1/determinations/{determination}/review-actions", Body.JSON,
                    "{\"action\":\"OVERRIDE\",\"justification\":\"reasoned\",\"overrideStatus\":\"ORIGINATING\",\"overrideCriterion\":\"B\"}", List.of()),
            new Endpoint("certify", "POST", "/api/v1/determinations/{determination}/certifications", Body.JSON, CERTIFICATION, List.of()),
            new Endpoint("certifications-of", "GET", "/api/v1/determinations/{determination}/certifications", Body.NONE, null, List.of()),
            new Endpoint("queue", "GET", "/api/v1/review-queue", Body.NONE, null,
                    List.of("state", "partNumber", "hsCode", "status", "rulePackVersion", "from", "to", "q", "sort", "direction", "page", "size")),
            new Endpoint("certification", "GET", "/api/v1/certifications/{certification}", Body.NONE, null, List.of()),
            new Endpoint("revoke-certification", "POST", "/api/v1/certifications/{certification}/revocation", Body.JSON, "{\"reason\":\"wrong importer\"}", List.of()),
            new Endpoint("rule-packs", "GET", "/api/v1/rule-packs", Body.NONE, null, List.of()),
            new Endpoint("product-rules", "GET", "/api/v1/product-rules", Body.NONE, null, List.of("hsCode", "endUse", "asOf", "rulePack")),
            new Endpoint("declare", "POST", "/api/v1/supplier-declarations", Body.JSON, DECLARATION, List.of()),
            new Endpoint("declare-csv", "POST", "/api/v1/supplier-declarations", Body.CSV, DECLARATION_CSV, List.of()),
            new Endpoint("declarations", "GET", "/api/v1/supplier-declarations", Body.NONE, null, List.of("supplierId", "partNumber", "validOn", "status", "page", "size")),
            new Endpoint("gaps", "GET", "/api/v1/supplier-declarations/gaps", Body.NONE, null, List.of("asOf", "supplierId", "page", "size")),
            new Endpoint("declaration", "GET", "/api/v1/supplier-declarations/{declaration}", Body.NONE, null, List.of()),
            new Endpoint("revoke-declaration", "POST", "/api/v1/supplier-declarations/{declaration}/revocation", Body.JSON, "{\"reason\":\"withdrawn\"}", List.of()),
            new Endpoint("redetermine", "POST", "/api/v1/redeterminations", Body.NONE, null, List.of("asOf")),
            new Endpoint("job", "GET", "/api/v1/redeterminations/{job}", Body.NONE, null, List.of()),
            new Endpoint("changes", "GET", "/api/v1/redeterminations/{job}/changes", Body.NONE, null, List.of()),
            new Endpoint("dev-sign-in", "POST", "/dev/sign-in", Body.NONE, null, List.of("tenant", "roles", "subject")),
            new Endpoint("openapi", "GET", "/q/openapi", Body.NONE, null, List.of("format")),
            new Endpoint("health", "GET", "/q/health/ready", Body.NONE, null, List.of()),
            new Endpoint("workspace", "GET", "/workspace/determination.html", Body.NONE, null, List.of("id")),
            new Endpoint("unknown", "GET", "/api/v1/{junk}", Body.NONE, null, List.of()));

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE"};
    private static final String[] CONTENT_TYPES = {"application/json", "text/csv", "application/xml", "text/plain", "application/json; charset=ISO-8859-1",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json;;;", "*/*", ""};
    private static final String[] ACCEPTS = {null, "application/json", "text/csv", "application/pdf", "application/xml", "text/plain",
            "application/vnd.origincheck.audit+zip", "image/png", "*/*", "application/junit+xml", "text/html;q=0.1, */*;q=0"};

    /** Text an attacker or a confused client sends: every Unicode trap PostgreSQL, Jackson, PDF fonts or spreadsheets could trip on. */
    static final String[] TEXT = {"", " ", "\u0000", "a\u0000b", "\ud800", "x\udc00", "\udbff\udfff", "\ud83d\ude00 emoji", "\u202egnp.exe",
            "\u200b\u200d\ufeff", "e\u0301\u0301\u0301", "\uffff\ufffe", "\u0085\u2028\u2029", "\u001b[31mred", "\t", "\r\n", "=HYPERLINK(\"http://x\")",
            "+1+1", "-2+3", "@SUM(A1)", "'; DROP TABLE determination; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "%s%n%x",
            "../../etc/passwd", "\\\\server\\share", "ΑΒΓ", "İıŞ", "ﬁ", "日本語の説明", "مرحبا", "١٢٣", "１２３", "30000,55", "1e400", "NaN",
            "Infinity", "-0", "2026-13-45", "2026-02-30", "0000-00-00", "+999999999-12-31", "FOO", "originating", "ORIGINATING ", "usmca",
            "8402.11", "8402", "84021100", "99", "MX", "US", "XX", "ZZZ", "USD", "true", "null", "{}", "[]", "\"", "\\", "\u00ad",
            "\ud834\udd1e", "\u0600\u061c", "\u00a0"};

    /** Raw JSON number literals: out of range, too precise, malformed for some parsers. */
    private static final String[] NUMBERS = {"0", "-0", "-1", "1e400", "-1e400", "1e-400", "1E+2147483647", "1e-2147483648", "0.000000000000000000001",
            "123456789012345678901234567890", "9".repeat(1000), "1." + "0".repeat(1000) + "1", "100.1234567", "9223372036854775808",
            "-9223372036854775809", "2147483648", "1.5", "0.0", "1e2"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final KnownIds known;
    private final Map<String, List<String>> leaves = new LinkedHashMap<>();
    private final Map<String, Object> templates = new LinkedHashMap<>();

    GeneratedRequests(long seed, KnownIds known) {
        this.seed = seed;
        this.known = known;
        for (Endpoint e : ENDPOINTS) {
            if (e.body() == Body.JSON) {
                try {
                    Object tree = JSON.readValue(e.template(), Object.class);
                    templates.put(e.name(), tree);
                    List<String> found = new ArrayList<>();
                    collectLeaves(tree, "", found);
                    leaves.put(e.name(), found);
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(e.name(), ex);
                }
            } else if (e.body() == Body.CSV) {
                leaves.put(e.name(), List.of(e.template().split("\r\n")[0].split(",")));
            }
        }
    }

    /** Every field of every body template: the fields a run must have mutated. */
    List<Field> fields() {
        List<Field> all = new ArrayList<>();
        leaves.forEach((endpoint, paths) -> paths.forEach(p -> all.add(new Field(endpoint, p))));
        return all;
    }

    Request request(int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        Endpoint e = ENDPOINTS.get(index % ENDPOINTS.size());
        int turn = index / ENDPOINTS.size();
        String method = r.nextInt(4) == 0 ? METHODS[r.nextInt(METHODS.length)] : e.method();
        String path = fillPath(e.path(), r) + query(e, r);
        String token = token(r);
        String accept = ACCEPTS[r.nextInt(ACCEPTS.length)];
        byte[] body = null;
        String contentType = null;
        String mutated = "";
        if (e.body() == Body.JSON) {
            List<String> paths = leaves.get(e.name());
            String leaf = paths.get(turn % paths.size());
            Object tree = deepCopy(templates.get(e.name()));
            // The first pass over the fields sets each one, so that every field of every body is reached.
            int mode = turn < paths.size() ? 0 : r.nextInt(20);
            if (mode < 11) {
                set(tree, leaf, value(r));
                mutated = "field " + leaf;
            } else if (mode < 13) {
                remove(tree, leaf);
                mutated = "removed " + leaf;
            } else if (mode < 15) {
                addExtra(tree, leaf, r);
                mutated = "extra beside " + leaf;
            } else if (mode < 17) {
                set(tree, leaf, value(r));
                for (int k = 0; k < 4; k++) {
                    set(tree, paths.get(r.nextInt(paths.size())), value(r));
                }
                mutated = "fields " + leaf + " and 4 more";
            } else if (mode == 17) {
                set(tree, leaf, new Raw(nested(r)));
                mutated = "deep nesting at " + leaf;
            } else if (mode == 18) {
                mutated = "garbage";
            } else {
                mutated = "valid";
            }
            body = mode == 18 ? garbage(r) : write(tree, r.nextBoolean());
            contentType = r.nextInt(8) == 0 ? CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)] : "application/json";
        } else if (e.body() == Body.CSV) {
            List<String> columns = leaves.get(e.name());
            int column = turn % columns.size();
            mutated = "column " + columns.get(column);
            body = csv(e.template(), column, r);
            contentType = r.nextInt(8) == 0 ? CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)] : "text/csv";
        } else if (!"GET".equals(method) && !"HEAD".equals(method) && r.nextInt(3) == 0) {
            body = r.nextBoolean() ? write(value(r), false) : garbage(r);
            contentType = CONTENT_TYPES[r.nextInt(CONTENT_TYPES.length)];
            mutated = "unexpected body";
        }
        if (contentType != null && contentType.isEmpty()) {
            contentType = null;
        }
        return new Request(index, method, path, contentType, accept, token, body, mutated);
    }

    // ------------------------------------------------------------------ paths, queries and tokens

    private String fillPath(String template, Random r) {
        String path = template;
        path = path.replace("{determination}", id(known.determination(), r));
        path = path.replace("{certification}", id(known.certification(), r));
        path = path.replace("{declaration}", id(known.declaration(), r));
        path = path.replace("{job}", id(known.job(), r));
        path = path.replace("{junk}", segment(r));
        return path;
    }

    private String id(String real, Random r) {
        int pick = r.nextInt(10);
        if (pick < 4 && real != null) {
            return pick == 0 ? real.toUpperCase() : real;
        }
        if (pick < 6) {
            return UUID.randomUUID().toString();
        }
        return segment(r);
    }

    private static String segment(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "abc";
            case 1 -> "-1";
            case 2 -> "%00";
            case 3 -> "%2e%2e";
            case 4 -> "x".repeat(r.nextBoolean() ? 5_000 : 300);
            case 5 -> "%E2%80%AE";
            case 6 -> "%ED%A0%80";
            case 7 -> "%C0%AF";
            case 8 -> "{" + UUID.randomUUID() + "}".replace("{", "%7B").replace("}", "%7D");
            case 9 -> "00000000-0000-0000-0000-00000000000g";
            case 10 -> "%27%20OR%201%3D1--";
            default -> percent(text(r));
        };
    }

    private static String query(Endpoint e, Random r) {
        List<String> pairs = new ArrayList<>();
        for (String name : e.query()) {
            if (r.nextInt(3) == 0) {
                pairs.add(name + "=" + percent(queryValue(name, r)));
                if (r.nextInt(20) == 0) {
                    pairs.add(name + "=" + percent(text(r)));
                }
            }
        }
        if (r.nextInt(10) == 0) {
            pairs.add(percent(text(r)) + "=" + percent(text(r)));
        }
        if (r.nextInt(30) == 0) {
            pairs.add("q=" + "y".repeat(r.nextBoolean() ? 10_000 : 2_000));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String queryValue(String name, Random r) {
        if (r.nextBoolean()) {
            return text(r);
        }
        return switch (name) {
            case "page", "size" -> new String[] {"0", "-1", "1", "1000000", "2147483648", "abc", "1.5", "99999999999999999999"}[r.nextInt(8)];
            case "from", "to", "asOf", "validOn" -> new String[] {"2026-07-01", "2026-13-45", "1-01-01", "+10000-01-01", "2026-7-1", "today"}[r.nextInt(6)];
            case "status" -> new String[] {"ORIGINATING", "NOT_ORIGINATING", "INSUFFICIENT_DATA", "ACTIVE", "REVOKED", "FOO"}[r.nextInt(6)];
            case "state" -> new String[] {"PENDING", "APPROVED", "REJECTED", "OVERRIDDEN", "FOO"}[r.nextInt(5)];
            case "sort" -> new String[] {"createdAt", "partNumber", "lastActivity", "status", "FOO"}[r.nextInt(5)];
            case "direction" -> new String[] {"asc", "desc", "sideways"}[r.nextInt(3)];
            case "endUse" -> new String[] {"NONE", "FOO", "PASSENGER_VEHICLE"}[r.nextInt(3)];
            case "roles" -> new String[] {"submitter", "admin,reviewer", "root", ""}[r.nextInt(4)];
            case "transactionValue", "netCost" -> NUMBERS[r.nextInt(NUMBERS.length)];
            default -> new String[] {"8402.11", "usmca", "MX", "USD", "DRUM", "2026.12.1"}[r.nextInt(6)];
        };
    }

    private String token(Random r) {
        return switch (r.nextInt(20)) {
            case 0 -> null;
            case 1 -> "not-a-jwt";
            case 2 -> "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwidGVuYW50IjoiZnV6eiJ9.";
            case 3 -> org.origincheck.security.TestTokens.token(null, "submitter", "reviewer", "auditor", "admin");
            case 4 -> org.origincheck.security.TestTokens.token(GeneratedInputTest.TENANT);
            default -> GeneratedInputTest.token();
        };
    }

    static String percent(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    for (byte b : text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8)) out.append(String.format("%%%02X", b & 0xff));
                    i++;
                } else {
                    // A lone surrogate as the (invalid) three UTF-8 bytes a careless encoder would write.
                    out.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
                }
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) out.append(String.format("%%%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ values

    static String text(Random r) {
        int pick = r.nextInt(20);
        if (pick < 12) {
            return TEXT[r.nextInt(TEXT.length)];
        }
        if (pick < 16) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(40);
            for (int k = 0; k < n; k++) {
                // Any UTF-16 unit, surrogates and controls included: every Unicode category is reachable.
                s.append((char) (r.nextInt(4) == 0 ? r.nextInt(0x80) : r.nextInt(0x10000)));
            }
            return s.toString();
        }
        if (pick < 19) {
            int[] lengths = {51, 101, 201, 255, 256, 501, 1001, 2001, 4001};
            return "L".repeat(lengths[r.nextInt(lengths.length)]);
        }
        return (r.nextBoolean() ? "\u00e9" : "W").repeat(r.nextBoolean() ? 100_000 : 20_000);
    }

    private static Object value(Random r) {
        return switch (r.nextInt(12)) {
            case 0, 1, 2, 3, 4 -> text(r);
            case 5, 6 -> new Raw(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 7 -> r.nextBoolean();
            case 8 -> new Raw("null");
            case 9 -> r.nextBoolean() ? new ArrayList<>(List.of(text(r), 1)) : new ArrayList<>();
            case 10 -> new LinkedHashMap<>(Map.of("a", text(r)));
            default -> new Raw(nested(r));
        };
    }

    private static String nested(Random r) {
        int depth = new int[] {50, 900, 1001, 5_000, 20_000}[r.nextInt(5)];
        String open = r.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static byte[] garbage(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> "{\"good\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {(byte) 0xC3, (byte) 0x28, '{', (byte) 0xFF, (byte) 0xFE};
            case 3 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 4 -> "\ufeff{}".getBytes(StandardCharsets.UTF_8);
            case 5 -> "<xml/>".getBytes(StandardCharsets.UTF_8);
            case 6 -> {
                byte[] b = new byte[1 + r.nextInt(2000)];
                r.nextBytes(b);
                yield b;
            }
            default -> "[1,2,3]".getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] csv(String template, int column, Random r) {
        String[] lines = template.split("\r\n");
        List<String> out = new ArrayList<>();
        out.add(r.nextInt(10) == 0 ? lines[0] + ",extra" : lines[0]);
        for (int l = 1; l < lines.length; l++) {
            String[] cells = lines[l].split(",", -1);
            if (column < cells.length) {
                String v = r.nextInt(3) == 0 ? NUMBERS[r.nextInt(NUMBERS.length)] : text(r);
                cells[column] = r.nextBoolean() ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
            }
            out.add(String.join(",", cells) + (r.nextInt(15) == 0 ? ",\"unbalanced" : ""));
        }
        if (r.nextInt(10) == 0) {
            out.add(",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,");
        }
        return encode(String.join(r.nextBoolean() ? "\r\n" : "\n", out) + "\r\n");
    }

    // ------------------------------------------------------------------ a JSON tree and its writer

    /** JSON text written as is (numbers out of range, nesting deeper than a parser allows, null). */
    record Raw(String json) {
    }

    private static void collectLeaves(Object node, String path, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectLeaves(v, path.isEmpty() ? (String) k : path + "." + k, out));
        } else if (node instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                collectLeaves(list.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return node;
    }

    /** The container holding the leaf at path, and the leaf's key (String) or index (Integer). */
    private static Object[] locate(Object root, String path) {
        Object node = root;
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            while (bracket >= 0) {
                int end = part.indexOf(']', bracket);
                steps.add(Integer.parseInt(part.substring(bracket + 1, end)));
                bracket = part.indexOf('[', end);
            }
        }
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            node = step instanceof Integer k ? ((List<?>) node).get(k) : ((Map<?, ?>) node).get(step);
            if (node == null || node instanceof Raw) {
                return null;
            }
        }
        return new Object[] {node, steps.get(steps.size() - 1)};
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, String path, Object value) {
        Object[] at = locate(root, path);
        if (at == null) return;
        if (at[1] instanceof Integer k && at[0] instanceof List<?> list) {
            ((List<Object>) list).set(k, value);
        } else if (at[0] instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) at[1], value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Object root, String path) {
        Object[] at = locate(root, path);
        if (at == null) return;
        if (at[1] instanceof Integer k && at[0] instanceof List<?> list) {
            ((List<Object>) list).remove((int) k);
        } else if (at[0] instanceof Map<?, ?> map) {
            map.remove(at[1]);
        }
    }

    @SuppressWarnings("unchecked")
    private static void addExtra(Object root, String path, Random r) {
        Object[] at = locate(root, path);
        Object container = at == null ? root : at[0];
        if (container instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put(r.nextBoolean() ? "sneaky" : text(r), value(r));
        } else if (container instanceof List<?> list) {
            ((List<Object>) list).add(value(r));
        }
    }

    /** JSON text as UTF-8: unpaired surrogates and controls escaped as \\uXXXX (the only way to send them), other text raw or escaped. */
    static byte[] write(Object node, boolean escapeAll) {
        StringBuilder out = new StringBuilder();
        write(node, escapeAll, out);
        return encode(out.toString());
    }

    private static void write(Object node, boolean escapeAll, StringBuilder out) {
        if (node instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) out.append(',');
                first = false;
                writeString((String) e.getKey(), escapeAll, out);
                out.append(':');
                write(e.getValue(), escapeAll, out);
            }
            out.append('}');
        } else if (node instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) out.append(',');
                write(list.get(i), escapeAll, out);
            }
            out.append(']');
        } else if (node instanceof String s) {
            writeString(s, escapeAll, out);
        } else if (node instanceof Raw raw) {
            out.append(raw.json());
        } else {
            out.append(node);
        }
    }

    private static void writeString(String s, boolean escapeAll, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) || (escapeAll && c > 0x7e)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** UTF-8 of text that holds no unpaired surrogate (they are escaped before). */
    private static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        return out.toByteArray();
    }
}
