package org.origincheck.determination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.evaluation.DeterminationStatus;

/**
 * Reads stored determinations that a new submission relies on (a core part's own determination). The part's
 * status is the conclusion that stands after review, or INSUFFICIENT_DATA while none does.
 */
@ApplicationScoped
public class StoredDeterminations {

    private final SettledConclusions conclusions;
    private final ObjectMapper mapper;

    public StoredDeterminations(SettledConclusions conclusions, ObjectMapper mapper) {
        this.conclusions = conclusions;
        this.mapper = mapper;
    }

    /** Empty when the tenant has no determination with this id. */
    public Optional<AutomotiveFacts.StoredDetermination> forCorePart(UUID id, String tenant) {
        DeterminationRecord record = DeterminationRecord.findInTenant(id, tenant);
        if (record == null) {
            return Optional.empty();
        }
        // The part's schedule and net cost are recorded only in the stored response (no columns of their own).
        JsonNode thresholds = readTree(record.response).path("automotive").path("thresholds");
        String status = conclusions.settled(record).orElse(DeterminationStatus.INSUFFICIENT_DATA).name();
        return Optional.of(new AutomotiveFacts.StoredDetermination(record.id.toString(), status, record.hsCode, record.asOf,
                thresholds.hasNonNull("schedule") ? thresholds.get("schedule").asText() : null,
                thresholds.hasNonNull("netCost") ? thresholds.get("netCost").decimalValue() : null));
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored response is not JSON", e);
        }
    }
}
