package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is a 503 with Retry-After, never a 500: the failures PostgreSQL's driver,
 * the Agroal pool and Hibernate raise when the server restarts, as they reach the exception mapper.
 */
class DatabaseOutageMappingTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void shouldAnswer503WithRetryAfterWhenTheDatabaseCannotBeReached() {
        for (Throwable outage : new Throwable[] {
                new RuntimeException(new SQLException("Connection to localhost:5432 refused", "08001")),
                new IllegalStateException(new SQLException("terminating connection due to administrator command", "57P01")),
                new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection")),
                new RuntimeException(new java.sql.SQLTransientConnectionException("pool exhausted")),
                new RuntimeException(new java.net.ConnectException("Connection refused")),
                rollbackWithSuppressedConnectionError()}) {
            Response response = mappers.unexpected(outage);
            assertThat(response.getStatus()).as(String.valueOf(outage)).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
            assertThat(response.getEntity().toString()).contains("nothing was stored");
        }
    }

    /** What Narayana raises when the commit itself loses the server (seen in DatabaseRestartTest). */
    private static Throwable rollbackWithSuppressedConnectionError() {
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new javax.transaction.xa.XAException(
                "Error trying to transactionCommit local transaction: FATAL: terminating connection due to administrator command"));
        return new IllegalStateException(rollback);
    }

    @Test
    void shouldStillAnswer500ForAFailureThatIsNotTheDatabases() {
        Response response = mappers.unexpected(new RuntimeException(new SQLException("duplicate key value", "23505")));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getEntity().toString()).contains("incident");
    }
}
