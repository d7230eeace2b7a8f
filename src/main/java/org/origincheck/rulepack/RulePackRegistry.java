package org.origincheck.rulepack;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.origincheck.domain.rules.RulePack;

/**
 * Loads and validates the configured rule packs at startup. A malformed pack stops startup with every
 * problem listed (file, line, reason); nothing is half-loaded. A bundled pack was loaded and validated during the build and is
 * read as it was then ({@link BuildValidatedPack}), after checking that the bundled files are those it was made from. The rules engine (engine/) compiles the
 * packs' DRL from {@link #loaded()}; this registry does not know which engine runs them.
 */
@Startup
@ApplicationScoped
public class RulePackRegistry {

    private static final Logger LOG = Logger.getLogger(RulePackRegistry.class);

    private final List<RulePack> packs = new ArrayList<>();
    private final List<LoadedRulePack> loaded = new ArrayList<>();

    /** The deployer's overlay folder (docs/rule-pack-overlay.md); environment variable ORIGINCHECK_RULE_PACK_OVERLAY. */
    public static final String OVERLAY_KEY = "origincheck.rule-pack.overlay";

    @jakarta.inject.Inject
    public RulePackRegistry(RulePackConfig config, @ConfigProperty(name = OVERLAY_KEY) Optional<String> overlay) {
        RulePackLoader loader = new RulePackLoader();
        Map<String, RulePackOverlay> overlays = overlay.filter(o -> !o.isBlank()).map(o -> overlays(Path.of(o), config.names())).orElse(Map.of());
        for (String name : config.names()) {
            PackSource source = config.directory()
                    .map(dir -> PackSource.directory(Path.of(dir).resolve(name)))
                    .orElseGet(() -> PackSource.classpath("rules/" + name, RulePackRegistry.class.getClassLoader()));
            long start = System.nanoTime();
            RulePackOverlay packOverlay = overlays.get(name);
            String how;
            LoadedRulePack pack;
            if (config.directory().isEmpty() && packOverlay == null && config.validatedAtBuild()) {
                BuildValidatedPack.Lookup built = BuildValidatedPack.read(name, source, RulePackRegistry.class.getClassLoader());
                pack = built.loaded().orElseGet(() -> loader.load(source, null));
                how = built.loaded().isPresent() ? built.detail() : "validated at startup: " + built.detail();
            } else {
                pack = loader.load(source, packOverlay);
                how = "validated at startup";
            }
            loaded.add(pack);
            packs.add(pack.pack());
            LOG.infof("Loaded rule pack %s %s (sha256 %s, %d product rules) from %s%s in %d ms, %s", pack.pack().id(), pack.pack().version(),
                    pack.pack().sha256(), pack.pack().productRules().all().size(), source.describe(),
                    packOverlay == null ? "" : " with the overlay " + packOverlay.folder() + " " + packOverlay.files(), (System.nanoTime() - start) / 1_000_000,
                    how);
            if (packOverlay != null) {
                pack.warnings().stream().filter(w -> w.startsWith(RulePackOverlay.PREFIX)).forEach(w -> LOG.info("Rule pack overlay: " + w));
            }
        }
    }

    /**
     * One overlay per pack, from the sub-folder named after it. Files directly in the overlay folder, or a sub-folder that names
     * no configured pack, would silently change nothing: both stop startup instead.
     */
    static Map<String, RulePackOverlay> overlays(Path root, List<String> packNames) {
        if (!java.nio.file.Files.isDirectory(root)) {
            throw new RulePackException("overlay " + root, List.of(root + " (" + OVERLAY_KEY + "): the rule pack overlay folder does not exist or is not a folder"));
        }
        List<String> problems = new ArrayList<>();
        Map<String, RulePackOverlay> out = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(root)) {
            for (Path entry : list.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (java.nio.file.Files.isDirectory(entry)) {
                    if (packNames.contains(name)) {
                        out.put(name, RulePackOverlay.directory(entry));
                    } else {
                        problems.add(entry + ": names no rule pack loaded (" + String.join(", ", packNames) + ")");
                    }
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    problems.add(entry + ": an overlay file belongs in the sub-folder of the pack it changes, e.g. " + root.resolve(packNames.get(0)).resolve(name));
                }
            }
        } catch (java.io.IOException e) {
            problems.add(root + ": the rule pack overlay folder cannot be read (" + e.getMessage() + ")");
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(root + ": holds no sub-folder named after a rule pack (" + String.join(", ", packNames) + ")");
        }
        if (!problems.isEmpty()) {
            throw new RulePackException("overlay " + root, problems);
        }
        return out;
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
