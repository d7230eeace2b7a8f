package org.origincheck.engine;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.origincheck.domain.evaluation.DecidingOverUnknownFacts;
import org.origincheck.domain.evaluation.OriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.RulePackRegistry;

/**
 * The application's {@link OriginEngine}: the Drools adapter (wrapped in {@link DecidingOverUnknownFacts}), with every pack
 * the registry loaded compiled at startup, so a DRL that does not compile stops the service before it answers. Everything else injects the
 * port; only this package names the adapter.
 */
public class OriginEngineProducer {

    private static final Logger LOG = Logger.getLogger(OriginEngineProducer.class);

    @Produces
    @Singleton
    @Startup
    OriginEngine originEngine(RulePackRegistry registry, org.origincheck.rulepack.ScenarioRegistry scenarios) {
        DroolsOriginEngine engine = new DroolsOriginEngine(OriginEngineProducer.class.getClassLoader());
        for (LoadedRulePack pack : registry.loaded()) {
            long start = System.nanoTime();
            engine.compile(pack);
            LOG.infof("Compiled the rules of %s %s in %d ms", pack.pack().id(), pack.pack().version(), (System.nanoTime() - start) / 1_000_000);
        }
        scenarios.baseOfOverlay().forEach(engine::alias);
        // Unknown facts with a few values are tried in the domain, around the adapter, exactly as around the reference engine.
        return new DecidingOverUnknownFacts(engine);
    }
}
