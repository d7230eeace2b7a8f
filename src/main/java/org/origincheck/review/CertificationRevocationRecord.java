package org.origincheck.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The end of a certification of origin: revoked, or replaced by {@code replacedBy}, with the reason; never changed (V11 trigger). */
@Entity
@Table(name = "certification_revocation")
public class CertificationRevocationRecord extends PanacheEntityBase {

    @Id
    @Column(name = "certification_id")
    public UUID certificationId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;
    @Column(name = "revoked_by", nullable = false)
    public String revokedBy;
    @Column(nullable = false, columnDefinition = "text")
    public String reason;
    @Column(name = "replaced_by")
    public UUID replacedBy;
}
