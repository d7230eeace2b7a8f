package org.origincheck.determination;

import java.util.UUID;

/**
 * A request for the audit-file PDF of one stored determination of a tenant (GET /api/v1/determinations/{id} with
 * Accept: application/pdf). The determination path only names it; the writer in org.origincheck.audit, which also
 * reads the review timeline and the certifications, renders it, so that determination/ does not depend on review/.
 */
public record AuditFile(UUID determinationId, String tenant) {

    public static final String MEDIA_TYPE = "application/pdf";
}
