package org.origincheck.engine;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.origincheck.domain.evaluation.CorrelatingHsEditions;
import org.origincheck.domain.evaluation.DecidingOverUnknownFacts;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * The application's {@link OriginEngine}: the Drools adapter (wrapped in {@link DecidingOverUnknownFacts}, and that in
 * {@link CorrelatingHsEditions}), with every pack
 * the registry loaded compiled at startup, so a DRL that does not compile stops the service before it answers; a bundled
 * pack's DRL was compiled during the build ({@link PrebuiltExecutableModel}; {@code origincheck.engine.prebuilt-model=false}
 * compiles it at startup instead). Everything else injects the
 * port; only this package names the adapter.
 */
public class OriginEngineProducer {

    private static final Logger LOG = Logger.getLogger(OriginEngineProducer.class);

    @Produces
    @Singleton
    @Startup
    OriginEngine originEngine(RulePackRegistry registry, org.origincheck.rulepack.ScenarioRegistry scenarios,
            @ConfigProperty(name = "origincheck.engine.prebuilt-model", defaultValue = "true") boolean prebuiltModel) {
        DroolsOriginEngine engine = new DroolsOriginEngine(OriginEngineProducer.class.getClassLoader(), prebuiltModel);
        for (LoadedRulePack pack : registry.loaded()) {
            long start = System.nanoTime();
            String how = engine.compile(pack);
            LOG.infof("Rules of %s %s ready in %d ms, %s", pack.pack().id(), pack.pack().version(), (System.nanoTime() - start) / 1_000_000, how);
        }
        scenarios.baseOfOverlay().forEach(engine::alias);
        // Unknown facts with a few values are tried in the domain, around the adapter, exactly as around the reference engine;
        // around both, a code of the HS edition the rule text is not written in is read as its counterparts.
        return new CorrelatingHsEditions(new DecidingOverUnknownFacts(engine));
    }
}
