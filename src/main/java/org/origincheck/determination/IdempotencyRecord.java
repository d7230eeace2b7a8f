package org.origincheck.determination;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An Idempotency-Key already used by a tenant, the SHA-256 of the request it came with, and the determination it made. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    public String tenantId;

    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_sha256", nullable = false)
    public String requestSha256;

    @Column(name = "determination_id", nullable = false)
    public UUID determinationId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static IdempotencyRecord find(String tenant, String key) {
        return IdempotencyRecord.<IdempotencyRecord>find("tenantId = ?1 and idempotencyKey = ?2", tenant, key).firstResult();
    }

    /** The tenant's records of these keys, by key, in one query. */
    static java.util.Map<String, IdempotencyRecord> findAll(String tenant, java.util.Collection<String> keys) {
        java.util.Map<String, IdempotencyRecord> found = new java.util.HashMap<>();
        for (IdempotencyRecord r : IdempotencyRecord.<IdempotencyRecord>list("tenantId = ?1 and idempotencyKey in ?2", tenant, keys)) {
            found.put(r.idempotencyKey, r);
        }
        return found;
    }

    public static class Key implements Serializable {
        public String tenantId;
        public String idempotencyKey;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(tenantId, k.tenantId) && Objects.equals(idempotencyKey, k.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, idempotencyKey);
        }
    }
}
