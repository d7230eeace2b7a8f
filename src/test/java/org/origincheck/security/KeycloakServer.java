package org.origincheck.security;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real Keycloak for the sign-in tests: the distribution from the Maven registry (unpacked into target/keycloak by the
 * build), started in dev-file mode on a free port with deploy/keycloak/origincheck-realm.json imported, once per test
 * class that uses it. Keycloak needs a JDK 21 or newer: KEYCLOAK_JAVA_HOME, this JVM if it is one, or the first such JDK
 * under /usr/lib/jvm. docs/identity.md runs the same command by hand.
 *
 * <p>The test reads the addresses and secrets from system properties (the test and this resource may live in different
 * class loaders). The service under test gets the provider's settings as the prod profile would have them.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "origincheck";
    /** The tenant of the CI machine client's service account (ORIGINCHECK_CI_TENANT in the realm file). */
    public static final String CI_TENANT = TestTokens.TENANT;
    static final String URL = "origincheck.test.keycloak.url";
    static final String ADMIN_PASSWORD = "origincheck.test.keycloak.admin-password";
    static final String CI_SECRET = "origincheck.test.keycloak.ci-secret";
    private static final String JWKS_LOCATION = "mp.jwt.verify.publickey.location";
    // About 25 s on an idle 2-core machine; over 5 minutes was seen with eight builds sharing the 2 cores (the first
    // start also augments the distribution, 140 s there; later starts reuse it).
    private static final Duration STARTUP = Duration.ofMinutes(10);

    private Process process;

    @Override
    public Map<String, String> start() {
        Path home = Path.of(System.getProperty("origincheck.keycloak.home", "target/keycloak/keycloak-26.5.6")).toAbsolutePath();
        Path javaHome = javaHome().orElseThrow(() -> new IllegalStateException(
                "Keycloak needs a JDK 21 or newer: set KEYCLOAK_JAVA_HOME, or install one under /usr/lib/jvm"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + "/bin/kc.sh is missing: the build unpacks org.keycloak:keycloak-quarkus-dist there (mvn generate-test-resources)");
        }
        try {
            // A fresh dev-file database each time: the realm is imported only into a database that does not have it.
            Path data = home.resolve("data");
            deleteRecursively(data);
            Files.createDirectories(data.resolve("import"));
            Files.copy(Path.of("deploy/keycloak/origincheck-realm.json"), data.resolve("import/origincheck-realm.json"));
            int port = freePort();
            int managementPort = freePort();
            int appPort = ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
            String adminPassword = secret();
            String ciSecret = secret();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
                    "--http-management-port=" + managementPort, "--import-realm")
                    .redirectErrorStream(true).redirectOutput(Path.of("target/keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
            // On Java 24+ Keycloak 26.5's worker threads die after a task without this ("to use the thread-local-reset
            // capability on Java 24 or later, use this JVM option"), and a request can be lost with them.
            env.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
            env.put("ORIGINCHECK_WORKSPACE_URL", "http://localhost:" + appPort);
            env.put("ORIGINCHECK_CI_CLIENT_SECRET", ciSecret);
            env.put("ORIGINCHECK_CI_TENANT", CI_TENANT);
            process = builder.start();
            String url = "http://localhost:" + port;
            String issuer = url + "/realms/" + REALM;
            awaitReady(issuer + "/.well-known/openid-configuration");
            System.setProperty(URL, url);
            System.setProperty(ADMIN_PASSWORD, adminPassword);
            System.setProperty(CI_SECRET, ciSecret);
            // Also as system properties: DevSigningKeyConfigSourceFactory decides from the sources it can see (system
            // properties among them, not this resource's map) whether to add the dev key, and smallrye-jwt prefers an
            // inline key to a key location (SRJWT03007), so the provider's tokens were 401 without this.
            System.setProperty(JWKS_LOCATION, issuer + "/protocol/openid-connect/certs");
            return Map.of(
                    "quarkus.oidc.workspace.tenant-enabled", "true",
                    "quarkus.oidc.workspace.auth-server-url", issuer,
                    "quarkus.oidc.workspace.client-id", "origincheck-workspace",
                    "quarkus.oidc.workspace.authentication.state-secret", secret(),
                    "quarkus.oidc.workspace.token-state-manager.encryption-secret", secret(),
                    JWKS_LOCATION, issuer + "/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer", issuer,
                    "mp.jwt.verify.audiences", "origincheck");
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    children.forEach(ProcessHandle::destroyForcibly);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        System.clearProperty(JWKS_LOCATION);
    }

    private void awaitReady(String discovery) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting (exit " + process.exitValue() + "): see target/keycloak.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " within " + STARTUP + ": see target/keycloak.log");
    }

    /** KEYCLOAK_JAVA_HOME, else this JVM if it is 21+, else the newest JDK 21+ under /usr/lib/jvm. */
    static Optional<Path> javaHome() {
        String configured = System.getenv("KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && feature(jdk) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::feature));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The JDK's feature version from its {@code release} file (JAVA_VERSION="25.0.1"), 0 if unreadable. */
    private static int feature(Path jdk) {
        Properties release = new Properties();
        try (var in = Files.newInputStream(jdk.resolve("release"))) {
            release.load(in);
            String version = release.getProperty("JAVA_VERSION", "").replace("\"", "");
            return Integer.parseInt(version.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
