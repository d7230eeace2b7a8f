package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RuleLookup;
import org.origincheck.domain.rules.RulePack;

/** The good under evaluation with everything the tests read: its BOM, the pack in force, the rule found. */
public final class EvaluationSubject {

    private final BillOfMaterials bom;
    private final RulePack pack;
    private final RuleLookup lookup;
    private final BigDecimal valueOfNonOriginatingMaterials;

    public EvaluationSubject(BillOfMaterials bom, RulePack pack) {
        this.bom = bom;
        this.pack = pack;
        this.lookup = pack.productRules().lookup(bom.good().hsCode(), bom.good().endUse(), bom.asOf());
        BigDecimal vnm = BigDecimal.ZERO;
        for (Material material : bom.materials()) {
            if (material.inValueOfNonOriginatingMaterials()) {
                vnm = vnm.add(material.value());
            }
        }
        this.valueOfNonOriginatingMaterials = vnm;
    }

    public BillOfMaterials bom() {
        return bom;
    }

    public Good good() {
        return bom.good();
    }

    public List<Material> materials() {
        return bom.materials();
    }

    public LocalDate asOf() {
        return bom.asOf();
    }

    public RulePack pack() {
        return pack;
    }

    public RuleLookup lookup() {
        return lookup;
    }

    public Optional<ProductRule> rule() {
        return lookup instanceof RuleLookup.Found found ? Optional.of(found.rule()) : Optional.empty();
    }

    /** A rule was found and can be applied (it is not awaiting manual review). */
    public boolean hasProductRule() {
        return lookup instanceof RuleLookup.Found found && found.rule().isApplicable();
    }

    /** VNM under SOR/2020-155 s.7 and s.8: non-originating and unknown materials, by kind. */
    public BigDecimal valueOfNonOriginatingMaterials() {
        return valueOfNonOriginatingMaterials;
    }

    public BigDecimal deMinimisShare() {
        return pack.parameters().value(Parameters.DE_MINIMIS_SHARE, asOf());
    }

    public boolean isApparelOrMadeUpTextile() {
        int chapter = good().hsCode().chapterNumber();
        return chapter >= 61 && chapter <= 63;
    }
}
