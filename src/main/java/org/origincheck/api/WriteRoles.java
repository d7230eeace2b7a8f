package org.origincheck.api;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which callers a path that takes a body admits, read from the resources' own annotations (@Path, @POST/@PUT/@PATCH/
 * @DELETE, @RolesAllowed), so it cannot drift from the REST layer's check. EdgeLimits reads a chunked body only for a
 * caller some write endpoint of that path admits: a caller with a token but without the role used to have up to the
 * body limit read before the REST layer's 403 (security review 2026-12-05, left open). A path that matches nothing here
 * is not read at the edge either; the REST layer, which refuses before it reads, then decides.
 */
public final class WriteRoles {

    /** One write endpoint: its method, its path as a pattern, and the roles it allows (null: any authenticated caller). */
    record Endpoint(String method, Pattern path, Set<String> roles) {
    }

    private final List<Endpoint> endpoints;

    WriteRoles(List<Endpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** The write endpoints of every resource bean of the running application. */
    static WriteRoles ofRunningApplication() {
        List<Class<?>> resources = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                resources.add(bean.getBeanClass());
            }
        }
        return of(resources);
    }

    static WriteRoles of(Collection<Class<?>> resources) {
        List<Endpoint> found = new ArrayList<>();
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            RolesAllowed classRoles = resource.getAnnotation(RolesAllowed.class);
            for (Method m : resource.getMethods()) {
                String method = m.isAnnotationPresent(POST.class) ? "POST" : m.isAnnotationPresent(PUT.class) ? "PUT"
                        : m.isAnnotationPresent(PATCH.class) ? "PATCH" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (method == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class) : classRoles;
                found.add(new Endpoint(method, template(base, sub == null ? "" : sub.value()), roles == null ? null : Set.of(roles.value())));
            }
        }
        return new WriteRoles(found);
    }

    /**
     * Whether some write endpoint for this method and path admits the identity. False when none matches: the body is then
     * left to the REST layer, which answers 403, 404 or 405 before reading it.
     */
    public boolean admits(String method, String path, SecurityIdentity identity) {
        for (Endpoint e : endpoints) {
            if (e.method().equals(method) && e.path().matcher(path).matches()
                    && (e.roles() == null || e.roles().stream().anyMatch(identity::hasRole))) {
                return true;
            }
        }
        return false;
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w+\\s*(?::\\s*([^}]+))?}");

    /** A JAX-RS path template as a pattern: {name} is one segment, {name: regex} its regex, the rest literal. */
    static Pattern template(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(path);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
            regex.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).trim() + ")");
            last = m.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
