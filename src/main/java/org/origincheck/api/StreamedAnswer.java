package org.origincheck.api;

import io.vertx.core.http.HttpServerResponse;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;

/**
 * The body of an answer written as it is read from the database (the CSV exports, a chunk per transaction), which stops
 * once its client has gone. Vert.x drops writes to a closed connection without a word unless its write queue is full, so a
 * client that left after the first lines of an export of 100,000 lines still had every chunk queried and written for no one
 * (ClientDisconnectTest). The next write after the connection closed fails as a closed channel instead, which ends the
 * export between two chunks and which {@link ProblemMappers} logs as a client that left (DEBUG, not a server error).
 */
public final class StreamedAnswer extends FilterOutputStream {

    private final HttpServerResponse response;

    private StreamedAnswer(OutputStream body, HttpServerResponse response) {
        super(body);
        this.response = response;
    }

    /** {@code body}, the stream JAX-RS gives a StreamingOutput, failing once {@code response}'s connection has closed. */
    public static OutputStream of(OutputStream body, HttpServerResponse response) {
        return new StreamedAnswer(body, response);
    }

    @Override
    public void write(int b) throws IOException {
        clientStillThere();
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        clientStillThere();
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        clientStillThere();
        out.flush();
    }

    private void clientStillThere() throws IOException {
        if (response.closed()) {
            throw new ClosedChannelException();
        }
    }
}
