package org.origincheck.bench;

import java.nio.file.Path;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.evaluation.ReferenceOriginEngine;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.engine.DroolsLogLevels;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The pack from rules/usmca and both engines, as every benchmark sets them up (outside the measured time), and the
 * check that they agree on the benchmark's BOM: engines that disagree are never compared.
 */
public record BenchEngines(RulePack pack, DroolsOriginEngine drools, ReferenceOriginEngine reference) {

    public enum Engine { DROOLS, REFERENCE }

    static BenchEngines load() {
        DroolsLogLevels.asInTheService();
        LoadedRulePack loaded = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        DroolsOriginEngine drools = new DroolsOriginEngine(BenchEngines.class.getClassLoader());
        drools.compile(loaded);
        return new BenchEngines(loaded.pack(), drools, new ReferenceOriginEngine());
    }

    /** Both engines' evaluation of {@code bom}, which must be equal; {@code what} names the BOM in the failure. */
    Evaluation agreed(BillOfMaterials bom, String what) {
        Evaluation byDrools = drools.evaluate(bom, pack);
        Evaluation byReference = reference.evaluate(bom, pack);
        if (!byDrools.equals(byReference)) {
            throw new IllegalStateException("the engines disagree on " + what + "; not benchmarking.\n  drools:    " + byDrools
                    + "\n  reference: " + byReference);
        }
        return byReference;
    }

    OriginEngine select(Engine engine) {
        return engine == Engine.DROOLS ? drools : reference;
    }
}
