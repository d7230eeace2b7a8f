package org.origincheck.determination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stored determination in the forms CI systems and terminals read: a JUnit XML report (one test case per
 * test applied, so a build shows failures in its own test view) and plain text. Both are derived from the
 * stored JSON, which stays the evidence.
 */
@ApplicationScoped
public class DeterminationReports {

    public static final String JUNIT_XML = "application/xml";

    private final ObjectMapper mapper;

    public DeterminationReports(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * testsuite = the determination; testcase = each reason except INFO ones: FAIL is a failure,
     * INSUFFICIENT_DATA an error (the build cannot tell), NOT_APPLICABLE skipped, PASS passed. When the good
     * is originating, a test that failed did not decide the outcome (one alternative of a rule failed while
     * another was met, or criterion C while B was met), so it is shown as passed with its message: a CI view
     * must not turn red for an originating good.
     */
    public String junitXml(String json) {
        JsonNode d = read(json);
        boolean originating = "ORIGINATING".equals(d.path("status").asText());
        StringBuilder cases = new StringBuilder();
        int tests = 0, failures = 0, errors = 0, skipped = 0;
        String suite = "origincheck." + text(d.path("reference"), "determination");
        for (JsonNode reason : d.path("reasons")) {
            String outcome = reason.path("outcome").asText();
            if (outcome.equals("INFO")) {
                continue;
            }
            if (originating && outcome.equals("FAIL")) {
                outcome = "PASS";
            }
            tests++;
            String name = reason.path("code").asText() + (reason.hasNonNull("alternative") ? " (alternative " + reason.get("alternative").asText() + ")" : "");
            cases.append("    <testcase classname=\"").append(escape(suite)).append("\" name=\"").append(escape(name)).append("\">\n");
            String message = reason.path("message").asText() + " [" + reason.path("citation").asText() + "]";
            switch (outcome) {
                case "FAIL" -> {
                    failures++;
                    cases.append("      <failure type=\"FAIL\" message=\"").append(escape(message)).append("\">").append(escape(message)).append("</failure>\n");
                }
                case "INSUFFICIENT_DATA" -> {
                    errors++;
                    cases.append("      <error type=\"INSUFFICIENT_DATA\" message=\"").append(escape(message)).append("\">").append(escape(message)).append("</error>\n");
                }
                case "NOT_APPLICABLE" -> {
                    skipped++;
                    cases.append("      <skipped message=\"").append(escape(message)).append("\"/>\n");
                }
                default -> cases.append("      <system-out>").append(escape(message)).append("</system-out>\n");
            }
            cases.append("    </testcase>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuites name=\"OriginCheck\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors + "\">\n"
                + "  <testsuite name=\"" + escape(suite) + "\" tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"" + errors
                + "\" skipped=\"" + skipped + "\" timestamp=\"" + escape(text(d.path("createdAt"), "")) + "\">\n"
                + "    <properties>\n"
                + property("determination.id", text(d.path("id"), ""))
                + property("status", d.path("status").asText())
                + property("originCriterion", text(d.path("originCriterion"), ""))
                + property("rulePack", d.path("rulePack").path("id").asText() + " " + d.path("rulePack").path("version").asText()
                        + " sha256:" + d.path("rulePack").path("sha256").asText())
                + "    </properties>\n"
                + cases
                + "  </testsuite>\n</testsuites>\n";
    }

    /** A summary a person reads in a build log: the outcome, then every reason that is not INFO, then what is missing. */
    public String text(String json) {
        JsonNode d = read(json);
        boolean originating = "ORIGINATING".equals(d.path("status").asText());
        StringBuilder out = new StringBuilder();
        out.append("OriginCheck determination ").append(text(d.path("id"), "(not stored)")).append('\n');
        out.append("status: ").append(d.path("status").asText());
        if (d.hasNonNull("originCriterion")) {
            out.append(" (criterion ").append(d.get("originCriterion").asText()).append(')');
        }
        out.append('\n');
        if (d.path("productRule").hasNonNull("id")) {
            out.append("rule: ").append(d.path("productRule").path("id").asText()).append(" — ").append(d.path("productRule").path("citation").asText()).append('\n');
        }
        for (JsonNode reason : d.path("reasons")) {
            String outcome = reason.path("outcome").asText();
            if (outcome.equals("INFO")) {
                continue;
            }
            // A test that failed without deciding the outcome of an originating good is not a failure of the build.
            String shown = originating && outcome.equals("FAIL") ? "NOT MET" : outcome;
            out.append(String.format("%-17s %-34s %s%n", shown, reason.path("code").asText()
                    + (reason.hasNonNull("alternative") ? " (" + reason.get("alternative").asText() + ")" : ""), reason.path("message").asText()));
        }
        for (JsonNode missing : d.path("missingData")) {
            out.append("missing: ").append(missing.path("field").asText()).append(" — ").append(missing.path("message").asText()).append('\n');
        }
        return out.toString();
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored determination is not JSON", e);
        }
    }

    private static String property(String name, String value) {
        return "      <property name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"/>\n";
    }

    private static String text(JsonNode node, String fallback) {
        return node == null || node.isNull() || node.isMissingNode() ? fallback : node.asText();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
