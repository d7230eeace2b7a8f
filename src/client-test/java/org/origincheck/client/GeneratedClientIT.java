package org.origincheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.build.Jwt;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.origincheck.client.api.DeterminationsApi;
import org.origincheck.client.model.BomSubmission;
import org.origincheck.client.model.Determination;
import org.origincheck.client.model.DeterminationStatus;
import org.origincheck.client.model.Good;
import org.origincheck.client.model.Material;
import org.origincheck.client.model.MaterialKind;
import org.origincheck.client.model.OriginStatus;
import org.origincheck.client.model.OriginCriterion;

/**
 * What an integrator does with the OpenAPI document (issue 16): the Java client openapi-generator made from
 * target/openapi/openapi.json at {@code package} (pom.xml; compiled with this class, not with src/test/java) creates a
 * typed determination on the packaged service and reads it back. The service runs as deployed (fast-jar, prod profile)
 * against an embedded PostgreSQL, verifying tokens signed by a key made here.
 *
 * <p>The BOM is examples/boiler-bom.json built with the generated model; the README and ExamplesTest give its answer,
 * ORIGINATING under criterion B.
 */
class GeneratedClientIT {

    private static final String ISSUER = "https://generated-client.origincheck.test";

    private static EmbeddedPostgres postgres;
    private static Process service;
    private static ApiClient client;

    @BeforeAll
    static void startTheService() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("the fast-jar is built by `package`, before this test").exists();
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Path publicKey = Files.createTempFile("origincheck-client", ".pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String token = Jwt.issuer(ISSUER).audience("origincheck").subject("integrator").groups(Set.of("submitter"))
                .claim("tenant", "client-" + UUID.randomUUID().toString().substring(0, 8)).expiresIn(Duration.ofMinutes(30)).sign(keys.getPrivate());
        postgres = EmbeddedPostgres.builder().start();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target/generated-client-it.log");
        ProcessBuilder builder = new ProcessBuilder("java", "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", "origincheck");
        env.put("QUARKUS_OIDC_WORKSPACE_TENANT_ENABLED", "false"); // an API-only deployment (docs/identity.md)
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        service = builder.start();
        awaitReady(URI.create("http://localhost:" + port + "/q/health/ready"), log);

        client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @AfterAll
    static void stopTheService() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldCreateATypedDeterminationAndReadItBack() throws Exception {
        DeterminationsApi determinations = new DeterminationsApi(client);
        String reference = "PO-4411-" + UUID.randomUUID();

        Determination created = determinations.createDetermination(boiler(reference), UUID.randomUUID().toString());

        assertThat(created.getId()).isNotNull();
        assertThat(created.getReference()).isEqualTo(reference);
        assertThat(created.getStatus()).isEqualTo(DeterminationStatus.ORIGINATING);
        assertThat(created.getOriginCriterion()).isEqualTo(OriginCriterion.B);
        assertThat(created.getReasons()).isNotEmpty();

        Determination read = determinations.getDetermination(created.getId().toString());
        assertThat(read).as("the stored determination, exactly as it was returned").isEqualTo(created);
    }

    @Test
    void shouldRaiseTheProblemOfAnInvalidSubmission() {
        DeterminationsApi determinations = new DeterminationsApi(client);
        BomSubmission invalid = boiler("PO-BAD-" + UUID.randomUUID());
        invalid.getMaterials().get(0).setHsCode("84");

        assertThatThrownBy(() -> determinations.createDetermination(invalid, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("materials[0].hsCode");
                });
    }

    /** examples/boiler-bom.json, typed. */
    private static BomSubmission boiler(String reference) {
        return new BomSubmission().reference(reference).asOf(LocalDate.of(2026, 7, 1))
                .good(new Good().partNumber("BLR-8402-11").description("Watertube steam boiler, 50 t/h").hsCode("8402.11")
                        .producerCountry("MX").currency("USD").transactionValue(new BigDecimal("100000.00")).netCost(new BigDecimal("90000.00")))
                .materials(new java.util.ArrayList<>(List.of(
                        material("DRUM-01", "Boiler drum and tubes (parts of boilers)", "8402.90", OriginStatus.NON_ORIGINATING, "DE", "30000.00")
                                .quantity(new BigDecimal("1")).unit("EA"),
                        material("BURN-02", "Burner assembly", "8416.10", OriginStatus.NON_ORIGINATING, "IT", "8000.00")
                                .quantity(new BigDecimal("1")).unit("EA"),
                        material("PLATE-03", "Steel plate", "7208.51", OriginStatus.ORIGINATING, "US", "22000.00")
                                .quantity(new BigDecimal("12")).unit("T"),
                        material("CRATE-04", "Export crate", "4415.10", OriginStatus.NON_ORIGINATING, null, "900.00")
                                .kind(MaterialKind.SHIPPING_PACKING))));
    }

    private static Material material(String partNumber, String description, String hsCode, OriginStatus origin, String country, String value) {
        return new Material().partNumber(partNumber).description(description).hsCode(hsCode).origin(origin).countryOfOrigin(country)
                .value(new BigDecimal(value));
    }

    private static void awaitReady(URI ready, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new AssertionError("the service exited on start: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service was not ready within 180 s: " + Files.readString(log));
    }
}
