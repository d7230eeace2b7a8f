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

    /**
     * Bytes of the request bodies larger than origincheck.http.buffered-body-bytes (one sent chunked counted at
     * max-body-bytes, its length being unknown) that are read and handled at once; more wait in order of arrival, up to
     * evaluation-wait-seconds, before their body is read (api/LargeBodies). Sized for a 256 MB heap: one body at
     * max-body-bytes at a time; smaller requests are not counted.
     */
    @WithDefault("16777216")
    long largeBodyBytesAtOnce();

    /**
     * How long an evaluation waits for room, and a large body for room to be read (large-body-bytes-at-once), before it is
     * answered 503 with Retry-After, nothing stored.
     */
    @WithDefault("60")
    long evaluationWaitSeconds();
}
