package org.origincheck.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * ci/origincheck-check.sh refused before any request: exit 1 means NOT_ORIGINATING to the build, so a usage
 * error must exit 3, and the CI's test view must still get a readable report saying why.
 * No service is needed: every case stops before curl.
 */
class CiScriptUsageTest {

    @TempDir
    Path work;

    record Run(int exit, String output) {
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        // A strict umask, as on shared CI runners: the script must set the report's mode itself. It runs in the
        // temporary folder, so the default report (no second argument) lands there.
        List<String> command = new ArrayList<>(List.of("bash", "-c", "umask 077 && exec bash \"$0\" \"$@\"",
                Path.of("ci/origincheck-check.sh").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        builder.environment().remove("ORIGINCHECK_URL");
        builder.environment().remove("ORIGINCHECK_TOKEN");
        builder.environment().remove("ORIGINCHECK_GOOD");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-url", "no-token", "no-file", "csv-without-good"})
    void shouldExitThreeAndWriteAReadableReportOnAUsageError(String mistake) throws Exception {
        Path report = work.resolve("report.xml");
        Path json = Files.writeString(work.resolve("bom.json"), "{}");
        Path csv = Files.writeString(work.resolve("bom.csv"), "partNumber,hsCode,origin,value\n");
        Map<String, String> env = new HashMap<>(Map.of("ORIGINCHECK_URL", "http://localhost:9", "ORIGINCHECK_TOKEN", "t"));
        String bom = json.toString();
        String expected;
        switch (mistake) {
            case "no-url" -> { env.remove("ORIGINCHECK_URL"); expected = "set ORIGINCHECK_URL"; }
            case "no-token" -> { env.remove("ORIGINCHECK_TOKEN"); expected = "set ORIGINCHECK_TOKEN"; }
            case "no-file" -> { bom = work.resolve("missing.json").toString(); expected = "cannot read"; }
            default -> { bom = csv.toString(); expected = "set ORIGINCHECK_GOOD"; }
        }
        Run run = run(env, bom, report.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains(expected);
        assertThat(Files.getPosixFilePermissions(report)).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile());
        assertThat(doc.getElementsByTagName("error").item(0).getAttributes().getNamedItem("message").getNodeValue()).contains(expected);
    }

    @Test
    void shouldExitThreeWithoutArguments() throws Exception {
        Run run = run(Map.of("ORIGINCHECK_URL", "http://localhost:9", "ORIGINCHECK_TOKEN", "t"));
        assertThat(run.exit()).as(run.output()).isEqualTo(3);
        assertThat(run.output()).contains("usage:");
        assertThat(Files.getPosixFilePermissions(work.resolve("origincheck-report.xml"))).contains(PosixFilePermission.OTHERS_READ);
    }
}
