package org.origincheck.determination;

/**
 * Whether a failure says PostgreSQL cannot be reached: connection refused or reset (SQLState class 08), the server shutting
 * down (57P01-57P03), or no pooled connection within the acquisition timeout. Not the request's fault, and nothing was
 * stored: the edge answers 503 with Retry-After (api/ProblemMappers), and group commit stops trying the rows of a group
 * one by one when it sees it ({@link GroupCommit}).
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {
    }

    public static boolean test(Throwable e) {
        return test(e, 0);
    }

    // Causes and suppressed exceptions both: a commit that fails because the server went away is reported as a
    // RollbackException whose connection error is a suppressed XAException.
    private static boolean test(Throwable t, int depth) {
        if (t == null || depth > 12) {
            return false;
        }
        if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.net.ConnectException || t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                return true;
            }
        }
        String message = t.getMessage();
        if (message != null && (message.contains("Acquisition timeout") || message.contains("terminating connection")
                || message.contains("This connection has been closed") || message.contains("Connection refused"))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (test(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && test(t.getCause(), depth + 1);
    }
}
