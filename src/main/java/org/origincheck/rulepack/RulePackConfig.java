package org.origincheck.rulepack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "origincheck.rule-packs")
public interface RulePackConfig {

    /** The packs to load, by folder name under {@code rules/}. */
    @WithDefault("usmca")
    List<String> names();

    /**
     * A folder holding the pack folders, to load packs from the file system instead of those shipped in
     * the application (e.g. to try a new pack without rebuilding).
     */
    Optional<String> directory();

    /**
     * Whether a bundled pack (no {@link #directory()}, no overlay) is read as it was loaded and validated during the build
     * ({@link BuildValidatedPack}) instead of from its YAML; false validates the YAML at every start (the dev profile).
     */
    @WithDefault("true")
    boolean validatedAtBuild();
}
