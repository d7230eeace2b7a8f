package org.origincheck.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of POST /api/v1/determination-batches. The body is also held to origincheck.limits.max-body-bytes, as every
 * request is.
 */
@ConfigMapping(prefix = "origincheck.batches")
public interface BatchLimitsConfig {

    /** Most lines in one batch; more answer 413 and nothing is stored. */
    @WithDefault("1000")
    int maxLines();

    /** Longest line of a batch, in bytes (UTF-8); a longer line is answered with its own 413 problem, the others are determined. */
    @WithDefault("1048576")
    int maxLineBytes();
}
