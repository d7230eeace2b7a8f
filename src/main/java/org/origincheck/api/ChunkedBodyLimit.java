package org.origincheck.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.origincheck.config.LimitsConfig;

/**
 * The body limit on bytes actually read (issue 14, finding 2). BodySizeFilter answers a declared Content-Length over
 * the limit with a problem document; a chunked body declares none, so the HTTP layer's reader must stop it. That
 * reader takes its limit per request from the routing context (the key Quarkus's own handler sets from
 * quarkus.http.limits.max-body-size, which stays higher as the last line): here it is lowered to
 * origincheck.limits.max-body-bytes, so a chunked body over the limit is refused with 413 after that many bytes.
 * AttackFindingsTest.shouldRefuseAChunkedBodyOverTheLimit fails if a Quarkus upgrade changes the key.
 */
@ApplicationScoped
public class ChunkedBodyLimit {

    static final String QUARKUS_REQUEST_LIMIT_KEY = "io.quarkus.max-request-size";

    void register(@Observes Filters filters, LimitsConfig limits) {
        long max = limits.maxBodyBytes();
        // Low priority: runs after Quarkus's own limit handler has put the configured (higher) value.
        filters.register(context -> {
            context.put(QUARKUS_REQUEST_LIMIT_KEY, max);
            context.next();
        }, 1);
    }
}
