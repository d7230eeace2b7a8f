package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.RulePack;

/**
 * How answers are combined over the values of missing facts, with an engine whose answer is a plain function of the facts
 * (the legal tests themselves are covered by the golden cases, through both real engines).
 */
class DecidingOverUnknownFactsTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    /** An engine that asks for the end use and partOfGood of material 0 while they are missing, then answers {@code law}. */
    private static final class FactsEngine implements OriginEngine {
        final Function<BillOfMaterials, Evaluation> law;
        int calls;

        FactsEngine(Function<BillOfMaterials, Evaluation> law) {
            this.law = law;
        }

        @Override
        public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
            calls++;
            List<MissingData> missing = new ArrayList<>();
            if (bom.materials().get(0).partOfGood() == null) {
                missing.add(asked("materials[0].partOfGood"));
            }
            if (bom.good().endUse() == null) {
                missing.add(asked("good.endUse"));
            }
            return missing.isEmpty() ? law.apply(bom) : insufficient(missing);
        }
    }

    private static MissingData asked(String field) {
        FactQuestions.Question q = FactQuestions.of(field).orElseThrow();
        return new MissingData(field, "needed", q.question(), q.legalText(), q.values());
    }

    private static Evaluation answer(DeterminationStatus status, OriginCriterion criterion) {
        return new Evaluation("r", AS_OF, null, status, criterion, null, List.of(),
                List.of(new Reason(ReasonCode.ORIGIN_DETERMINED, Outcome.INFO, status.name(), "USMCA Art. 4.2", List.of(), null)), List.of(), null, false);
    }

    private static Evaluation insufficient(List<MissingData> missing) {
        return new Evaluation("r", AS_OF, null, DeterminationStatus.INSUFFICIENT_DATA, null, null, List.of(),
                List.of(new Reason(ReasonCode.ORIGIN_DETERMINED, Outcome.INSUFFICIENT_DATA, "cannot", "USMCA Art. 4.2", List.of(), null)), missing, null, false);
    }

    private static BillOfMaterials bom() {
        Good good = new Good("G", "good", HsCode.parse("8708.10"), null, "MX", "USD", null, new BigDecimal("1000"), null, null);
        Material material = new Material(0, "M", "m", HsCode.parse("8708.99"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal("100"),
                null, null, MaterialKind.DIRECT);
        return new BillOfMaterials("r", AS_OF, good, List.of(material));
    }

    @Test
    void shouldAnswerWhenEveryValueGivesTheSameStatusAndCriterion() {
        FactsEngine engine = new FactsEngine(b -> answer(DeterminationStatus.NOT_ORIGINATING, null));

        Evaluation e = new DecidingOverUnknownFacts(engine).evaluate(bom(), null);

        assertThat(e.status()).isEqualTo(DeterminationStatus.NOT_ORIGINATING);
        assertThat(e.missingData()).isEmpty();
        assertThat(e.reasons()).extracting(Reason::code).containsSubsequence(ReasonCode.HOLDS_FOR_EVERY_VALUE, ReasonCode.ORIGIN_DETERMINED);
        assertThat(e.reasons().stream().filter(r -> r.code() == ReasonCode.HOLDS_FOR_EVERY_VALUE).findFirst().orElseThrow().message())
                .contains("materials[0].partOfGood (true, false)", "good.endUse (PASSENGER_VEHICLE_OE");
        assertThat(engine.calls).as("the first answer, then 2 values of partOfGood, each with 5 end uses").isEqualTo(1 + 2 + 2 * 5);
    }

    @Test
    void shouldAskOnlyTheFactTheAnswerDependsOn() {
        FactsEngine engine = new FactsEngine(b -> b.good().endUse() == EndUse.AFTERMARKET
                ? answer(DeterminationStatus.ORIGINATING, OriginCriterion.B) : answer(DeterminationStatus.NOT_ORIGINATING, null));

        Evaluation e = new DecidingOverUnknownFacts(engine).evaluate(bom(), null);

        assertThat(e.status()).isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        assertThat(e.missingData()).extracting(MissingData::field).containsExactly("good.endUse");
        assertThat(e.missingData().get(0).values()).containsExactly("PASSENGER_VEHICLE_OE", "LIGHT_TRUCK_OE", "HEAVY_TRUCK_OE",
                "OTHER_VEHICLE_OE", "AFTERMARKET");
        assertThat(e.reasons()).extracting(Reason::code).contains(ReasonCode.DEPENDS_ON_UNKNOWN_FACTS);
        assertThat(e.reasons().get(e.reasons().size() - 1).message()).contains("good.endUse").doesNotContain("partOfGood");
    }

    @Test
    void shouldNotCountTwoCriteriaAsOneAnswer() {
        FactsEngine engine = new FactsEngine(b -> answer(DeterminationStatus.ORIGINATING,
                Boolean.TRUE.equals(b.materials().get(0).partOfGood()) ? OriginCriterion.D : OriginCriterion.B));

        Evaluation e = new DecidingOverUnknownFacts(engine).evaluate(bom(), null);

        assertThat(e.status()).isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        assertThat(e.missingData()).extracting(MissingData::field).containsExactly("materials[0].partOfGood");
    }

    @Test
    void shouldAskAFigureAValueStillNeedsAndTheFactTogether() {
        FactsEngine engine = new FactsEngine(b -> b.good().endUse() == EndUse.HEAVY_TRUCK_OE
                ? insufficient(List.of(new MissingData("good.transactionValue", "needed for the RVC")))
                : answer(DeterminationStatus.ORIGINATING, OriginCriterion.B));

        Evaluation e = new DecidingOverUnknownFacts(engine).evaluate(bom(), null);

        assertThat(e.status()).isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        // partOfGood is still asked: with the figure unknown, nothing proves it cannot matter once the figure is given.
        assertThat(e.missingData()).extracting(MissingData::field)
                .containsExactly("materials[0].partOfGood", "good.endUse", "good.transactionValue");
        assertThat(e.missingData().get(2).values()).as("a figure has no values to choose from").isEmpty();
    }

    @Test
    void shouldAskEverythingWhenTheCombinationsExceedTheCap() {
        FactsEngine engine = new FactsEngine(b -> answer(DeterminationStatus.NOT_ORIGINATING, null));

        Evaluation e = new DecidingOverUnknownFacts(engine, 4).evaluate(bom(), null);

        assertThat(e.status()).isEqualTo(DeterminationStatus.INSUFFICIENT_DATA);
        assertThat(e.missingData()).extracting(MissingData::field).containsExactly("materials[0].partOfGood", "good.endUse");
        assertThat(e.reasons().stream().filter(r -> r.code() == ReasonCode.DEPENDS_ON_UNKNOWN_FACTS).findFirst().orElseThrow().message())
                .contains("more than");
        assertThat(engine.calls).isLessThanOrEqualTo(1 + 4);
    }

    @Test
    void shouldLeaveADefiniteAnswerAlone() {
        FactsEngine engine = new FactsEngine(b -> answer(DeterminationStatus.ORIGINATING, OriginCriterion.B));
        BillOfMaterials complete = FactQuestions.assume(FactQuestions.assume(bom(), "good.endUse", "AFTERMARKET").orElseThrow(),
                "materials[0].partOfGood", "false").orElseThrow();

        Evaluation e = new DecidingOverUnknownFacts(engine).evaluate(complete, null);

        assertThat(e.reasons()).extracting(Reason::code).doesNotContain(ReasonCode.HOLDS_FOR_EVERY_VALUE);
        assertThat(engine.calls).isEqualTo(1);
    }
}
