package org.origincheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "origincheck.limits")
public interface LimitsConfig {

    /** Largest request body accepted, in bytes; larger ones answer 413. */
    @WithDefault("16777216")
    long maxBodyBytes();

    /** Most materials in one submission; more answer 400. A vehicle has thousands of parts, not tens of thousands. */
    @WithDefault("50000")
    int maxMaterials();

    /** Most levels of a multi-level BOM (materials[].components[]), the good's own materials being level 1; deeper answers 400. */
    @WithDefault("10")
    int maxBomDepth();

    /**
     * Materials (over all levels) in evaluation at once; an evaluation waits in order of arrival until its materials fit
     * (one larger than this runs alone). Sized for a 256 MB heap: one submission at max-materials at a time.
     */
    @WithDefault("50000")
    int materialsInEvaluation();

    /** How long an evaluation waits for room before it is answered 503 with Retry-After, nothing stored. */
    @WithDefault("60")
    long evaluationWaitSeconds();
}
