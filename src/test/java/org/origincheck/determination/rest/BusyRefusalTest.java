package org.origincheck.determination.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationRefused;

/** A submission refused for lack of room to evaluate is the caller's to retry: 503 with Retry-After, not a 500. */
class BusyRefusalTest {

    @Test
    void shouldAnswer503WithRetryAfter() {
        DeterminationRefused busy = DeterminationRefused.busy(
                "other large bills of materials are being evaluated; nothing was stored");
        Response response = new DeterminationProblems().refused(busy);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(DeterminationRefused.BUSY_RETRY_AFTER_SECONDS);
        Problem problem = DeterminationProblems.problem(busy);
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("nothing was stored");
    }
}
