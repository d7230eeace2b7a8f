package org.origincheck.workspace;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.origincheck.security.Roles;
import org.origincheck.security.TestTokens;

/**
 * The workspace in a real headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * walk the queue, open a determination, override it with a justification, see it in the timeline, issue a
 * certification and download its PDF. Screenshots go to target/screenshots (the ones in docs/ come from here).
 */
@QuarkusTest
class WorkspaceBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;
    private Path downloads;

    @BeforeEach
    void startBrowser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        downloads = Files.createTempDirectory("downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking flags Chromium tries to reach Google, which this machine refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chromium"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        TestTokens.anonymous();
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    private void screenshot(String name) throws Exception {
        Path dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void shouldReviewOverrideAndCertifyFromTheWorkspace() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.REVIEWER, Roles.AUDITOR, Roles.SUBMITTER);
        String reference = "BROWSER-" + UUID.randomUUID();
        String body = """
                {"reference":"%s","asOf":"2026-07-01","good":{"partNumber":"BLR-9","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX",
                 "currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":60},
                              {"partNumber":"PLATE","description":"Plate","hsCode":"7208.51","origin":"ORIGINATING","value":20}]}""".formatted(reference);
        // Submitted by someone else: the officer who reviews may not be the submitter (four eyes).
        String id = given().header("Authorization", "Bearer " + TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER)).contentType("application/json").body(body)
                .post("/api/v1/determinations").then().statusCode(201).extract().path("id");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));

        driver.get(base + "workspace/index.html");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.setItem('oc-token', arguments[0]);", token);
        driver.get(base + "workspace/index.html");
        driver.findElement(By.id("f-q")).sendKeys("BROWSER-");
        driver.findElement(By.id("f-apply")).click();
        By row = By.cssSelector("tr.link[data-id='" + id + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(driver.findElement(row).getText()).contains("NOT_ORIGINATING").contains("PENDING_REVIEW");
        screenshot("workspace-queue");

        driver.findElement(row).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-rows")));
        assertThat(driver.findElement(By.id("bom")).getText()).contains("DRUM").contains("fails (alternative A)");
        assertThat(driver.findElement(By.id("reasons")).getText()).contains("TARIFF_SHIFT").contains("General Note 11(o)");
        new Select(driver.findElement(By.id("action"))).selectByValue("OVERRIDE");
        new Select(driver.findElement(By.id("override-status"))).selectByVisibleText("ORIGINATING");
        new Select(driver.findElement(By.id("override-criterion"))).selectByVisibleText("B");
        driver.findElement(By.id("justification")).sendKeys("The drum is originating: supplier certification 2026-118 on file");
        driver.findElement(By.id("act")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-rows"), "OVERRIDE"));
        assertThat(driver.findElement(By.id("timeline-rows")).getText()).contains("supplier certification 2026-118").contains("test-reviewer");
        assertThat(driver.findElement(By.id("review-state")).getText()).contains("OVERRIDDEN").contains("ORIGINATING");

        // What-if: make the drum originating and see the outcome at once, nothing stored.
        new Select(driver.findElement(By.cssSelector("select.origin[data-index='0']"))).selectByVisibleText("ORIGINATING");
        driver.findElement(By.id("whatif")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatif-result"), "ORIGINATING"));
        screenshot("workspace-determination");

        driver.findElement(By.id("c-name")).sendKeys("Calderas del Norte SA de CV");
        driver.findElement(By.id("c-address")).sendKeys("Av. Industrial 100, Monterrey, MX");
        driver.findElement(By.id("c-email")).sendKeys("origin@calderas.example");
        driver.findElement(By.id("c-signatory")).sendKeys("Ana Torres");
        driver.findElement(By.id("certify")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cert-pdf"))).click();
        wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.toString().endsWith(".pdf"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Path pdf;
        try (var files = Files.list(downloads)) {
            pdf = files.filter(f -> f.toString().endsWith(".pdf")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pdf);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        screenshot("workspace-certified");
    }

    @Test
    void shouldFollowAReDeterminationsProgressAndListWhatChanges() throws Exception {
        // A tenant of its own, so that the job holds only this determination: a heavy-truck gear box that originates
        // on 2027-06-30 and no longer on 2027-07-01 (the s.15(4) threshold rises), as in RedeterminationTest.
        String tenant = "browser-redetermination-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.SUBMITTER)).contentType("application/json").body("""
                {"asOf":"2027-06-30","good":{"partNumber":"GB-BROWSER","hsCode":"8708.40","endUse":"HEAVY_TRUCK_OE","producerCountry":"MX","currency":"USD","netCost":1000},
                 "materials":[{"partNumber":"CASE","hsCode":"8708.99","origin":"NON_ORIGINATING","value":310}]}""")
                .post("/api/v1/determinations").then().statusCode(201);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "workspace/index.html");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.setItem('oc-token', arguments[0]);", TestTokens.token(tenant, Roles.REVIEWER));
        driver.get(base + "workspace/redetermination.html");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('as-of').value = '2027-07-01';");
        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "DONE"));
        assertThat(driver.findElement(By.id("progress-text")).getText()).contains("1 of 1 (100%)").contains("1 changed").contains("0 failed");
        assertThat(driver.findElement(By.id("progress")).getAttribute("value")).isEqualTo("1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changes"), "GB-BROWSER"));
        assertThat(driver.findElement(By.id("changes")).getText()).contains("ORIGINATING").contains("NOT_ORIGINATING");
        assertThat(driver.getCurrentUrl()).contains("redetermination.html?id=");
        screenshot("workspace-redetermination");
    }
}
