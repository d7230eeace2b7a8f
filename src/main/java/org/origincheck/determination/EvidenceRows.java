package org.origincheck.determination;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.origincheck.determination.DeterminationWriter.Prepared;
import org.origincheck.domain.supplier.SupplierDeclarations;

/**
 * The one way determinations are written as evidence (a lone request, a group of concurrent requests, a part of a
 * batch): every row of every determination in ONE statement, whatever their number. Each column goes as an array that
 * PostgreSQL unnests; data-modifying common table expressions insert the determinations, the review each opens (the
 * policy's event, seq 1, and the review status), the Idempotency-Keys and the supplier parts. One statement is one
 * round trip and is atomic on its own: either every row of every determination in it is stored, or none is (a key a
 * concurrent request took, a constraint, the database gone). The foreign keys are checked at the end of the statement,
 * so the rows referring to a determination may be inserted beside it.
 *
 * <p>The rows are those Hibernate's entity persistence wrote before issue 19 (StoredEvidenceRowsTest compares them):
 * the same columns and values, the text of the submission and response as given, timestamps as the instants of the
 * record (already cut to the microsecond), the date and the numeric threshold as their ISO and plain text. Reads stay on
 * the JPA entities.
 */
final class EvidenceRows {

    private EvidenceRows() {
    }

    static final String INSERT = """
            with r as (
                select * from unnest(?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::numeric[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[])
                    as r (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion,
                          rule_pack_id, rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by, submission_parameters,
                          submission_media_type, part_schedule, part_net_cost_threshold, review_event_id, review_action, review_state, review_actor, review_reason, idempotency_key,
                          request_sha256)
            ), determinations as (
                insert into determination (id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                                           rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by,
                                           submission_parameters, submission_media_type, part_schedule, part_net_cost_threshold)
                select id, created_at, reference, part_number, hs_code, as_of, status, origin_criterion, rule_pack_id,
                       rule_pack_version, rule_pack_sha256, product_rule_id, submission, response, tenant_id, submitted_by,
                       submission_parameters, submission_media_type, part_schedule, part_net_cost_threshold
                from r
            ), review_events as (
                insert into review_event (id, tenant_id, determination_id, seq, action, from_state, to_state, actor, at, justification,
                                          override_status, override_criterion)
                select review_event_id, tenant_id, id, 1, review_action, null, review_state, review_actor, created_at, review_reason, null, null
                from r
            ), review_statuses as (
                insert into review_status (determination_id, tenant_id, state, updated_at)
                select id, tenant_id, review_state, created_at from r
            ), idempotency_keys as (
                insert into idempotency_key (tenant_id, idempotency_key, request_sha256, determination_id, created_at)
                select tenant_id, idempotency_key, request_sha256, id, created_at from r where idempotency_key is not null
            )
            insert into determination_supplier_part (determination_id, tenant_id, supplier_id, part_number, declaration_id)
            select u.determination_id, u.tenant_id, u.supplier_id, u.part_number, u.declaration_id
            from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::uuid[]) as u (determination_id, tenant_id, supplier_id, part_number, declaration_id)
            """;

    /** Writes every row of {@code rows} with one statement on {@code connection} (in its transaction, or as its own). */
    static void insert(Connection connection, List<Prepared> rows) throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] createdAt = new String[n];
        String[] reference = new String[n];
        String[] partNumber = new String[n];
        String[] hsCode = new String[n];
        String[] asOf = new String[n];
        String[] status = new String[n];
        String[] criterion = new String[n];
        String[] packId = new String[n];
        String[] packVersion = new String[n];
        String[] packSha256 = new String[n];
        String[] productRule = new String[n];
        String[] submission = new String[n];
        String[] response = new String[n];
        String[] tenant = new String[n];
        String[] submittedBy = new String[n];
        String[] parameters = new String[n];
        String[] mediaType = new String[n];
        String[] schedule = new String[n];
        String[] threshold = new String[n];
        UUID[] eventId = new UUID[n];
        String[] action = new String[n];
        String[] state = new String[n];
        String[] actor = new String[n];
        String[] reason = new String[n];
        String[] key = new String[n];
        String[] requestSha256 = new String[n];
        int parts = 0;
        for (int i = 0; i < n; i++) {
            Prepared p = rows.get(i);
            DeterminationRecord d = p.record();
            ids[i] = d.id;
            createdAt[i] = d.createdAt.toString(); // ISO-8601 in UTC, to the microsecond the record holds
            reference[i] = d.reference;
            partNumber[i] = d.partNumber;
            hsCode[i] = d.hsCode;
            asOf[i] = d.asOf.toString();
            status[i] = d.status;
            criterion[i] = d.originCriterion;
            packId[i] = d.rulePackId;
            packVersion[i] = d.rulePackVersion;
            packSha256[i] = d.rulePackSha256;
            productRule[i] = d.productRuleId;
            submission[i] = d.submission;
            response[i] = d.response;
            tenant[i] = d.tenantId;
            submittedBy[i] = d.submittedBy;
            parameters[i] = d.submissionParameters;
            mediaType[i] = d.submissionMediaType;
            schedule[i] = d.partSchedule;
            BigDecimal t = d.partNetCostThreshold;
            threshold[i] = t == null ? null : t.toPlainString();
            ReviewOpening.Opened review = p.review();
            eventId[i] = review.eventId();
            action[i] = review.action();
            state[i] = review.state();
            actor[i] = review.actor();
            reason[i] = review.reason();
            key[i] = p.idempotencyKey();
            requestSha256[i] = p.idempotencyKey() == null ? null : p.requestSha256();
            parts += p.supplierParts().size();
        }
        UUID[] partDetermination = new UUID[parts];
        String[] partTenant = new String[parts];
        String[] supplier = new String[parts];
        String[] part = new String[parts];
        UUID[] declaration = new UUID[parts];
        int j = 0;
        for (Prepared p : rows) {
            for (SupplierDeclarations.Use use : p.supplierParts()) {
                partDetermination[j] = p.record().id;
                partTenant[j] = p.record().tenantId;
                supplier[j] = use.supplierId();
                part[j] = use.partNumber();
                declaration[j] = use.declarationId() == null ? null : UUID.fromString(use.declarationId());
                j++;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 1;
            insert.setArray(i++, connection.createArrayOf("uuid", ids));
            insert.setArray(i++, connection.createArrayOf("text", createdAt));
            insert.setArray(i++, connection.createArrayOf("text", reference));
            insert.setArray(i++, connection.createArrayOf("text", partNumber));
            insert.setArray(i++, connection.createArrayOf("text", hsCode));
            insert.setArray(i++, connection.createArrayOf("text", asOf));
            insert.setArray(i++, connection.createArrayOf("text", status));
            insert.setArray(i++, connection.createArrayOf("text", criterion));
            insert.setArray(i++, connection.createArrayOf("text", packId));
            insert.setArray(i++, connection.createArrayOf("text", packVersion));
            insert.setArray(i++, connection.createArrayOf("text", packSha256));
            insert.setArray(i++, connection.createArrayOf("text", productRule));
            insert.setArray(i++, connection.createArrayOf("text", submission));
            insert.setArray(i++, connection.createArrayOf("text", response));
            insert.setArray(i++, connection.createArrayOf("text", tenant));
            insert.setArray(i++, connection.createArrayOf("text", submittedBy));
            insert.setArray(i++, connection.createArrayOf("text", parameters));
            insert.setArray(i++, connection.createArrayOf("text", mediaType));
            insert.setArray(i++, connection.createArrayOf("text", schedule));
            insert.setArray(i++, connection.createArrayOf("text", threshold));
            insert.setArray(i++, connection.createArrayOf("uuid", eventId));
            insert.setArray(i++, connection.createArrayOf("text", action));
            insert.setArray(i++, connection.createArrayOf("text", state));
            insert.setArray(i++, connection.createArrayOf("text", actor));
            insert.setArray(i++, connection.createArrayOf("text", reason));
            insert.setArray(i++, connection.createArrayOf("text", key));
            insert.setArray(i++, connection.createArrayOf("text", requestSha256));
            insert.setArray(i++, connection.createArrayOf("uuid", partDetermination));
            insert.setArray(i++, connection.createArrayOf("text", partTenant));
            insert.setArray(i++, connection.createArrayOf("text", supplier));
            insert.setArray(i++, connection.createArrayOf("text", part));
            insert.setArray(i, connection.createArrayOf("uuid", declaration));
            insert.executeUpdate();
        }
    }
}
