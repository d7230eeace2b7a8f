package org.origincheck.domain.evaluation;

import java.util.List;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.rules.RulePack;

/** The port behind which the rules engine sits: the domain knows nothing of how the rules fire. */
public interface OriginEngine {

    Evaluation evaluate(BillOfMaterials bom, RulePack pack);

    /**
     * Each bill of materials evaluated on its own, answers in the same order: the same answers as {@link #evaluate} one by one.
     * For the intermediate materials of one level of a multi-level BOM (hundreds of small evaluations), where an engine with a
     * fixed cost per evaluation (a rules session) can pay it once.
     */
    default List<Evaluation> evaluateAll(List<BillOfMaterials> boms, RulePack pack) {
        List<Evaluation> out = new java.util.ArrayList<>(boms.size());
        for (BillOfMaterials bom : boms) {
            out.add(evaluate(bom, pack));
        }
        return out;
    }
}
