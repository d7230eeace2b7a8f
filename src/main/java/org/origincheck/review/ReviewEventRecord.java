package org.origincheck.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One review event: append-only (the database refuses updates and deletes, V3). */
@Entity
@Table(name = "review_event")
public class ReviewEventRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "determination_id", nullable = false)
    public UUID determinationId;
    @Column(nullable = false)
    public int seq;
    @Column(nullable = false)
    public String action;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state", nullable = false)
    public String toState;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public Instant at;
    public String justification;
    @Column(name = "override_status")
    public String overrideStatus;
    @Column(name = "override_criterion")
    public String overrideCriterion;

    public static List<ReviewEventRecord> timeline(UUID determination, String tenant) {
        return ReviewEventRecord.<ReviewEventRecord>find("determinationId = ?1 and tenantId = ?2 order by seq", determination, tenant).list();
    }
}
