package org.origincheck.rulepack;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.origincheck.domain.rules.RulePack;

/**
 * Loads and validates the configured rule packs at startup. A malformed pack stops startup with every
 * problem listed (file, line, reason); nothing is half-loaded. The rules engine (engine/) compiles the
 * packs' DRL from {@link #loaded()}; this registry does not know which engine runs them.
 */
@Startup
@ApplicationScoped
public class RulePackRegistry {

    private static final Logger LOG = Logger.getLogger(RulePackRegistry.class);

    private final List<RulePack> packs = new ArrayList<>();
    private final List<LoadedRulePack> loaded = new ArrayList<>();

    public RulePackRegistry(RulePackConfig config) {
        RulePackLoader loader = new RulePackLoader();
        for (String name : config.names()) {
            PackSource source = config.directory()
                    .map(dir -> PackSource.directory(Path.of(dir).resolve(name)))
                    .orElseGet(() -> PackSource.classpath("rules/" + name, RulePackRegistry.class.getClassLoader()));
            long start = System.nanoTime();
            LoadedRulePack pack = loader.load(source);
            loaded.add(pack);
            packs.add(pack.pack());
            LOG.infof("Loaded rule pack %s %s (sha256 %s, %d product rules) from %s in %d ms", pack.pack().id(), pack.pack().version(),
                    pack.pack().sha256(), pack.pack().productRules().all().size(), source.describe(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    public List<RulePack> all() {
        return List.copyOf(packs);
    }

    /** The pack with this id in force on the date; the newest version when several are. */
    public Optional<RulePack> inForce(String id, LocalDate asOf) {
        return packs.stream().filter(p -> p.id().equals(id) && p.inForceOn(asOf))
                .max(Comparator.comparing(RulePack::effectiveFrom).thenComparing(RulePack::version));
    }

    public boolean knows(String id) {
        return packs.stream().anyMatch(p -> p.id().equals(id));
    }

    /** The validated packs with their DRL, for the rules engine to compile. */
    public List<LoadedRulePack> loaded() {
        return List.copyOf(loaded);
    }
}
