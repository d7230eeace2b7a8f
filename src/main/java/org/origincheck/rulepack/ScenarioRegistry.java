package org.origincheck.rulepack;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.Scenario;

/**
 * The scenario packs of the loaded rule packs, validated at startup like the packs (a malformed scenario stops startup
 * with its file and the reason), and their overlay on every loaded version of their base pack. The packs themselves are
 * never changed: an overlay is a separate pack with its own digest.
 */
@Startup
@ApplicationScoped
public class ScenarioRegistry {

    private static final Logger LOG = Logger.getLogger(ScenarioRegistry.class);

    private final Map<String, Scenario> byId = new LinkedHashMap<>();
    private final Map<String, RulePack> overlays = new HashMap<>();
    private final Map<String, String> baseOfOverlay = new LinkedHashMap<>();

    public ScenarioRegistry(RulePackConfig config, RulePackRegistry packs) {
        ScenarioLoader loader = new ScenarioLoader();
        for (String name : config.names()) {
            PackSource source = config.directory()
                    .map(dir -> PackSource.directory(Path.of(dir).resolve(name)))
                    .orElseGet(() -> PackSource.classpath("rules/" + name, ScenarioRegistry.class.getClassLoader()));
            List<RulePack> versions = packs.all().stream().filter(p -> p.id().equals(name)).toList();
            if (versions.isEmpty()) {
                continue;
            }
            // Validated against the newest version; each loaded version gets its overlay.
            for (Scenario scenario : loader.load(source, versions.get(versions.size() - 1))) {
                if (byId.putIfAbsent(scenario.id(), scenario) != null) {
                    throw new RulePackException(name + " scenarios", List.of(scenario.file() + ": id '" + scenario.id() + "' is used by another pack's scenario"));
                }
                for (RulePack base : versions) {
                    String sha = RulePackLoader.sha256(Map.of("base", base.sha256().getBytes(StandardCharsets.US_ASCII),
                            "scenario", scenario.digest().getBytes(StandardCharsets.US_ASCII)));
                    try {
                        overlays.put(key(scenario.id(), base.sha256()), scenario.overlay(base, sha));
                    } catch (RuntimeException e) {
                        throw new RulePackException(name + " scenarios", List.of(scenario.file() + ": cannot be applied to " + base.id() + " "
                                + base.version() + ": " + e.getMessage()));
                    }
                    baseOfOverlay.put(sha, base.sha256());
                }
                LOG.infof("Loaded scenario %s (%s) on rule pack %s", scenario.id(), scenario.label(), name);
            }
        }
    }

    public List<Scenario> all() {
        return new ArrayList<>(byId.values());
    }

    public Optional<Scenario> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The scenario applied to this version of its base pack. */
    public RulePack overlay(Scenario scenario, RulePack base) {
        RulePack overlay = overlays.get(key(scenario.id(), base.sha256()));
        if (overlay == null) {
            throw new IllegalStateException("scenario " + scenario.id() + " has no overlay on " + base.id() + " " + base.version());
        }
        return overlay;
    }

    /** Overlay digest -> the digest of the pack it overlays: the engine runs an overlay with its base pack's compiled rules. */
    public Map<String, String> baseOfOverlay() {
        return Map.copyOf(baseOfOverlay);
    }

    private static String key(String scenario, String baseSha) {
        return scenario + "\u0000" + baseSha;
    }
}
