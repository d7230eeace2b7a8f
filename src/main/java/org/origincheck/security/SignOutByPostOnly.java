package org.origincheck.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;

/**
 * Signing out of the workspace takes a POST from the workspace's own pages. quarkus-oidc ends the session on any request
 * to its logout path (/workspace/sign-out), so a plain GET did it, and an {@code <img src>} on any site could sign an
 * officer out (security review 2026-12-05, logout CSRF). This filter runs before authentication, where quarkus-oidc
 * handles the logout, and lets only a same-origin POST reach it:
 * <ul>
 * <li>GET or HEAD: 405 with {@code Allow: POST} and a page holding a sign-out button (a bookmark still works, with a click);</li>
 * <li>a POST whose {@code Origin} is another origin (or "null"), or that the browser marks as cross-site
 * ({@code Sec-Fetch-Site}): 403. Browsers send Origin with every POST they make for a page, so another site cannot make
 * one without it; a client that is not a browser sends none and holds no session cookie of an officer;</li>
 * <li>any other method: 405.</li>
 * </ul>
 * The session cookie's SameSite=Lax (quarkus-oidc's default) already keeps it off a cross-site POST; the Origin check
 * does not depend on that setting. The API itself never reads the cookie (docs/identity.md).
 */
@ApplicationScoped
public class SignOutByPostOnly {

    public static final String PATH = "/workspace/sign-out";

    static final String PAGE = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign out - OriginCheck</title>"
            + "<link rel=\"stylesheet\" href=\"/workspace/style.css\"></head><body><main><h1>Sign out</h1>"
            + "<p>Signing out takes a click: a link elsewhere cannot sign you out.</p>"
            + "<form method=\"post\" action=\"/workspace/sign-out\"><button type=\"submit\" id=\"sign-out\">Sign out</button></form>"
            + "<p><a href=\"/workspace/index.html\">Back to the workspace</a></p></main></body></html>";

    void register(@Observes Filters filters) {
        // Above AUTHENTICATION (200), where quarkus-oidc would end the session, and below CORS (300).
        filters.register(this::handle, SecurityHandlerPriorities.AUTHENTICATION + 50);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!PATH.equals(request.path())) {
            context.next();
            return;
        }
        HttpMethod method = request.method();
        if (HttpMethod.POST.equals(method)) {
            if (sameOrigin(request)) {
                context.next();
            } else {
                context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                        .end("Sign-out is accepted only from the workspace's own pages.");
            }
            return;
        }
        context.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST").putHeader("Cache-Control", "no-store");
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(HttpMethod.HEAD.equals(method) ? "" : PAGE);
        } else {
            context.response().end();
        }
    }

    /** The Origin, when the browser sent one, names this host (as the browser reached it), and the browser does not call it cross-site. */
    static boolean sameOrigin(HttpServerRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeader(HttpHeaders.HOST);
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host) || (uri.getPort() < 0 && defaultPortOf(uri.getScheme(), host, uri.getHost()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** "https://a.example" against a Host header "a.example:443" (a client may name the default port). */
    private static boolean defaultPortOf(String scheme, String host, String originHost) {
        String port = "https".equalsIgnoreCase(scheme) ? "443" : "http".equalsIgnoreCase(scheme) ? "80" : null;
        return port != null && host.equalsIgnoreCase(originHost + ":" + port);
    }
}
