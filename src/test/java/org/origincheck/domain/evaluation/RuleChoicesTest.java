package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The rule chosen for a good is kept per pack across evaluations ({@link EvaluationSubject.RuleChoices}): a choice taken from
 * what was kept must be the choice made afresh ({@link EvaluationSubject.RuleChoice#of}) for every good, whatever came before it,
 * or the answer (the rule applied, the reason that names it) would be another good's. Goods of every scope of the bundled
 * pack, on dates across its thresholds' phase-in, for each direction of trade, with and without an end use and the declarations
 * a rule asks for, each asked twice (the second time from what was kept).
 */
class RuleChoicesTest {

    /** A pack of its own for each test, so that what another test kept (up to the bound) cannot hide a wrong choice. */
    private RulePack pack;

    @BeforeEach
    void load() {
        pack = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
    }

    @Test
    void aKeptChoiceIsTheChoiceMadeAfreshForEveryGood() {
        List<BillOfMaterials> goods = goods();
        assertThat(goods).as("goods, fewer than the choices kept per pack, so that the second pass reads every one kept")
                .hasSizeBetween(1_000, 4_000);
        EvaluationSubject.RuleChoices choices = EvaluationSubject.RuleChoices.forPack(pack);
        for (int pass = 0; pass < 2; pass++) {
            for (BillOfMaterials bom : goods) {
                assertThat(choices.of(bom)).as("%s on %s, end use %s, %s from %s, declarations %s (pass %d)", bom.good().hsCode(),
                        bom.asOf(), bom.good().endUse(), bom.good().importingCountry(), bom.good().importedFrom(),
                        bom.good().declarations(), pass).isEqualTo(EvaluationSubject.RuleChoice.of(bom, pack));
            }
        }
    }

    @Test
    void moreGoodsThanAreKeptAreStillChosenRight() {
        EvaluationSubject.RuleChoices choices = EvaluationSubject.RuleChoices.forPack(pack);
        LocalDate first = LocalDate.of(2020, 7, 1);
        for (int pass = 0; pass < 2; pass++) {
            for (int day = 0; day < 6_000; day += 1) { // more than the choices kept per pack
                BillOfMaterials bom = bom("8402.11", null, first.plusDays(day), "US", "MX", Map.of());
                assertThat(choices.of(bom)).as("8402.11 on %s", bom.asOf()).isEqualTo(EvaluationSubject.RuleChoice.of(bom, pack));
            }
        }
    }

    @Test
    void anotherPackObjectHasItsOwnChoicesEvenWhenEqual() {
        RulePack again = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack();
        assertThat(EvaluationSubject.RuleChoices.forPack(again)).isNotSameAs(EvaluationSubject.RuleChoices.forPack(pack));
        assertThat(EvaluationSubject.RuleChoices.forPack(pack)).isSameAs(EvaluationSubject.RuleChoices.forPack(pack));
    }

    /**
     * A good at the first code of each scope of every rule that depends on more than the code (a direction of trade, an end use,
     * a class of vehicle, declarations), and of every tenth other rule, varied in everything the choice reads.
     */
    private List<BillOfMaterials> goods() {
        Set<String> codes = new LinkedHashSet<>();
        List<Question> questions = new ArrayList<>();
        int other = 0;
        for (ProductRule rule : pack.productRules().all()) {
            boolean dependsOnMore = rule.trade() != null || !rule.endUses().isEmpty() || !rule.vehicleClasses().isEmpty()
                    || !rule.goodQuestions().isEmpty();
            if (!dependsOnMore && other++ % 10 != 0) {
                continue;
            }
            for (HsRange range : rule.scope()) {
                String digits = range.from().replace(".", "");
                codes.add(digits.length() >= 6 ? digits : (digits + "000000").substring(0, 6));
            }
            if (!rule.goodQuestions().isEmpty() && !questions.contains(rule.goodQuestions().get(0))) {
                questions.add(rule.goodQuestions().get(0));
            }
        }
        List<LocalDate> dates = List.of(LocalDate.of(2020, 7, 1), LocalDate.of(2023, 7, 1), LocalDate.of(2027, 7, 1));
        List<String[]> trades = List.of(new String[] {null, null}, new String[] {"US", "CA"}, new String[] {"US", "MX"});
        List<BillOfMaterials> out = new ArrayList<>();
        for (String code : codes) {
            for (LocalDate date : dates) {
                for (String[] trade : trades) {
                    out.add(bom(code, null, date, trade[0], trade[1], Map.of()));
                }
            }
            out.add(bom(code, EndUse.PASSENGER_VEHICLE_OE, dates.get(1), "US", "MX", Map.of()));
            out.add(bom(code, EndUse.AFTERMARKET, dates.get(1), "US", "MX", Map.of()));
            for (Question asked : questions.subList(0, Math.min(questions.size(), 2))) {
                out.add(bom(code, null, dates.get(1), "US", "MX", Map.of(asked.id(), true)));
                out.add(bom(code, null, dates.get(1), "US", "MX", Map.of(asked.id(), false)));
            }
        }
        return out;
    }

    private static BillOfMaterials bom(String code, EndUse endUse, LocalDate asOf, String importingCountry, String importedFrom,
                                       Map<String, Boolean> declarations) {
        Good good = new Good("G", null, HsCode.parse(code), endUse, "MX", "USD", new BigDecimal("1000"), new BigDecimal("900"), null, null,
                null, null, importingCountry, importedFrom, declarations, false);
        return new BillOfMaterials("choice", asOf, good, List.of());
    }
}
