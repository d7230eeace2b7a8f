package org.origincheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.origincheck.config.LimitsConfig;
import org.origincheck.determination.DeterminationRefused;

/**
 * Problem documents for the refusals the HTTP layer used to write with an empty body (issue 14, finding 7):
 * 414 (request target too long), 431 (headers too large) and 413 (body too large, declared or sent chunked).
 * Vert.x answers these itself, before any route and without a hook to give them a body, when its own limits are
 * passed; so those limits (quarkus.http.limits.max-initial-line-length, max-header-size, max-body-size) are set
 * higher as the last line, and the service's limits are enforced here, on the first route, where the answer can
 * be a problem. A body sent with Transfer-Encoding: chunked declares no length: for a caller that a write endpoint of the path admits
 * (WriteRoles) it is read here, up to the limit,
 * by Vert.x's BodyHandler (the REST layer then uses what was read), and one byte more is a 413 problem. A body that
 * declares a Content-Length of at most origincheck.http.buffered-body-bytes is read here too, for the same callers only:
 * the resource then does not wait on its worker thread for the event loop to hand the body over (issue 19). A larger body, or
 * one sent chunked, is read only when there is room for it among the large bodies being handled (LargeBodies,
 * origincheck.limits.large-body-bytes-at-once): several of the largest legal bodies at once ran the heap out of memory.
 */
@ApplicationScoped
public class EdgeLimits {

    private final LimitsConfig limits;
    private final ObjectMapper json;
    /** Longest request target (path and query string); quarkus.http.limits.max-initial-line-length stays higher. */
    private final int maxUriLength;
    /** Largest header block (names and values); quarkus.http.limits.max-header-size stays higher. */
    private final int maxHeaderBytes;
    /** A body that declares at most this many bytes is read here for an admitted caller (origincheck.http.buffered-body-bytes). */
    private final long bufferedBodyBytes;
    /** Room for the larger bodies read and handled at once (origincheck.limits.large-body-bytes-at-once). */
    private final LargeBodies largeBodies;
    private final java.util.concurrent.atomic.AtomicInteger waitsTimed = new java.util.concurrent.atomic.AtomicInteger();

    public EdgeLimits(LimitsConfig limits, ObjectMapper json,
                      @ConfigProperty(name = "origincheck.limits.max-uri-length", defaultValue = "4096") int maxUriLength,
                      @ConfigProperty(name = "origincheck.limits.max-header-bytes", defaultValue = "20480") int maxHeaderBytes,
                      @ConfigProperty(name = "origincheck.http.buffered-body-bytes", defaultValue = "65536") long bufferedBodyBytes) {
        this.limits = limits;
        this.json = json;
        this.maxUriLength = maxUriLength;
        this.maxHeaderBytes = maxHeaderBytes;
        this.bufferedBodyBytes = bufferedBodyBytes;
        this.largeBodies = new LargeBodies(limits.largeBodyBytesAtOnce());
    }

    void register(@Observes Router router) {
        // Preallocated to a declared length (a small body, below); a chunked body grows its buffer as it arrives.
        BodyHandler chunkedReader = BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()).setPreallocateBodyBuffer(true);
        // Before Quarkus's own body-size check (ROUTE_ORDER_UPLOAD_LIMIT), which answers without a body.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.uri().length() > maxUriLength) {
                refuse(context, 414, "URI Too Long", "the request target (path and query) is longer than " + maxUriLength
                        + " characters (origincheck.limits.max-uri-length)");
                return;
            }
            long headerBytes = 0;
            for (Map.Entry<String, String> header : request.headers()) {
                headerBytes += header.getKey().length() + header.getValue().length() + 4;
            }
            if (headerBytes > maxHeaderBytes) {
                refuse(context, 431, "Request Header Fields Too Large", "the request headers are larger than " + maxHeaderBytes
                        + " bytes (origincheck.limits.max-header-bytes)");
                return;
            }
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                long declared;
                try {
                    declared = Long.parseLong(length.trim());
                } catch (NumberFormatException e) {
                    refuse(context, 400, "Bad Request", "Content-Length is not a number");
                    return;
                }
                if (declared > limits.maxBodyBytes()) {
                    refuse(context, 413, "Content Too Large", "the body is over the limit: at most " + limits.maxBodyBytes()
                            + " bytes are accepted (origincheck.limits.max-body-bytes)");
                    return;
                }
                if (declared > 0 && declared <= bufferedBodyBytes && request.version() != HttpVersion.HTTP_2 && !form(request)
                        && admitted(context)) {
                    // Read here, on the event loop, as the chunked body below: the resource's worker thread then finds it read.
                    // Left to the REST layer, a blocking resource method reads its body on the worker thread, which waits
                    // for the event loop to hand over each part and the end; that hand-over was 8-16% of a single
                    // determination's CPU samples (issue 19, docs/benchmarks.md). Not over HTTP/2 (e.g. Java's HttpClient
                    // upgrading to h2c): the REST layer pauses every request it starts, and Vert.x refuses to pause an
                    // HTTP/2 request already read (500, MissingContentTypeTest).
                    chunkedReader.handle(context);
                    return;
                }
                if (declared > bufferedBodyBytes && admitted(context)) {
                    // Left to the REST layer, which reads it once there is room for it (LargeBodies).
                    whenRoomFor(context, declared, context::next);
                    return;
                }
            } else if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null && !form(request) && admitted(context)) {
                // Its length is known only once read: counted at the largest a body may be.
                whenRoomFor(context, limits.maxBodyBytes(), () -> chunkedReader.handle(context));
                return;
            }
            context.next();
        }).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, 413, "Content Too Large", "the body is over the limit: at most " + limits.maxBodyBytes()
                        + " bytes are accepted (origincheck.limits.max-body-bytes)");
            } else if (context.failure() != null && ProblemMappers.clientGone(context.failure())) {
                // A body read here whose client left mid-way: as the REST layer answers it (ProblemMappers), not Quarkus'
                // ERROR and 500 (security review 2026-12-05, third part, finding 15).
                Problem left = ProblemMappers.clientLeft(context.failure());
                if (!context.response().headWritten()) {
                    refuse(context, left.status(), left.title(), left.detail());
                }
            } else {
                context.next();
            }
        });
    }

    /**
     * A form body (multipart or URL-encoded) is not read here: Vert.x's BodyHandler decodes a form itself, with Netty's
     * decoder, whose refusals (a field too long) reached the client as a 400 in Quarkus' own JSON with a stack trace, not a
     * problem document (GeneratedInputTest failed so, issue 19, branch i19v). No endpoint takes a form: the REST layer
     * answers 415 before it reads one.
     */
    private static boolean form(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String lower = type.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    /**
     * Whether the proactive authentication (which runs before this route and refuses a bad token itself) found a caller.
     * Only then is a chunked body read here: read for a caller without a token, up to 16 MiB were kept in memory before
     * the REST layer answered 401, and forty such requests at once ran a 512 MB heap out of memory (security review
     * 2026-12-05, finding 5). Without a caller the REST layer refuses before it reads the body; a route that lets an
     * anonymous caller in reads it itself, under the per-request limit that ChunkedBodyLimit lowers to the same size.
     * Nor is it read for a caller that no write endpoint of the path admits (WriteRoles): a token without the role had the
     * body read, up to the limit, before the REST layer's 403 (security review 2026-12-05, left open; fixed in its
     * second part). The REST layer checks the role before it reads.
     */
    private boolean admitted(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && writeRoles().admits(context.request().method().name(), context.request().path(), user.getSecurityIdentity());
    }

    private volatile WriteRoles writeRoles;

    /** Read from the resources once, on the first chunked body (every bean exists by then). */
    private WriteRoles writeRoles() {
        WriteRoles roles = writeRoles;
        if (roles == null) {
            roles = WriteRoles.ofRunningApplication();
            writeRoles = roles;
        }
        return roles;
    }

    /**
     * Goes on with the request once its body fits in the room for large bodies (LargeBodies), in order of arrival; until
     * then its body is not read (Quarkus pauses every request until a handler reads it), so a waiting request holds a
     * connection, not memory. Refused with 503 and Retry-After, nothing read or stored, when the wait is longer than
     * origincheck.limits.evaluation-wait-seconds. The room is given back when the request ends, however it ends (answered,
     * refused later, or its client gone).
     */
    private void whenRoomFor(RoutingContext context, long bytes, Runnable proceed) {
        io.vertx.core.Vertx vertx = context.vertx();
        io.vertx.core.Context eventLoop = vertx.getOrCreateContext();
        // The wait's timer, cancelled as soon as the request goes on or ends: left to fire, it kept the request (its context,
        // and with it the body and the answer) reachable for the whole wait after the request was over, and the largest
        // bodies that had waited ran the heap out of memory one after the other (bench/http.sh ONLY=big BIG_DESCRIPTION=210).
        // Read and written on this event loop only.
        long[] timer = {-1};
        LargeBodies.Claim claim = largeBodies.claim(bytes, () -> eventLoop.runOnContext(ignored -> {
            stopWaiting(vertx, timer[0]);
            proceed.run();
        }));
        context.addEndHandler(ignored -> {
            claim.end();
            stopWaiting(vertx, timer[0]);
        });
        if (claim.admittedNow()) {
            proceed.run();
            return;
        }
        waitsTimed.incrementAndGet();
        timer[0] = vertx.setTimer(TimeUnit.SECONDS.toMillis(limits.evaluationWaitSeconds()), ignored -> {
            waitsTimed.decrementAndGet();
            if (claim.withdraw() && !context.response().headWritten()) {
                context.response().putHeader("Retry-After", DeterminationRefused.BUSY_RETRY_AFTER_SECONDS);
                refuse(context, 503, "Service Unavailable", "other large request bodies are being handled"
                        + " (origincheck.limits.large-body-bytes-at-once); this one was not read and nothing was stored;"
                        + " send the same request (with its Idempotency-Key) again after Retry-After");
            }
        });
    }

    private void stopWaiting(io.vertx.core.Vertx vertx, long timer) {
        if (timer != -1 && vertx.cancelTimer(timer)) {
            waitsTimed.decrementAndGet();
        }
    }

    /** Waits for room whose timer is still set (for tests: none once every waiting request has gone on or ended). */
    int waitsTimed() {
        return waitsTimed.get();
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, title, detail));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // The rest of an oversized request is not read: the connection is not reused.
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}
