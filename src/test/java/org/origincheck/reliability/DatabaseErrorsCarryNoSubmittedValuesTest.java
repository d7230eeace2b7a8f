package org.origincheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A failed write must not carry a submitter's figures into the logs. When a batched insert fails (a database restart
 * under load, a constraint), Hibernate and the transaction manager log the driver's exception at WARN; PostgreSQL's
 * driver puts the statement with every bound value, and the server's "Key (...)=(...)" detail, into that message
 * unless `logServerErrorDetail` is off. Stored submissions and responses hold costs and values, which this project
 * keeps out of logs (docs/security.md). Before the datasource property, this test found the value in the message.
 */
@QuarkusTest
class DatabaseErrorsCarryNoSubmittedValuesTest {

    private static final String SUBMITTED = "PART-4711 cost 1234.56";

    @Inject
    DataSource dataSource;

    @Test
    void shouldKeepBoundValuesOutOfTheMessagesOfAFailedBatch() throws Exception {
        Throwable failure;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table written_evidence (v text primary key) on commit drop");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into written_evidence (v) values (?)")) {
                insert.setString(1, SUBMITTED);
                insert.addBatch();
                insert.setString(1, SUBMITTED);
                insert.addBatch();
                failure = catchThrowable(insert::executeBatch);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        assertThat(failure).as("the second row repeats the key").isInstanceOf(SQLException.class);
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            if (t instanceof SQLException e && e.getNextException() != null) {
                messages.add(String.valueOf(e.getNextException().getMessage()));
            }
        }
        assertThat(messages).as("messages of the failure and its chained exceptions").isNotEmpty()
                .noneMatch(m -> m.contains("4711") || m.contains("1234.56"));
    }
}
