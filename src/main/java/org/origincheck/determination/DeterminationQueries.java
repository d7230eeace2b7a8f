package org.origincheck.determination;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.origincheck.domain.evaluation.DeterminationStatus;

/** The stored determinations an officer lists and filters, always within one tenant. */
@ApplicationScoped
public class DeterminationQueries {

    /** Filters combine with AND; null means "any". {@code from}/{@code to}: UTC dates on createdAt, both inclusive. */
    public record Filter(String partNumber, DeterminationStatus status, String hsCodePrefix, LocalDate from, LocalDate to) {
    }

    public record Found(List<DeterminationRecord> items, long total) {
    }

    /** Newest first. */
    public Found list(String tenant, Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        where.add("tenantId = :tenant");
        params.and("tenant", tenant);
        if (filter.partNumber() != null && !filter.partNumber().isBlank()) {
            where.add("partNumber = :partNumber");
            params.and("partNumber", filter.partNumber());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status().name());
        }
        if (filter.hsCodePrefix() != null) {
            where.add("hsCode like :hs");
            params.and("hs", filter.hsCodePrefix() + "%");
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", filter.from().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.add("createdAt < :to");
            params.and("to", filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        var found = DeterminationRecord.<DeterminationRecord>find(String.join(" and ", where), Sort.descending("createdAt", "id"), params);
        found.page(Page.of(page, size));
        return new Found(found.list(), found.count());
    }
}
