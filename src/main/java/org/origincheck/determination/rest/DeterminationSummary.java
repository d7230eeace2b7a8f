package org.origincheck.determination.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.domain.rules.RulePackRef;

/** One row of the determinations list; the full determination is at its own URL. */
public record DeterminationSummary(UUID id, Instant createdAt, String reference, String partNumber, String hsCode,
                                   LocalDate asOf, String status, String originCriterion, RulePackRef rulePack) {

    public static DeterminationSummary of(DeterminationRecord r) {
        return new DeterminationSummary(r.id, r.createdAt, r.reference, r.partNumber, r.hsCode, r.asOf, r.status,
                r.originCriterion, new RulePackRef(r.rulePackId, r.rulePackVersion, r.rulePackSha256));
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DeterminationPage")
    public record Page(List<DeterminationSummary> items, int page, int size, long totalItems, int totalPages) {
    }
}
