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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * the queue sorted, exported and at a laptop split-screen width; a determination that leads with its answer (at
 * 1280x800), overridden with a justification, a what-if that adds, edits and removes materials, a certification issued,
 * refused as a duplicate and revoked, the PDFs; a CSV submission's BOM and what-if; a vehicle's automotive panel as an
 * auditor sees it; an unknown id. Screenshots go to target/screenshots (the ones in docs/ come from here).
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
        // The console, to see Content-Security-Policy violations.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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

    private String submit(String token, String contentType, String body, String query) {
        return given().header("Authorization", "Bearer " + token).contentType(contentType).body(body)
                .post("/api/v1/determinations" + query).then().statusCode(201).extract().path("id");
    }

    private void signIn(String token) {
        driver.get(base + "workspace/index.html");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.setItem('oc-token', arguments[0]);", token);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private Path waitForDownload(String suffix) throws Exception {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.getFileName().toString().endsWith(suffix));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    private static final String BOILER = """
            {"reference":"%s","asOf":"2026-07-01","good":{"partNumber":"BLR-9","description":"Watertube boiler","hsCode":"8402.11","producerCountry":"MX",
             "currency":"USD","transactionValue":100},
             "materials":[{"partNumber":"DRUM","description":"Drum","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"DE","value":60},
                          {"partNumber":"PLATE","description":"Plate","hsCode":"7208.51","origin":"ORIGINATING","value":20}]}""";

    /** Swagger UI and the workspace work under their Content-Security-Policy headers (issue 14): no violation in the console. */
    @Test
    void shouldLoadSwaggerUiAndTheWorkspaceUnderTheirContentSecurityPolicies() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(base + "q/swagger-ui/");
        wait.until(d -> d.findElements(By.cssSelector(".swagger-ui .info .title")).stream().anyMatch(e -> e.getText().contains("OriginCheck API")));
        wait.until(d -> !d.findElements(By.cssSelector(".opblock")).isEmpty());
        signIn(TestTokens.token(TestTokens.TENANT, Roles.REVIEWER, Roles.AUDITOR));
        driver.get(base + "workspace/index.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-q")));
        var violations = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).filter(m -> m.contains("Content Security Policy")).toList();
        assertThat(violations).isEmpty();
    }

    @Test
    void shouldSortAndExportTheQueueAndFitALaptopSplitScreen() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.REVIEWER, Roles.AUDITOR, Roles.SUBMITTER);
        String prefix = "BROWSER-Q-" + UUID.randomUUID().toString().substring(0, 8);
        String submitter = TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER);
        String second = submit(submitter, "application/json", BOILER.formatted(prefix + "-B").replace("BLR-9", "BLR-Z"), "");
        String first = submit(submitter, "application/json", BOILER.formatted(prefix + "-A").replace("BLR-9", "BLR-A"), "");
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        signIn(token);
        driver.get(base + "workspace/index.html");
        driver.findElement(By.id("f-q")).sendKeys(prefix);
        driver.findElement(By.id("f-apply")).click();
        By rows = By.cssSelector("#rows tr.link");
        wait.until(d -> d.findElements(rows).size() == 2);
        // Last activity first by default: the one submitted last is on top.
        assertThat(driver.findElements(rows).get(0).getAttribute("data-id")).isEqualTo(first);
        driver.findElement(By.cssSelector("th[data-sort='partNumber']")).click();
        wait.until(d -> "ascending".equals(d.findElement(By.cssSelector("th[data-sort='partNumber']")).getAttribute("aria-sort")));
        wait.until(d -> d.findElements(rows).size() == 2 && d.findElements(rows).get(0).getText().contains("BLR-A"));
        driver.findElement(By.cssSelector("th[data-sort='partNumber']")).click();
        wait.until(d -> d.findElements(rows).size() == 2 && d.findElements(rows).get(0).getText().contains("BLR-Z"));
        assertThat(driver.findElements(rows).get(0).getAttribute("data-id")).isEqualTo(second);
        assertThat(driver.findElements(rows).get(0).getText()).contains("Not originating").contains("Pending review").contains("8402.11");
        screenshot("workspace-queue");

        driver.findElement(By.id("export-csv")).click();
        String csv = Files.readString(waitForDownload("review-queue.csv"));
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv.indexOf("BLR-Z")).as("exported in the order shown").isLessThan(csv.indexOf("BLR-A"));

        driver.manage().window().setSize(new Dimension(820, 900));
        driver.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-apply")));
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling at 820 px").isTrue();
        screenshot("workspace-queue-820px");
        driver.get(base + "workspace/determination.html?id=" + first);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-rows")));
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling at 820 px").isTrue();
    }

    @Test
    void shouldLeadWithTheAnswerThenReviewOverrideWhatIfCertifyRevokeAndPrint() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.REVIEWER, Roles.AUDITOR, Roles.SUBMITTER);
        // Submitted by someone else: the officer who reviews may not be the submitter (four eyes).
        String id = submit(TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER), "application/json", BOILER.formatted("BROWSER-" + UUID.randomUUID()), "");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.manage().window().setSize(new Dimension(1280, 800));
        signIn(token);
        driver.get(base + "workspace/determination.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-rows")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict-review"), "pending because"));

        // The top of the page, without scrolling: the answer, the rule, the nearest miss with its figures, why it is pending.
        assertThat(driver.findElement(By.id("verdict-status")).getText()).isEqualTo("Not originating");
        assertThat(driver.findElement(By.id("verdict-rule")).getText()).contains("8402.11").contains("General Note 11(o)");
        assertThat(driver.findElement(By.id("verdict-path")).getText()).contains("Nearest miss: alternative B")
                .contains("RVC 40.0% (transaction value) against 60%: 20.0 points short");
        assertThat(driver.findElement(By.id("verdict-review")).getText()).contains("Pending review").contains("NOT_ORIGINATING: every such result is reviewed");
        assertThat((Double) ((Number) js("return document.getElementById('verdict-review').getBoundingClientRect().bottom;")).doubleValue())
                .as("the answer and why it is pending are above the fold at 1280x800").isLessThan(800);
        assertThat((Boolean) js("return document.getElementById('act').getBoundingClientRect().bottom <= window.innerHeight;")).as("the review action too").isTrue();
        // The deciding path: alternative B's tests; the criteria and alternative not taken collapsed, and not red.
        assertThat(driver.findElement(By.id("reasons")).getText()).contains("RVC, transaction value (B)").contains("General Note 11(o)");
        assertThat(driver.findElement(By.id("not-taken")).getAttribute("open")).isNull();
        assertThat(driver.findElements(By.cssSelector("#not-taken .badge.FAIL"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#not-taken .badge.neutral"))).isNotEmpty();
        // HS codes as printed in the tariff, never wrapped; the RVC bar labelled with value and threshold.
        assertThat(driver.findElements(By.cssSelector("#bom .hs-input")).get(0).getAttribute("value")).isEqualTo("8402.90");
        assertThat(js("return getComputedStyle(document.querySelector('#verdict-rule .hs')).whiteSpace;")).isEqualTo("nowrap");
        assertThat(driver.findElement(By.cssSelector("#rvc svg")).getText()).contains("40.0%").contains("threshold 60%");
        screenshot("workspace-determination");

        new Select(driver.findElement(By.id("action"))).selectByValue("OVERRIDE");
        new Select(driver.findElement(By.id("override-status"))).selectByValue("ORIGINATING");
        new Select(driver.findElement(By.id("override-criterion"))).selectByVisibleText("B");
        driver.findElement(By.id("justification")).sendKeys("The drum is originating: supplier certification 2026-118 on file");
        driver.findElement(By.id("act")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-rows"), "Override"));
        assertThat(driver.findElement(By.id("timeline-rows")).getText()).contains("supplier certification 2026-118").contains("test-reviewer");
        assertThat(driver.findElement(By.id("review-state")).getText()).contains("Overridden").contains("Originating");

        // What-if: the drum made originating, the plate's value and HS code edited, a material added and one removed.
        driver.manage().window().setSize(new Dimension(1280, 1400));
        new Select(driver.findElement(By.cssSelector("select.origin[data-index='0']"))).selectByValue("ORIGINATING");
        WebElement value = driver.findElement(By.cssSelector("input.value[data-index='1']"));
        value.clear();
        value.sendKeys("25\t");
        driver.findElement(By.id("add-material")).click();
        WebElement added = driver.findElement(By.cssSelector("input.value[data-index='2']"));
        added.clear();
        added.sendKeys("5\t");
        WebElement addedHs = driver.findElement(By.cssSelector("input.hs-input[data-index='2']"));
        addedHs.clear();
        addedHs.sendKeys("7208.51\t");
        driver.findElement(By.id("add-material")).click();
        driver.findElement(By.cssSelector("button.remove[data-index='3']")).click();
        assertThat(driver.findElements(By.cssSelector("#bom-table tbody tr"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("#bom .edited"))).hasSizeGreaterThanOrEqualTo(2);
        driver.findElement(By.id("whatif")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatif-result"), "Originating"));
        String compare = driver.findElement(By.id("compare-table")).getText();
        assertThat(compare).contains("Not originating").contains("Originating");
        assertThat(driver.findElements(By.cssSelector("#compare-table tr.changed")).stream().map(WebElement::getText).toList())
                .anyMatch(t -> t.startsWith("Outcome")).anyMatch(t -> t.contains("RVC") && t.contains("40.00%"));
        assertThat(driver.findElement(By.id("bom")).getText()).contains("Tariff shift (what-if)");
        js("document.getElementById(arguments[0]).scrollIntoView();", "bom");
        screenshot("workspace-what-if");

        // Certification: every Annex 5-A element; listed, in the timeline; a duplicate refused; revoked with a reason.
        driver.findElement(By.id("c-name")).sendKeys("Calderas del Norte SA de CV");
        driver.findElement(By.id("c-title")).sendKeys("Trade compliance manager");
        driver.findElement(By.id("c-address")).sendKeys("Av. Industrial 100, Monterrey, MX");
        driver.findElement(By.id("c-telephone")).sendKeys("+52 81 5555 0100");
        driver.findElement(By.id("c-email")).sendKeys("origin@calderas.example");
        new Select(driver.findElement(By.id("p-kind"))).selectByValue("SAME_AS_CERTIFIER");
        driver.findElement(By.id("i-name")).sendKeys("Steam Plant Supply LLC");
        driver.findElement(By.id("i-address")).sendKeys("1 Harbor Rd, Houston, TX, US");
        driver.findElement(By.id("c-signatory")).sendKeys("Ana Torres");
        driver.findElement(By.id("certify")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("cert-pdf"))).click();
        byte[] certificationPdf = Files.readAllBytes(waitForDownload(".pdf"));
        assertThat(new String(certificationPdf, 0, 5)).isEqualTo("%PDF-");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cert-table"), "Active"));
        assertThat(driver.findElement(By.id("timeline-rows")).getText()).contains("Certification issued");
        driver.findElement(By.id("certify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cert-result"), "replaces"));
        js("document.getElementById(arguments[0]).scrollIntoView();", "cert-section");
        screenshot("workspace-certified");
        driver.findElement(By.cssSelector("button.revoke")).click();
        driver.findElement(By.id("revoke-reason")).sendKeys("issued for the wrong importer");
        driver.findElement(By.id("revoke-confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cert-table"), "Revoked"));
        assertThat(driver.findElement(By.id("timeline-rows")).getText()).contains("Certification revoked").contains("issued for the wrong importer");
        driver.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cert-table"), "Revoked"));
        js("document.getElementById(arguments[0]).scrollIntoView();", "cert-section");
        screenshot("workspace-certification-revoked");

        // The determination for the audit file.
        driver.findElement(By.id("determination-pdf")).click();
        byte[] determinationPdf = Files.readAllBytes(waitForDownload("determination-" + id + ".pdf"));
        assertThat(new String(determinationPdf, 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void shouldShowACsvSubmissionAsItsBomAndRunAWhatIfOnIt() throws Exception {
        String token = TestTokens.token(TestTokens.TENANT, Roles.REVIEWER, Roles.SUBMITTER);
        String id = submit(TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER), "text/csv",
                "partNumber,description,hsCode,origin,value,kind\r\nDRUM,\"Drum, welded\",8402.90,NON_ORIGINATING,60,DIRECT\r\nPLATE,Plate,7208.51,ORIGINATING,20,\r\n",
                "?reference=BROWSER-CSV&partNumber=BLR-CSV&hsCode=8402.11&producerCountry=MX&currency=USD&transactionValue=100&asOf=2026-07-01");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        signIn(token);
        driver.get(base + "workspace/determination.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("bom-table")));
        assertThat(driver.findElement(By.id("bom-note")).getText()).contains("Submitted as CSV");
        assertThat(driver.findElement(By.id("bom")).getText()).contains("DRUM").contains("Drum, welded").contains("PLATE").contains("fails (alternative A)");
        assertThat(driver.findElement(By.cssSelector("input.figure[data-key='transactionValue']")).getAttribute("value")).isEqualTo("100");
        new Select(driver.findElement(By.cssSelector("select.origin[data-index='0']"))).selectByValue("ORIGINATING");
        driver.findElement(By.id("whatif")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("whatif-result"), "Originating"));
        js("document.getElementById(arguments[0]).scrollIntoView();", "bom");
        screenshot("workspace-csv-what-if");
        driver.findElement(By.id("whatif-save")).click();
        wait.until(d -> d.getCurrentUrl().contains("id=") && !d.getCurrentUrl().endsWith(id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict-status"), "Originating"));
    }

    @Test
    void shouldShowTheAutomotivePanelAndOnlyTheActionsTheRoleMayUse() throws Exception {
        String vehicle = Files.readString(Path.of("examples/passenger-vehicle-bom.json"));
        String id = submit(TestTokens.token(TestTokens.TENANT, Roles.SUBMITTER), "application/json", vehicle, "");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.manage().window().setSize(new Dimension(1280, 1600));
        signIn(TestTokens.token(TestTokens.TENANT, Roles.AUDITOR));
        driver.get(base + "workspace/determination.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("timeline-rows")));
        assertThat(driver.findElement(By.id("automotive-section")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("core-parts")).getText()).contains("Core parts").contains("Threshold");
        assertThat(driver.findElement(By.id("lvc")).getText()).contains("Labor value content").contains("against");
        assertThat(driver.findElement(By.id("steel-aluminum")).getText()).contains("Steel and aluminum").contains("against 70%");
        // An auditor reads: no review, certification or what-if controls.
        assertThat(driver.findElement(By.id("action-form")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("cert-form")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("whatif-controls")).isDisplayed()).isFalse();
        assertThat(driver.findElement(By.id("review-readonly")).isDisplayed()).isTrue();
        assertThat((Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth;")).as("no sideways scrolling").isTrue();
        screenshot("workspace-vehicle");
        js("document.getElementById('automotive-section').scrollIntoView();");
        screenshot("workspace-vehicle-automotive");

        driver.manage().window().setSize(new Dimension(1280, 800));
        driver.get(base + "workspace/determination.html?id=" + UUID.randomUUID());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
        assertThat(driver.findElement(By.id("not-found")).getText()).contains("No such determination");
        // The header's Sign out form is on every page; no form of the determination is.
        assertThat(driver.findElements(By.cssSelector("form:not(#sign-out-form)"))).as("no live forms for an unknown id").isEmpty();
        screenshot("workspace-not-found");

        // determination.html?id= takes a UUID only: markup or a path is neither shown nor sent to the API.
        for (String bad : new String[] {"<img src=x onerror=document.title='pwned'>", "../../rule-packs", UUID.randomUUID() + "/../../rule-packs"}) {
            driver.get(base + "workspace/determination.html?id=" + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
            assertThat(driver.findElement(By.id("not-found-text")).getText()).as(bad).doesNotContain(bad).contains("does not hold a determination id");
            assertThat(driver.getTitle()).isNotEqualTo("pwned");
            assertThat(driver.findElements(By.cssSelector("form:not(#sign-out-form)"))).as("no live forms for a bad id").isEmpty();
        }
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
        assertThat(driver.findElement(By.id("changes")).getText()).contains("Originating").contains("Not originating");
        assertThat(driver.getCurrentUrl()).contains("redetermination.html?id=");
        screenshot("workspace-redetermination");
    }

    /**
     * Sign-out (security review 2026-12-05, logout by GET): every page's header has a Sign out button, a form that posts; opening
     * /workspace/sign-out with a GET (what an image or a link elsewhere does) shows a page with that button and signs no one out; the
     * button forgets the tab's token and returns to the sign-in. Failed before: there was no button (and a GET signed a provider
     * session out).
     */
    @Test
    void shouldSignOutByTheHeadersButtonAndNeverByAGet() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(TestTokens.token(TestTokens.TENANT, Roles.REVIEWER));
        driver.get(base + "workspace/redetermination.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out")));
        assertThat(driver.findElement(By.id("sign-out-form")).getAttribute("method")).isEqualTo("post");

        driver.get(base + "workspace/sign-out");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign out");
        assertThat(driver.findElement(By.cssSelector("form[method=post] button")).getText()).isEqualTo("Sign out");
        assertThat(js("return sessionStorage.getItem('oc-token');")).as("a GET signs no one out").isNotNull();

        driver.get(base + "workspace/redetermination.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        wait.until(ExpectedConditions.urlContains("index.html"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dev-signin")));
        assertThat(js("return sessionStorage.getItem('oc-token');")).isNull();
    }

    /** Issue 15: the declarations page lists a tenant's declarations, opens one, and a reviewer revokes it and sees what used it. */
    @Test
    void shouldListADeclarationShowItsGapAndLetAReviewerRevokeIt() throws Exception {
        String tenant = "browser-declarations-" + UUID.randomUUID().toString().substring(0, 8);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String declaration = given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.SUBMITTER)).contentType("application/json").body("""
                {"supplier":{"id":"ACEROS","name":"Aceros del Norte SA","country":"MX"},
                 "items":[{"partNumber":"PLATE","hsCode":"7208.51","origin":"ORIGINATING","originCriterion":"B"}],
                 "validFrom":"%s","validTo":"%s","certifier":{"name":"R. Garza","title":"Export manager","email":"rgarza@example.com"},
                 "issuedAt":"%s"}""".formatted(today.minusMonths(1), today.plusMonths(6), today.minusMonths(1)))
                .post("/api/v1/supplier-declarations").then().statusCode(201).extract().path("id");
        // One determination takes PLATE's origin from the declaration; another names a supplier with no declaration: a gap.
        given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.SUBMITTER)).contentType("application/json").body("""
                {"good":{"partNumber":"BLR-D","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"PLATE","hsCode":"7208.51","supplierId":"ACEROS","value":20},
                              {"partNumber":"TUBE","hsCode":"7304.31","supplierId":"TUBOS","value":10}]}""")
                .post("/api/v1/determinations").then().statusCode(201);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        signIn(TestTokens.token(tenant, Roles.REVIEWER));
        driver.get(base + "workspace/declarations.html");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("declarations"), "Aceros del Norte SA"));
        assertThat(driver.findElement(By.id("declarations")).getText()).contains("PLATE").contains("Active");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gaps"), "TUBOS"));
        assertThat(driver.findElement(By.id("gaps")).getText()).contains("TUBE").doesNotContain("ACEROS");

        driver.findElement(By.cssSelector("#declarations tr[data-id='" + declaration + "']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), "7208.51"));
        driver.findElement(By.id("revoke-reason")).sendKeys("Supplier withdrew the statement for PLATE");
        driver.findElement(By.id("revoke")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("revoke-result"), "1 determination used it"));
        assertThat(driver.findElement(By.id("revoke-result")).getText()).contains("follow their re-determination");
        assertThat(driver.findElement(By.id("detail-revocation")).getText()).contains("Supplier withdrew the statement for PLATE");
        assertThat(driver.findElement(By.id("revoke-form")).isDisplayed()).as("a revoked declaration cannot be revoked again").isFalse();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("declarations"), "Revoked"));
        screenshot("workspace-declarations");

        // A submitter sees an active declaration but is not offered the revocation.
        String other = given().header("Authorization", "Bearer " + TestTokens.token(tenant, Roles.SUBMITTER)).contentType("application/json").body("""
                {"supplier":{"id":"TUBOS","name":"Tubos de Monterrey","country":"MX"},
                 "items":[{"partNumber":"TUBE","hsCode":"7208.51","origin":"ORIGINATING"}],
                 "validFrom":"%s","validTo":"%s","certifier":{"name":"L. Soto","title":"Director","email":"lsoto@example.com"},
                 "issuedAt":"%s"}""".formatted(today.minusMonths(1), today.plusMonths(6), today.minusMonths(1)))
                .post("/api/v1/supplier-declarations").then().statusCode(201).extract().path("id");
        signIn(TestTokens.token(tenant, Roles.SUBMITTER));
        driver.get(base + "workspace/declarations.html?id=" + other);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("items"), "7208.51"));
        assertThat(driver.findElement(By.id("revoke-form")).isDisplayed()).isFalse();
    }

    /** Aluminium powder (76.03) with non-originating scrap of 76.02 from {@code country}, 8% of a transaction value of 100: originating under the law. */
    private static String powder(String partNumber, String country) {
        return """
                {"asOf":"2026-07-01","good":{"partNumber":"%s","hsCode":"7603.10","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"SCRAP","hsCode":"7602.00","origin":"NON_ORIGINATING","countryOfOrigin":"%s","value":8},
                              {"partNumber":"INGOT","hsCode":"7601.10","origin":"ORIGINATING","value":50}]}""".formatted(partNumber, country);
    }

    /**
     * Issue 18: the scenario page, reached from the navigation. A reviewer picks a scenario (its label says it is not law),
     * runs it on the tenant's three determinations, follows it to the end, sees the chart of what changes and the one good
     * that stops qualifying (linked to its determination), and downloads the changes as CSV.
     */
    @Test
    void shouldRunAScenarioOnThePortfolioChartWhatChangesAndListTheChangedGood() throws Exception {
        String tenant = "browser-scenarios-" + UUID.randomUUID().toString().substring(0, 8);
        String submitter = TestTokens.token(tenant, Roles.SUBMITTER);
        String chinese = submit(submitter, "application/json", powder("ALU-CN", "CN"), "");
        submit(submitter, "application/json", powder("ALU-DE", "DE"), "");
        submit(submitter, "application/json", BOILER.formatted("BROWSER-SCENARIO"), "");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 1500));
        signIn(TestTokens.token(tenant, Roles.REVIEWER));
        driver.get(base + "workspace/index.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Scenarios"))).click();
        wait.until(d -> d.findElements(By.cssSelector("#scenario option")).size() >= 5);
        new Select(driver.findElement(By.id("scenario"))).selectByValue("cn-aluminum-zero");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("scenario-detail"), "Reported or stakeholder proposal · not law"));
        assertThat(driver.findElement(By.cssSelector(".not-law")).getText()).contains("None is in force");
        assertThat(driver.findElement(By.id("scenario-detail")).getText()).contains("What it changes").contains("Source of the proposal");

        driver.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "DONE"));
        assertThat(driver.findElement(By.id("progress-text")).getText()).contains("3 of 3 (100%)").contains("1 change").contains("0 failed");
        assertThat(driver.getCurrentUrl()).contains("scenarios.html?id=");
        assertThat(driver.findElement(By.id("run-scenario")).getText()).contains("not law");
        // The chart: by status change, by chapter, by value, each an SVG labelled for a screen reader.
        var charts = driver.findElements(By.cssSelector("#charts svg.impact-chart"));
        assertThat(charts).hasSize(3);
        assertThat(charts.get(0).getAttribute("aria-label")).contains("Originating → Not originating 1 from Originating to Not originating").contains("No change 2 unchanged");
        assertThat(charts.get(1).getAttribute("aria-label")).contains("Chapter 76 1 stop qualifying").contains("Chapter 84");
        assertThat(charts.get(2).getAttribute("aria-label")).contains("USD 100 USD stop qualifying");
        assertThat(driver.findElements(By.cssSelector("#charts rect.seg-stop"))).hasSize(3);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changes"), "ALU-CN"));
        String changes = driver.findElement(By.id("changes")).getText();
        assertThat(changes).contains("7603.10").contains("Originating").contains("Not originating").doesNotContain("ALU-DE").doesNotContain("BLR-9");
        assertThat(driver.findElements(By.cssSelector("#changes tr"))).hasSize(1);
        screenshot("workspace-scenario-run");

        driver.findElement(By.id("changes-csv")).click();
        String csv = Files.readString(waitForDownload("-changes.csv"));
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith(chinese + ",\"ALU-CN\",760310,\"76\",100").contains("ORIGINATING,NOT_ORIGINATING");

        driver.findElement(By.linkText("ALU-CN")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict-status"), "Originating"));
        assertThat(driver.getCurrentUrl()).endsWith("determination.html?id=" + chinese);

        // An auditor reads runs but is not offered to start one.
        signIn(TestTokens.token(tenant, Roles.AUDITOR));
        driver.get(base + "workspace/scenarios.html");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-role")));
        assertThat(driver.findElement(By.id("start")).isEnabled()).isFalse();
    }

    /**
     * Issue 15: a two-level BOM's determination shows each material's origin as a tree: the self-produced frame (an
     * intermediate material) collapsible with its own determination and components, a material from a stored determination
     * linked to that determination's page, one from a supplier's declaration linked to the declaration.
     */
    @Test
    void shouldShowTheMaterialsAsATreeWithTheirEvidenceLinked() throws Exception {
        String tenant = "browser-tree-" + UUID.randomUUID().toString().substring(0, 8);
        String submitter = TestTokens.token(tenant, Roles.SUBMITTER);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String declaration = given().header("Authorization", "Bearer " + submitter).contentType("application/json").body("""
                {"supplier":{"id":"ACEROS","name":"Aceros del Norte SA","country":"MX"},
                 "items":[{"partNumber":"SEAT-POST","hsCode":"7306.30","origin":"ORIGINATING","originCriterion":"B"}],
                 "validFrom":"%s","validTo":"%s","certifier":{"name":"R. Garza","title":"Export manager","email":"rgarza@example.com"},
                 "issuedAt":"%s"}""".formatted(today.minusMonths(1), today.plusMonths(6), today.minusMonths(1)))
                .post("/api/v1/supplier-declarations").then().statusCode(201).extract().path("id");
        // Originating and approved by the review policy, so usable as evidence (docs/bills-of-materials.md).
        String evidence = submit(submitter, "application/json", """
                {"good":{"partNumber":"BOILER-KIT","hsCode":"8402.11","producerCountry":"MX","currency":"USD","transactionValue":100},
                 "materials":[{"partNumber":"PLATE","hsCode":"7208.51","origin":"NON_ORIGINATING","value":20}]}""", "");
        // Golden case 320's bicycle (SOR/2020-155 s.8 Example 3, situation C), with two more materials that point to evidence.
        String id = submit(submitter, "application/json", """
                {"reference":"BROWSER-TREE","good":{"partNumber":"BICYCLE","hsCode":"8402.90","producerCountry":"MX","currency":"USD",
                  "costs":{"totalCost":23.2,"excludedCosts":0.2}},
                 "materials":[{"partNumber":"FRAME","hsCode":"8402.90","value":10.6,"costs":{"totalCost":10.6,"excludedCosts":0.2},
                               "components":[{"partNumber":"FRAME-ORIG-INPUTS","hsCode":"7306.30","origin":"ORIGINATING","value":1.0},
                                             {"partNumber":"FRAME-NONORIG-INPUTS","hsCode":"7306.30","origin":"NON_ORIGINATING","countryOfOrigin":"CN","value":7.5}]},
                              {"partNumber":"PARTS","hsCode":"8402.90","origin":"NON_ORIGINATING","countryOfOrigin":"CN","value":5.5},
                              {"partNumber":"SEAT-POST","hsCode":"7306.30","supplierId":"ACEROS","value":0.5},
                              {"partNumber":"BOILER-KIT","determinationId":"%s","value":0.5}]}""".formatted(evidence), "");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        signIn(TestTokens.token(tenant, Roles.AUDITOR));
        driver.get(base + "workspace/determination.html?id=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("origin-tree")));
        WebElement frame = driver.findElement(By.cssSelector("#origin-tree details[data-part='FRAME']"));
        assertThat(frame.getAttribute("open")).as("the first level open").isNotNull();
        assertThat(frame.findElement(By.tagName("summary")).getText()).contains("FRAME").contains("Originating").contains("determined from its components");
        assertThat(frame.getText()).contains("Its own determination").contains("FRAME-NONORIG-INPUTS").contains("Non-originating");
        // The frame originates under alternative A (a change of heading): alternative B's RVC and criterion C were not needed, so no "Not met".
        assertThat(frame.getText()).contains("Met ").doesNotContain("Not met");
        // Collapsible with the keyboard, like any details element.
        frame.findElement(By.tagName("summary")).sendKeys(org.openqa.selenium.Keys.ENTER);
        wait.until(d -> d.findElement(By.cssSelector("#origin-tree details[data-part='FRAME']")).getAttribute("open") == null);
        assertThat(driver.findElement(By.cssSelector("#origin-tree li[data-part='FRAME-ORIG-INPUTS']")).isDisplayed()).isFalse();
        frame.findElement(By.tagName("summary")).click();
        wait.until(d -> d.findElement(By.cssSelector("#origin-tree li[data-part='FRAME-ORIG-INPUTS']")).isDisplayed());
        String tree = driver.findElement(By.id("origin-tree")).getText();
        assertThat(tree).contains("PARTS").contains("stated in the submission");
        assertThat(driver.findElement(By.cssSelector("#origin-tree li[data-part='SEAT-POST'] a")).getAttribute("href"))
                .endsWith("declarations.html?id=" + declaration);
        assertThat(driver.findElement(By.cssSelector("#origin-tree li[data-part='BOILER-KIT'] a")).getAttribute("href"))
                .endsWith("determination.html?id=" + evidence);
        js("document.getElementById('tree-section').scrollIntoView();");
        screenshot("workspace-bom-tree");
        driver.findElement(By.cssSelector("#origin-tree li[data-part='BOILER-KIT'] a")).click();
        wait.until(d -> d.getCurrentUrl().endsWith("determination.html?id=" + evidence));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict-status"), "Originating"));
        assertThat(driver.findElement(By.id("tree-section")).isDisplayed()).as("every origin stated: no tree").isFalse();
    }
}
