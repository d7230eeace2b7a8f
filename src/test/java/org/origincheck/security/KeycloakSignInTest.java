package org.origincheck.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Sign-in against a real Keycloak (KeycloakServer, with deploy/keycloak/origincheck-realm.json): an officer signs in
 * through Keycloak's own login page in Chromium and lands on the workspace's queue; a CI machine gets a token by client
 * credentials and posts a BOM. Roles and the tenant come from the provider's claims, and the API verifies the provider's
 * tokens (issuer, audience, keys from its JWKS) as it would in prod. Skipped only where no JDK 21+ exists for Keycloak.
 */
@QuarkusTest
@TestProfile(KeycloakSignInTest.WithKeycloak.class)
@EnabledIf(value = "org.origincheck.security.KeycloakSignInTest#jdkForKeycloak", disabledReason = "Keycloak needs a JDK 21+ (KEYCLOAK_JAVA_HOME or /usr/lib/jvm)")
class KeycloakSignInTest {

    /** The service configured for the realm of the Keycloak the resource starts (once for this class). */
    public static class WithKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakServer.class));
        }

        /**
         * No inline dev key: smallrye-jwt prefers an inline key to a key location (SRJWT03007), and the dev key source is
         * built before the resource names the provider's JWKS. "NONE" is smallrye-jwt's own "not set" (an empty value is
         * refused by its injection point); known before anything starts, this override wins.
         */
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("mp.jwt.verify.publickey", "NONE");
        }
    }

    static boolean jdkForKeycloak() {
        return KeycloakServer.javaHome().isPresent();
    }

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String BOILER = """
            {"reference":"%s","asOf":"2026-07-01","good":{"partNumber":"BLR-KC","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX",
             "currency":"USD","transactionValue":100},
             "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":60},
                          {"partNumber":"PLATE","description":"Plate","hsCode":"7208.51","origin":"ORIGINATING","value":20}]}""";

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;

    @BeforeEach
    void noTestToken() {
        TestTokens.anonymous();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static String keycloak() {
        return System.getProperty(KeycloakServer.URL);
    }

    private static String ciMachineToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "origincheck-ci")
                .formParam("client_secret", System.getProperty(KeycloakServer.CI_SECRET))
                .post(keycloak() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    @Test
    void shouldLetTheCiMachineClientPostABomWithItsClientCredentialsToken() throws Exception {
        String token = ciMachineToken();

        String id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(BOILER.formatted("KC-CI-" + UUID.randomUUID())).post("/api/v1/determinations")
                .then().statusCode(201).header("Location", startsWith(base + "api/v1/determinations/")).extract().path("id");

        // Its tenant and role came from the provider: it reads what it submitted, and may not review (submitter only).
        given().header("Authorization", "Bearer " + token).get("/api/v1/determinations/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body("{\"action\":\"APPROVE\",\"justification\":\"x\"}")
                .post("/api/v1/determinations/" + id + "/review-actions").then().statusCode(403);
        // The same claims signed by anyone but the provider are refused.
        given().header("Authorization", "Bearer " + forged(KeycloakServer.CI_TENANT, Roles.SUBMITTER))
                .get("/api/v1/determinations/" + id).then().statusCode(401);
    }

    @Test
    void shouldSendAnAnonymousBrowserFromTheSignInPageToKeycloakWithPkce() {
        // What the browser does first. It was the API's 401 problem document, so the browser never reached Keycloak.
        given().redirects().follow(false).accept("text/html").get("/workspace/sign-in")
                .then().statusCode(302)
                .header("Location", startsWith(keycloak() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/auth?"))
                .header("Location", org.hamcrest.Matchers.containsString("code_challenge_method=S256"))
                .header("Location", org.hamcrest.Matchers.containsString("client_id=origincheck-workspace"));
    }

    @Test
    void shouldSignAnOfficerInThroughKeycloaksLoginPageIntoTheQueue() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        String reference = "KC-QUEUE-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + ciMachineToken()).contentType(ContentType.JSON).body(BOILER.formatted(reference))
                .post("/api/v1/determinations").then().statusCode(201);
        String password = UUID.randomUUID().toString();
        createOfficer("officer-1", password, KeycloakServer.CI_TENANT, Roles.REVIEWER, Roles.AUDITOR);

        driver = chromium();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(base + "workspace/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("provider-signin-link"))).click();
        // Keycloak's own login page, on Keycloak's port.
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // What the browser shows instead, for whoever reads the failure.
            Files.writeString(Path.of("target/keycloak-login-page.html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
            Files.write(Path.of("target/keycloak-login-page.png"), ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            throw e;
        }
        assertThat(driver.getCurrentUrl()).startsWith(keycloak() + "/realms/origincheck/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256").contains("client_id=origincheck-workspace");
        driver.findElement(By.id("username")).sendKeys("officer-1");
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
        assertThat(driver.getCurrentUrl()).isEqualTo(base + "workspace/index.html");
        assertThat(driver.findElement(By.id("who")).getText()).contains("officer-1").contains(KeycloakServer.CI_TENANT).contains("reviewer");
        driver.findElement(By.id("f-q")).sendKeys(reference);
        driver.findElement(By.id("f-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#rows tr.link")).size() == 1);
        assertThat(driver.findElement(By.cssSelector("#rows tr.link")).getText()).contains("BLR-KC").contains("Pending review");
    }

    private static String forged(String tenant, String... roles) throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return io.smallrye.jwt.build.Jwt.issuer(keycloak() + "/realms/" + KeycloakServer.REALM).audience("origincheck").subject("intruder")
                .groups(java.util.Set.of(roles)).claim("tenant", tenant).expiresIn(Duration.ofMinutes(5)).sign(generator.generateKeyPair().getPrivate());
    }

    /** As an administrator would: a user with the tenant attribute and realm roles, through Keycloak's admin API. */
    private static void createOfficer(String username, String password, String tenant, String... roles) {
        String admin = given().formParam("grant_type", "password").formParam("client_id", "admin-cli").formParam("username", "admin")
                .formParam("password", System.getProperty(KeycloakServer.ADMIN_PASSWORD))
                .post(keycloak() + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
        String users = keycloak() + "/admin/realms/" + KeycloakServer.REALM + "/users";
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("username", username, "enabled", true, "email", username + "@example.com",
                        "emailVerified", true, "firstName", "Olivia", "lastName", "Officer", "attributes", Map.of("tenant", List.of(tenant)),
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post(users).then().statusCode(201);
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true).get(users)
                .then().statusCode(200).extract().path("[0].id");
        List<Map<String, Object>> roleRepresentations = java.util.Arrays.stream(roles)
                .map(role -> given().auth().oauth2(admin).get(keycloak() + "/admin/realms/" + KeycloakServer.REALM + "/roles/" + role)
                        .then().statusCode(200).extract().<Map<String, Object>>path("$"))
                .toList();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(roleRepresentations).post(users + "/" + id + "/role-mappings/realm")
                .then().statusCode(204);
    }

    private static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium tries to reach Google, which this machine refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
