package org.origincheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.logmanager.LogContext;

/**
 * Drools' log levels as the service sets them (application.properties: org.drools and org.kie at WARN), for code that
 * runs {@link DroolsOriginEngine} outside Quarkus (benchmarks, property tests). Outside Quarkus the JBoss LogManager
 * leaves TRACE on, and Drools then formats a trace line for every rule firing, with every fact's toString: half of the
 * benchmarked evaluation time before 2026-12-02 was that formatting, never spent by the service (docs/benchmarks.md).
 */
public final class DroolsLogLevels {

    /** Held, so that the levels outlive a collection of the loggers. */
    private static final List<Logger> QUIET = new ArrayList<>();

    private DroolsLogLevels() {
    }

    public static synchronized void asInTheService() {
        for (String category : new String[] {"org.drools", "org.kie"}) {
            Logger logger = LogContext.getLogContext().getLogger(category);
            logger.setLevel(Level.WARNING);
            QUIET.add(logger);
        }
    }
}
