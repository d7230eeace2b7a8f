package org.origincheck.determination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.origincheck.api.JacksonConfig;
import org.origincheck.config.LimitsConfig;
import org.origincheck.determination.rest.BomSubmission;
import org.origincheck.determination.rest.DeterminationResponse;
import org.origincheck.determination.rest.MaterialTreeMapper;
import org.origincheck.determination.rest.SubmissionMapper;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.CorrelatingHsEditions;
import org.origincheck.domain.evaluation.DecidingOverUnknownFacts;
import org.origincheck.domain.evaluation.DeterminationStatus;
import org.origincheck.domain.evaluation.MultiLevelEvaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.supplier.SupplierDeclaration;
import org.origincheck.domain.supplier.SupplierDeclarations;
import org.origincheck.domain.evaluation.ReferenceOriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.engine.DroolsLogLevels;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * Every golden case through both engines, in process: no HTTP, no database, no Quarkus. The submission is mapped
 * by the service's own {@link SubmissionMapper}, evaluated by the Drools adapter and by the plain-Java reference,
 * written as the API's JSON and checked against the case's expectations exactly as {@link GoldenCasesTest} checks
 * the HTTP answer. The time for all cases is logged (surefire report) so it can be reported.
 */
class GoldenCasesInProcessTest {

    private static final Logger LOG = Logger.getLogger(GoldenCasesInProcessTest.class);
    private static final Path CASES = Path.of("src/test/resources/golden");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static ObjectMapper json;
    private static SubmissionMapper submissions;
    private static RulePack pack;
    private static DroolsOriginEngine drools;
    private static final ReferenceOriginEngine REFERENCE = new ReferenceOriginEngine();
    private static long started;
    private static int evaluated;

    @BeforeAll
    static void load() {
        DroolsLogLevels.asInTheService();
        json = JsonMapper.builder().addModule(new JavaTimeModule()).build();
        new JacksonConfig().customize(json);
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
        LimitsConfig limits = new LimitsConfig() {
            @Override
            public long maxBodyBytes() {
                return 16_777_216;
            }

            @Override
            public int maxMaterials() {
                return 50_000;
            }

            @Override
            public int maxBomDepth() {
                return 10;
            }

            @Override
            public int materialsInEvaluation() {
                return 50_000;
            }

            @Override
            public long largeBodyBytesAtOnce() {
                return 16_777_216;
            }

            @Override
            public long evaluationWaitSeconds() {
                return 60;
            }
        };
        // No golden case refers to a stored determination; were one to, it would be found missing and the case would fail.
        SettledConclusions none = new SettledConclusions() {
            @Override
            public Optional<DeterminationStatus> settled(DeterminationRecord determination) {
                return Optional.empty();
            }

            @Override
            public Standing standingAt(DeterminationRecord determination, Instant until) {
                return new Standing(null, determination.status);
            }
        };
        // No golden case names a supplier: were one to, the empty store would leave its material UNKNOWN and the case would fail.
        SupplierDeclarations noDeclarations = new SupplierDeclarations() {
            @Override
            public Optional<SupplierDeclaration> validFor(String tenant, String supplierId, String partNumber, LocalDate date) {
                return Optional.empty();
            }
        };
        submissions = new SubmissionMapper(validator, json, limits, new StoredDeterminations(none),
                new MaterialTreeMapper(limits, new MaterialEvidence(noDeclarations, none)));
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        pack = loaded.pack();
        drools = new DroolsOriginEngine(GoldenCasesInProcessTest.class.getClassLoader());
        drools.compile(loaded);
        started = System.nanoTime();
    }

    @AfterAll
    static void report() {
        LOG.infof("In-process golden runner: %d evaluations (Drools and the reference) in %d ms", evaluated,
                (System.nanoTime() - started) / 1_000_000);
    }

    @TestFactory
    Stream<DynamicContainer> everyGoldenCaseThroughBothEngines() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(CASES)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        // -Dgolden.only=<part of a file name> runs only those cases (while writing one); the full run checks they are all there.
        String only = System.getProperty("golden.only");
        if (only != null) {
            files = files.stream().filter(p -> p.getFileName().toString().contains(only)).toList();
        } else {
            assertThat(files).as("golden cases").hasSizeGreaterThanOrEqualTo(120);
        }
        return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(), Stream.of(
                DynamicTest.dynamicTest("Drools", () -> run(file, new CorrelatingHsEditions(new DecidingOverUnknownFacts(drools)))),
                DynamicTest.dynamicTest("reference", () -> run(file, new CorrelatingHsEditions(new DecidingOverUnknownFacts(REFERENCE)))))));
    }

    private void run(Path file, OriginEngine engine) throws Exception {
        JsonNode golden = YAML.readTree(file.toFile());
        BomSubmission submission = submissions.parse(json.writeValueAsString(golden.get("request")));
        assertThat(submission.rulePack() == null || submission.rulePack().equals(pack.id())).as("the case uses the usmca pack").isTrue();
        BillOfMaterials bom = submissions.toBom(submission, "golden");
        assertThat(pack.inForceOn(bom.asOf())).as("the pack is in force on the case's date").isTrue();
        // Intermediate materials are evaluated first, under their own rule, as the service does.
        MultiLevelEvaluation.Assessed assessed = MultiLevelEvaluation.evaluate(engine, bom, pack).withPathToQualify(pack);
        JsonNode actual = json.readTree(json.writeValueAsString(DeterminationResponse.of(null, null, assessed)));
        evaluated++;
        // -Dgolden.show=<part of a file name> prints the answer, to write a new case's expectations from a reviewed answer.
        String show = System.getProperty("golden.show");
        if (show != null && file.getFileName().toString().contains(show)) {
            LOG.infof("%s:%n%s", file.getFileName(), json.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        GoldenExpectations.assertAnswer(golden.get("expected"), actual);
    }
}
