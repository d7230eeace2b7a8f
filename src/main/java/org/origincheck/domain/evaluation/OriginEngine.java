package org.origincheck.domain.evaluation;

import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.rules.RulePack;

/** The port behind which the rules engine sits: the domain knows nothing of how the rules fire. */
public interface OriginEngine {

    Evaluation evaluate(BillOfMaterials bom, RulePack pack);
}
