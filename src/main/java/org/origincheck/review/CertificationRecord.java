package org.origincheck.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A certification of origin as issued (its JSON), linked to its determination; never changed (V3 trigger). */
@Entity
@Table(name = "certification")
public class CertificationRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "determination_id", nullable = false)
    public UUID determinationId;
    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;
    @Column(name = "issued_by", nullable = false)
    public String issuedBy;
    @Column(nullable = false, columnDefinition = "text")
    public String content;
}
