package org.origincheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The CI recipe end to end: ci/origincheck-check.sh, run as a supplier's build would run it, against the
 * running application. Its exit status must fail the build unless the good originates, its JUnit report
 * must be readable XML, and a retried job must not store a second determination.
 */
@QuarkusTest
class CiRecipeTest {

    @TestHTTPResource("/")
    URL service;

    @TempDir
    Path work;

    record Run(int exit, String output) {
    }

    private Run run(Path bom, Path report, Map<String, String> extraEnv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "ci/origincheck-check.sh", bom.toString(), report.toString()).redirectErrorStream(true);
        builder.environment().put("ORIGINCHECK_URL", service.toString());
        builder.environment().put("ORIGINCHECK_TOKEN", TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER, Roles.REVIEWER));
        builder.environment().putAll(extraEnv);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Document xml(Path report) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
    }

    @Test
    void shouldPassTheBuildForAnOriginatingGoodAndWriteItsReport() throws Exception {
        Path report = work.resolve("report.xml");
        Run run = run(Path.of("examples/boiler-bom.json"), report, Map.of());
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("status: ORIGINATING (criterion B)").contains("JUnit report:");
        Document doc = xml(report);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isGreaterThan(3);
        assertThat(doc.getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void shouldFailTheBuildWithTheReasonsWhenTheGoodDoesNotOriginate() throws Exception {
        String failing = Files.readString(Path.of("examples/boiler-bom.json")).replace("\"value\": 30000.00", "\"value\": 60000.00")
                .replace("PO-4411", "PO-4411-CI-" + System.nanoTime());
        Path bom = work.resolve("failing.json");
        Files.writeString(bom, failing);
        Path report = work.resolve("failing.xml");
        Run run = run(bom, report, Map.of());
        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("status: NOT_ORIGINATING").contains("FAIL");
        assertThat(xml(report).getElementsByTagName("failure").getLength()).isPositive();

        Run retry = run(bom, work.resolve("retry.xml"), Map.of());
        assertThat(retry.exit()).isEqualTo(1);
        assertThat(determinationOf(retry.output())).as("a retried job gets the same determination").isEqualTo(determinationOf(run.output()));
    }

    @Test
    void shouldReportInsufficientDataWithItsOwnExitStatus() throws Exception {
        Path bom = work.resolve("no-materials.json");
        Files.writeString(bom, """
                {"reference":"CI-EMPTY-%d","asOf":"2026-07-01","good":{"hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},"materials":[]}"""
                .formatted(System.nanoTime()));
        Run run = run(bom, work.resolve("empty.xml"), Map.of());
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("missing: materials");
    }

    @Test
    void shouldSubmitACsvBillOfMaterials() throws Exception {
        Path bom = work.resolve("boiler.csv");
        Files.writeString(bom, "partNumber,hsCode,origin,value\nDRUM-01,8402.90,NON_ORIGINATING,30000\nPLATE-03,7208.51,ORIGINATING,22000\n");
        Run run = run(bom, work.resolve("csv.xml"), Map.of("ORIGINCHECK_GOOD",
                "asOf=2026-07-01&reference=CI-CSV-" + System.nanoTime() + "&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100000"));
        assertThat(run.exit()).as(run.output()).isZero();
    }

    @Test
    void shouldStopTheBuildWhenTheRequestIsRefused() throws Exception {
        Path bom = work.resolve("bad.json");
        Files.writeString(bom, "{\"good\":{\"hsCode\":\"84AB.11\"}}");
        Run run = run(bom, work.resolve("bad.xml"), Map.of());
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.output()).contains("HTTP 400").contains("good.hsCode");
        Run unauthorised = run(Path.of("examples/boiler-bom.json"), work.resolve("unauth.xml"), Map.of("ORIGINCHECK_TOKEN", "expired-or-wrong"));
        assertThat(unauthorised.exit()).isEqualTo(3);
        assertThat(unauthorised.output()).contains("HTTP 401");
    }

    private static String determinationOf(String output) {
        return output.lines().filter(l -> l.startsWith("determination: ")).findFirst().orElseThrow();
    }
}
