package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsCorrelation;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.ProductRuleBook;
import org.origincheck.domain.rules.RulePack;

/**
 * How the wrapper plans its evaluations, with an engine that records the codes it is given (the legal tests themselves run
 * through both real engines in HsEditionCorrelationTest). The correlation rows are a FIXTURE of fictional chapter 99 subheadings.
 */
class CorrelatingHsEditionsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    /** Answers NOT_ORIGINATING under the given rule and records the material code of every call. */
    private static final class RecordingEngine implements OriginEngine {
        final String ruleId;
        final List<String> seen = new ArrayList<>();

        RecordingEngine(String ruleId) {
            this.ruleId = ruleId;
        }

        @Override
        public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
            seen.add(bom.materials().get(0).hsCode().formatted());
            return new Evaluation("r", AS_OF, null, DeterminationStatus.NOT_ORIGINATING, null,
                    new Evaluation.AppliedRule(ruleId, "9902.10", "text", "citation", null), List.of(),
                    List.of(new Reason(ReasonCode.ORIGIN_DETERMINED, Outcome.FAIL, "no", "USMCA Art. 4.2", List.of(), null)), List.of(), null,
                    false);
        }
    }

    private static RulePack pack(List<Map.Entry<String, String>> rows, String ruleText) {
        ProductRule rule = new ProductRule("R-1", List.of(HsRange.parse("9902.10")), Set.of(), Set.of(), null, null, ruleText, "citation",
                "source", "verification", List.of(), null, null, ParseStatus.MANUAL_REVIEW, null, "f", 1);
        HsCorrelation table = new HsCorrelation(rows, LocalDate.of(2022, 1, 27), "FIXTURE", List.of());
        return new RulePack("p", "1", "sha", LocalDate.of(2020, 7, 1), null, List.of(), null, new ProductRuleBook(List.of(rule)), List.of(),
                List.of(), Map.of(), null, List.of(), table);
    }

    private static BillOfMaterials bom(String materialCode) {
        Good good = new Good("G", "good", HsCode.parse("9902.10"), null, "MX", "USD", new BigDecimal("100"), null, null, null);
        Material m = new Material(0, "M", "m", HsCode.parse(materialCode), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("50"), null,
                null, MaterialKind.DIRECT);
        return new BillOfMaterials("r", AS_OF, good, List.of(m));
    }

    @Test
    void shouldAskInsteadOfTryingMoreCombinationsThanTheCap() {
        List<Map.Entry<String, String>> rows = new ArrayList<>(List.of(Map.entry("990210", "990210")));
        for (int i = 10; i < 10 + CorrelatingHsEditions.MAX_COMBINATIONS + 1; i++) {
            rows.add(Map.entry("990399", "9903" + i));
        }
        RecordingEngine engine = new RecordingEngine("R-1");

        Evaluation e = new CorrelatingHsEditions(engine).evaluate(bom("9903.99"), pack(rows, "A change to subheading 9902.10 from any other chapter."));

        assertThat(engine.seen).hasSize(1);
        assertThat(e.status()).isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        assertThat(e.missingData()).singleElement().satisfies(m -> {
            assertThat(m.field()).isEqualTo("materials[0].hsCode");
            assertThat(m.values()).hasSize(CorrelatingHsEditions.MAX_COMBINATIONS + 1);
        });
    }

    @Test
    void shouldApplyARuleWrittenInHs2022ToTheCodesAsSubmitted() {
        List<Map.Entry<String, String>> rows = List.of(Map.entry("990210", "990210"), Map.entry("990399", "990390"));
        RecordingEngine engine = new RecordingEngine("R-1");

        Evaluation e = new CorrelatingHsEditions(engine).evaluate(bom("9903.99"),
                pack(rows, "A change to subheading 9902.10 from subheading 9903.99."));

        assertThat(engine.seen).containsExactly("9903.90", "9903.99");
        assertThat(e.status()).isEqualTo(DeterminationStatus.NOT_ORIGINATING);
        assertThat(e.reasons()).noneMatch(r -> r.code() == ReasonCode.HS_EDITION_CORRELATED);
    }

    /**
     * A multi-level BOM is evaluated a level at a time through the same wrapper (MultiLevelEvaluation hands it each intermediate
     * material as a good with its components as materials): an HS 2022 code deep in the tree, a component's or a self-produced
     * material's own, is read in HS 2017 like the good's, never evaluated as submitted.
     */
    @Test
    void shouldCorrelateEveryLevelOfAMultiLevelBom() {
        List<Map.Entry<String, String>> rows = List.of(Map.entry("990210", "990210"), Map.entry("990399", "990390"));
        List<String> seen = new ArrayList<>();
        OriginEngine engine = (bom, pack) -> {
            bom.materials().forEach(m -> seen.add(bom.good().hsCode().formatted() + " <- " + m.hsCode().formatted()));
            return new RecordingEngine("R-1").evaluate(bom, pack);
        };
        Material leaf = new Material(0, "LEAF", "leaf", HsCode.parse("9903.99"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("10"), null,
                null, MaterialKind.DIRECT);
        Material inner = new Material(0, "INNER", "inner", HsCode.parse("9903.99"), OriginStatus.UNKNOWN, null, new BigDecimal("20"), null,
                null, MaterialKind.DIRECT, null, null, null, null,
                new org.origincheck.domain.bom.IntermediateMaterial("materials[0].components[0]", new BigDecimal("30"), null, null, List.of(leaf)));
        Material outer = new Material(0, "OUTER", "outer", HsCode.parse("9902.10"), OriginStatus.UNKNOWN, null, new BigDecimal("40"), null,
                null, MaterialKind.DIRECT, null, null, null, null,
                new org.origincheck.domain.bom.IntermediateMaterial("materials[0]", new BigDecimal("50"), null, null, List.of(inner)));
        Good good = new Good("G", "good", HsCode.parse("9902.10"), null, "MX", "USD", new BigDecimal("100"), null, null, null);

        MultiLevelEvaluation.Assessed assessed = MultiLevelEvaluation.evaluate(new CorrelatingHsEditions(engine),
                new BillOfMaterials("r", AS_OF, good, List.of(outer)), pack(rows, "A change to subheading 9902.10 from any other chapter."));

        // The innermost level (INNER as the good, its leaf as its material), the level above (INNER as a material), the good.
        assertThat(seen).contains("9903.90 <- 9903.90", "9902.10 <- 9903.90", "9902.10 <- 9902.10").noneMatch(s -> s.contains("9903.99"));
        MaterialOrigin innerOrigin = assessed.materials().get(0).components().get(0);
        assertThat(innerOrigin.determination().reasons()).anyMatch(r -> r.code() == ReasonCode.HS_EDITION_CORRELATED);
    }

    @Test
    void shouldLeaveTheSubmissionAloneWithoutATableOrAnythingToCorrelate() {
        RecordingEngine engine = new RecordingEngine("R-1");
        List<Map.Entry<String, String>> rows = List.of(Map.entry("990210", "990210"), Map.entry("990310", "990310"));

        new CorrelatingHsEditions(engine).evaluate(bom("9903.10"), pack(rows, "A change to subheading 9902.10 from any other chapter."));

        assertThat(engine.seen).containsExactly("9903.10");
    }
}
