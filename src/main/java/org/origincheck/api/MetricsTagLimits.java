package org.origincheck.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Keeps the {@code uri} tag of the HTTP server metrics bounded (issue 14, finding 8). Quarkus tags a request with its
 * route template when one matched, and 404s as NOT_FOUND; but a request refused before or without a route (400 from a
 * pre-matching filter, 405, 413/414/431 from the HTTP layer) carries its raw path, so junk paths sent without a token
 * became tags and filled Micrometer's 100-tag cap, after which real endpoints went unrecorded. A metric cannot tell a
 * raw path from a template, so every 4xx is counted under one uri value, still split by method and status; 2xx, 3xx
 * and 5xx keep their route template. OPTIONS is answered 200 on any path, with no route (the 100,000-request generated run
 * found it filling the cap): every OPTIONS is counted under one uri value too.
 */
public class MetricsTagLimits {

    /** The uri tag value of every request answered with a 4xx. */
    public static final String CLIENT_ERROR = "CLIENT_ERROR";

    /** The uri tag value of every OPTIONS request. */
    public static final String ANY_PATH_OPTIONS = "OPTIONS_ANY_PATH";

    @Produces
    @Singleton
    MeterFilter refusedRequestsUnderOneUri() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server") || id.getTag("uri") == null) {
                    return id;
                }
                String uri = isClientError(id.getTag("status")) ? CLIENT_ERROR : "OPTIONS".equals(id.getTag("method")) ? ANY_PATH_OPTIONS : null;
                if (uri == null) {
                    return id;
                }
                List<Tag> tags = id.getTags().stream().map(t -> "uri".equals(t.getKey()) ? Tag.of("uri", uri) : t).toList();
                return id.replaceTags(tags);
            }
        };
    }

    private static boolean isClientError(String status) {
        return status != null && status.length() == 3 && status.charAt(0) == '4';
    }
}
