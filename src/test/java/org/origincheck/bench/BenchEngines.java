package org.origincheck.bench;

import java.nio.file.Path;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.domain.evaluation.ReferenceOriginEngine;
import org.origincheck.domain.rules.RulePack;
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

    private static final java.util.List<java.util.logging.Logger> QUIET = new java.util.ArrayList<>();

    static BenchEngines load() {
        // As the service runs Drools (application.properties: org.drools and org.kie at WARN). Outside Quarkus the
        // JBoss LogManager leaves TRACE on, and Drools then formats a trace line for every rule firing, with every
        // fact's toString: half of the measured time in the runs before 2026-12-02 was that formatting, never spent
        // in production (JFR, docs/benchmarks.md).
        for (String category : new String[] {"org.drools", "org.kie"}) {
            java.util.logging.Logger logger = org.jboss.logmanager.LogContext.getLogContext().getLogger(category);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIET.add(logger); // held, so that the level outlives a collection of the logger
        }
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
