package org.origincheck.determination;

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

    public StoredDeterminations(SettledConclusions conclusions) {
        this.conclusions = conclusions;
    }

    /** Empty when the tenant has no determination with this id. */
    public Optional<AutomotiveFacts.StoredDetermination> forCorePart(UUID id, String tenant) {
        DeterminationRecord record = DeterminationRecord.findInTenant(id, tenant);
        if (record == null) {
            return Optional.empty();
        }
        String status = conclusions.settled(record).orElse(DeterminationStatus.INSUFFICIENT_DATA).name();
        return Optional.of(new AutomotiveFacts.StoredDetermination(record.id.toString(), status, record.hsCode, record.asOf,
                record.partSchedule, record.partNetCostThreshold));
    }
}
