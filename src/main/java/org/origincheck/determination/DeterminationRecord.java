package org.origincheck.determination;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.evaluation.Evaluation;

/**
 * A stored determination: the submission as received, the response as returned, and the columns an
 * officer filters on. Written once; the database refuses updates and deletes (see V1 migration).
 */
@Entity
@Table(name = "determination")
public class DeterminationRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public String reference;

    @Column(name = "part_number")
    public String partNumber;

    @Column(name = "hs_code", nullable = false)
    public String hsCode;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(nullable = false)
    public String status;

    @Column(name = "origin_criterion")
    public String originCriterion;

    @Column(name = "rule_pack_id", nullable = false)
    public String rulePackId;

    @Column(name = "rule_pack_version", nullable = false)
    public String rulePackVersion;

    @Column(name = "rule_pack_sha256", nullable = false)
    public String rulePackSha256;

    @Column(name = "product_rule_id")
    public String productRuleId;

    @Column(nullable = false, columnDefinition = "text")
    public String submission;

    @Column(nullable = false, columnDefinition = "text")
    public String response;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Column(name = "submitted_by")
    public String submittedBy;

    /** For a CSV submission, the query string that described the good, as received. */
    @Column(name = "submission_parameters")
    public String submissionParameters;

    @Column(name = "submission_media_type", nullable = false)
    public String submissionMediaType = "application/json";

    /** For a part under the automotive thresholds (SOR/2020-155 Part 6): its schedule, read when a vehicle names it as a core part's evidence. */
    @Column(name = "part_schedule")
    public String partSchedule;

    /** ... and the net-cost RVC that schedule required on the determination's date. */
    @Column(name = "part_net_cost_threshold")
    public java.math.BigDecimal partNetCostThreshold;

    /** A new determination of a bill of materials; its response is written by the caller before it is stored. */
    static DeterminationRecord of(UUID id, Instant createdAt, BillOfMaterials bom, Evaluation evaluation, DeterminationService.Received received,
                                  String tenant, String subject) {
        DeterminationRecord record = new DeterminationRecord();
        record.id = id;
        record.createdAt = createdAt;
        record.reference = evaluation.reference();
        record.partNumber = bom.good().partNumber();
        record.hsCode = bom.good().hsCode().digits();
        record.asOf = evaluation.asOf();
        record.status = evaluation.status().name();
        record.originCriterion = evaluation.originCriterion() == null ? null : evaluation.originCriterion().name();
        record.rulePackId = evaluation.rulePack().id();
        record.rulePackVersion = evaluation.rulePack().version();
        record.rulePackSha256 = evaluation.rulePack().sha256();
        record.productRuleId = evaluation.productRule() == null ? null : evaluation.productRule().id();
        record.submission = received.body();
        record.submissionMediaType = received.mediaType();
        record.submissionParameters = received.parameters();
        record.tenantId = tenant;
        record.submittedBy = subject;
        if (evaluation.automotive() != null && evaluation.automotive().thresholds() != null) {
            record.partSchedule = evaluation.automotive().thresholds().schedule();
            record.partNetCostThreshold = evaluation.automotive().thresholds().netCost();
        }
        return record;
    }

    /** The determination if it belongs to the tenant; another tenant's is not found, exactly like a missing one. */
    public static DeterminationRecord findInTenant(UUID id, String tenant) {
        return DeterminationRecord.<DeterminationRecord>find("id = ?1 and tenantId = ?2", id, tenant).firstResult();
    }

    /** The tenant's determinations with these ids, by id, in one query. */
    static java.util.Map<UUID, DeterminationRecord> findAllInTenant(java.util.Collection<UUID> ids, String tenant) {
        java.util.Map<UUID, DeterminationRecord> found = new java.util.HashMap<>();
        for (DeterminationRecord r : DeterminationRecord.<DeterminationRecord>list("id in ?1 and tenantId = ?2", ids, tenant)) {
            found.put(r.id, r);
        }
        return found;
    }
}
