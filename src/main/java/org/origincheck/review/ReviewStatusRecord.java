package org.origincheck.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The current review state of a determination: a projection of its events, updated in the same transaction. */
@Entity
@Table(name = "review_status")
public class ReviewStatusRecord extends PanacheEntityBase {

    @Id
    @Column(name = "determination_id")
    public UUID determinationId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(nullable = false)
    public String state;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Locked for the rest of the transaction, so two officers acting at once are applied one after the other. */
    public static ReviewStatusRecord lock(UUID determination, String tenant) {
        return ReviewStatusRecord.<ReviewStatusRecord>find("determinationId = ?1 and tenantId = ?2", determination, tenant)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
