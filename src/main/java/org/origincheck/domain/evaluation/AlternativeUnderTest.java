package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftOutcome;
import org.origincheck.domain.rules.TariffShift;

/** One alternative of the selected product-specific rule, as a fact the rules reason over. */
public record AlternativeUnderTest(String label, RuleAlternative alternative, String citation, HsCode good) {

    public static List<AlternativeUnderTest> of(ProductRule rule, HsCode good) {
        List<AlternativeUnderTest> out = new ArrayList<>();
        for (RuleAlternative alternative : rule.alternatives()) {
            out.add(new AlternativeUnderTest(alternative.label(), alternative, rule.citation(), good));
        }
        return out;
    }

    public boolean requiresTariffShift() {
        return alternative.tariffShift() != null;
    }

    public boolean requiresRegionalValueContent() {
        return alternative.regionalValueContent() != null;
    }

    /** The tariff-shift outcome of one material under this alternative. */
    public ShiftOutcome shiftOf(Material material) {
        return alternative.tariffShift().test(good, material.hsCode(), material.declarations());
    }

    public TariffShift tariffShift() {
        return alternative.tariffShift();
    }

    public RvcRequirement regionalValueContent() {
        return alternative.regionalValueContent();
    }
}
