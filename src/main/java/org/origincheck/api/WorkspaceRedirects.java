package org.origincheck.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A person who types the host name, or /workspace without the slash, lands on the workspace instead of a JSON 404.
 * Exact-path regular expressions: Vert.x would also match /workspace/ for a plain "/workspace" route, and the
 * workspace's own files (/workspace/...) must stay served as they are.
 */
@ApplicationScoped
public class WorkspaceRedirects {

    void register(@Observes Router router) {
        router.getWithRegex("/").handler(rc -> rc.redirect("/workspace/"));
        router.getWithRegex("/workspace").handler(rc -> rc.redirect("/workspace/"));
    }
}
