package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * What {@link ProblemMappers} takes for a client that left, on the exceptions the service met. A streamed CSV whose client left
 * while Quarkus' output stream waited for Vert.x's write queue to drain failed with "Connection has been closed" under two
 * "Failed to write" IOExceptions, and was logged as an unexpected ERROR with an incident id (ClientDisconnectTest, the
 * scenario run's CSV, before api/StreamedAnswer; this test failed before ProblemMappers knew that message).
 */
class ClientGoneTest {

    @Test
    void aStreamedAnswerWhoseConnectionClosedWhileWaitingToWriteIsAClientThatLeft() {
        IOException quarkus = new IOException(new IOException("Failed to write", new IOException("Connection has been closed")));
        assertThat(ProblemMappers.clientGone(new UncheckedIOException(quarkus))).isTrue();
    }

    @Test
    void aStreamedAnswerStoppedByStreamedAnswerIsAClientThatLeft() {
        assertThat(ProblemMappers.clientGone(new UncheckedIOException(new java.nio.channels.ClosedChannelException()))).isTrue();
    }

    @Test
    void aDatabaseConnectionThatClosedIsNot() {
        java.sql.SQLException database = new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006",
                new IOException("Connection has been closed"));
        assertThat(ProblemMappers.clientGone(new IllegalStateException(database))).isFalse();
        assertThat(ProblemMappers.clientGone(new IOException("Failed to write"))).isFalse();
    }
}
