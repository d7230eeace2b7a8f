package org.origincheck.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks must measure what is deployed (issue 19: resident memory under load against the pod's 512 MB): the JVM
 * options of deploy/Dockerfile (the cache-making run and the service), deploy/README.md, the training run of
 * deploy/startup-archive.sh and the default in bench/defaults.sh are one list. The options a place adds for its own purpose
 * (the ahead-of-time cache, the log manager) are named here and allowed beside it. Every bench script that starts the
 * service takes its defaults from bench/defaults.sh and sets none of its own, so that no copy can drift.
 */
class DeployedJvmOptionsTest {

    private static final Pattern SCRIPT_DEFAULT = Pattern.compile("JAVA_OPTS=\\$\\{JAVA_OPTS:-\"([^\"]+)\"}");
    private static final List<String> DEFAULTS = List.of("bench/defaults.sh", "deploy/startup-archive.sh");
    private static final List<String> BENCH_SCRIPTS = List.of("bench/http.sh", "bench/startup.sh", "bench/memory.sh",
            "bench/startup-timeline.sh", "bench/profile.sh", "bench/startup-threads.sh");
    private static final Pattern SOURCES_DEFAULTS = Pattern.compile("(?m)^\\. bench/defaults\\.sh\\b");
    // JAVA is not among them: startup.sh and profile.sh keep `java` on the PATH as their default, set before sourcing.
    private static final Pattern OWN_DEFAULT = Pattern.compile("(?m)^(JAVA_OPTS|PORT|DB|APP)=");

    @Test
    void shouldRunTheBenchmarksWithTheOptionsOfTheImage() throws IOException {
        String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
        Matcher env = Pattern.compile("JAVA_OPTS=\"([^\"]+)\"").matcher(dockerfile);
        assertThat(env.find()).as("deploy/Dockerfile sets JAVA_OPTS").isTrue();
        List<String> deployed = options(env.group(1)).stream()
                .filter(option -> !option.startsWith("-XX:AOTCache=") && !option.startsWith("-Djava.util.logging.manager="))
                .toList();
        assertThat(deployed).as("deploy/Dockerfile's JAVA_OPTS").contains("-XX:+UseSerialGC").anyMatch(o -> o.startsWith("-Xmx"));

        Matcher training = Pattern.compile("RUN java ((?:[^\\n]|\\\\\\n)+?) -XX:AOTCacheOutput").matcher(dockerfile);
        assertThat(training.find()).as("deploy/Dockerfile makes its cache with a java run").isTrue();
        assertThat(options(training.group(1).replace("\\\n", " "))).as("the JVM options of the image's cache-making run")
                .isEqualTo(deployed);

        for (String script : DEFAULTS) {
            Matcher matcher = SCRIPT_DEFAULT.matcher(Files.readString(Path.of(script)));
            assertThat(matcher.find()).as("%s has a default JAVA_OPTS", script).isTrue();
            assertThat(options(matcher.group(1))).as("the default JAVA_OPTS of %s", script).isEqualTo(deployed);
        }

        for (String script : BENCH_SCRIPTS) {
            String text = Files.readString(Path.of(script));
            assertThat(SOURCES_DEFAULTS.matcher(text).find()).as("%s sources bench/defaults.sh", script).isTrue();
            Matcher own = OWN_DEFAULT.matcher(text);
            assertThat(own.find() ? own.group() : null).as("%s sets no default of its own for what bench/defaults.sh sets", script)
                    .isNull();
        }

        String readme = Files.readString(Path.of("deploy/README.md"));
        Matcher memory = Pattern.compile("Memory: run the JVM with a fixed heap[^:]*: `([^`]+)`").matcher(readme.replaceAll("\\s*\\n\\s*", " "));
        assertThat(memory.find()).as("deploy/README.md names the JVM options").isTrue();
        assertThat(options(memory.group(1))).as("deploy/README.md's JVM options").isEqualTo(deployed);
    }

    private static List<String> options(String line) {
        return Arrays.stream(line.trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }
}
