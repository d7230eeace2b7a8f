package org.origincheck.supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.domain.supplier.SupplierDeclaration;
import org.origincheck.domain.supplier.SupplierDeclarations;

/**
 * Stores, finds and revokes supplier declarations, per tenant. A declaration is written once (with one row per part
 * for the look-up) and never changed; a revocation is a row of its own. The status is computed on reading.
 */
@ApplicationScoped
public class SupplierDeclarationService implements SupplierDeclarations {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public SupplierDeclarationService(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public record Filter(String supplierId, String partNumber, LocalDate validOn, SupplierDeclaration.Status status) {
    }

    public record Page(List<SupplierDeclaration> items, int page, int size, long total) {
    }

    /** A supplier x part used by stored determinations without a declaration valid on the date, and those determinations. */
    public record Gap(String supplierId, String partNumber, List<String> determinations) {
    }

    /** Stores the declarations (already checked) in one transaction: all or none. */
    public List<SupplierDeclaration> record(String tenant, String actor, List<SupplierDeclaration> drafts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<SupplierDeclaration> stored = new ArrayList<>();
            for (SupplierDeclaration draft : drafts) {
                SupplierDeclaration d = new SupplierDeclaration(UUID.randomUUID().toString(), draft.supplier(), draft.items(), draft.validFrom(),
                        draft.validTo(), draft.certifier(), draft.issuedAt(), now, actor, null);
                em.createNativeQuery("insert into supplier_declaration (id, tenant_id, supplier_id, valid_from, valid_to, recorded_at, recorded_by, content) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                        .setParameter(1, UUID.fromString(d.id())).setParameter(2, tenant).setParameter(3, d.supplier().id())
                        .setParameter(4, d.validFrom()).setParameter(5, d.validTo()).setParameter(6, Timestamp.from(now))
                        .setParameter(7, actor).setParameter(8, write(d)).executeUpdate();
                for (SupplierDeclaration.Item item : d.items()) {
                    em.createNativeQuery("insert into supplier_declaration_item (declaration_id, tenant_id, supplier_id, part_number) values (?1, ?2, ?3, ?4)")
                            .setParameter(1, UUID.fromString(d.id())).setParameter(2, tenant).setParameter(3, d.supplier().id())
                            .setParameter(4, item.partNumber()).executeUpdate();
                }
                stored.add(d);
            }
            return stored;
        });
    }

    public SupplierDeclaration find(UUID id, String tenant) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<SupplierDeclaration> found = select("d.id = ?1 and d.tenant_id = ?2", List.of(id, tenant), "", 1, 0);
            if (found.isEmpty()) {
                throw ApiException.notFound("no supplier declaration " + id);
            }
            return found.get(0);
        });
    }

    /** Newest recorded first. Status and validOn are evaluated by the database from the period and the revocation. */
    public Page list(String tenant, Filter filter, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            StringBuilder where = new StringBuilder("d.tenant_id = ?1");
            List<Object> params = new ArrayList<>(List.of(tenant));
            if (filter.supplierId() != null) {
                params.add(filter.supplierId());
                where.append(" and d.supplier_id = ?").append(params.size());
            }
            if (filter.partNumber() != null) {
                params.add(filter.partNumber());
                where.append(" and exists (select 1 from supplier_declaration_item i where i.declaration_id = d.id and i.part_number = ?")
                        .append(params.size()).append(')');
            }
            if (filter.validOn() != null) {
                params.add(filter.validOn());
                int p = params.size();
                where.append(" and r.declaration_id is null and d.valid_from <= ?").append(p).append(" and d.valid_to >= ?").append(p);
            }
            if (filter.status() == SupplierDeclaration.Status.REVOKED) {
                where.append(" and r.declaration_id is not null");
            } else if (filter.status() != null) {
                params.add(today());
                where.append(" and r.declaration_id is null and d.valid_to ")
                        .append(filter.status() == SupplierDeclaration.Status.EXPIRED ? "< ?" : ">= ?").append(params.size());
            }
            Query count = em.createNativeQuery("select count(*) from supplier_declaration d left join supplier_declaration_revocation r on r.declaration_id = d.id where " + where);
            for (int i = 0; i < params.size(); i++) {
                count.setParameter(i + 1, params.get(i));
            }
            long total = ((Number) count.getSingleResult()).longValue();
            return new Page(select(where.toString(), params, " order by d.recorded_at desc, d.id desc", size, page * size), page, size, total);
        });
    }

    @Override
    public Optional<SupplierDeclaration> validFor(String tenant, String supplierId, String partNumber, LocalDate date) {
        return QuarkusTransaction.joiningExisting().call(() -> select(
                "d.tenant_id = ?1 and d.supplier_id = ?2 and r.declaration_id is null and d.valid_from <= ?4 and d.valid_to >= ?4 "
                        + "and exists (select 1 from supplier_declaration_item i where i.declaration_id = d.id and i.part_number = ?3)",
                List.of(tenant, supplierId, partNumber, date), " order by d.recorded_at desc, d.id desc", 1, 0).stream().findFirst());
    }

    /** Records the revocation; a declaration is revoked once (409 after that). Returns it as revoked. */
    public SupplierDeclaration revoke(UUID id, String tenant, String actor, String reason) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Lock the declaration so two revocations cannot race; the row itself is never changed.
            List<?> locked = em.createNativeQuery("select id from supplier_declaration where id = ?1 and tenant_id = ?2 for update")
                    .setParameter(1, id).setParameter(2, tenant).getResultList();
            if (locked.isEmpty()) {
                throw ApiException.notFound("no supplier declaration " + id);
            }
            SupplierDeclaration declaration = find(id, tenant);
            if (declaration.revocation() != null) {
                String detail = "the declaration was already revoked on " + declaration.revocation().revokedAt() + ": a revocation is recorded once";
                throw new ApiException(new Problem("https://origincheck.org/problems/already-revoked", "Already revoked", 409, detail, null,
                        List.of(new Problem.FieldError("id", detail))));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            em.createNativeQuery("insert into supplier_declaration_revocation (declaration_id, tenant_id, revoked_at, revoked_by, reason) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id).setParameter(2, tenant).setParameter(3, Timestamp.from(now)).setParameter(4, actor)
                    .setParameter(5, reason).executeUpdate();
            return declaration.revoked(new SupplierDeclaration.Revocation(now, actor, reason));
        });
    }

    /** The stored determinations (ids, oldest first) that took a material's origin from this declaration. */
    public List<String> determinationsUsing(UUID declarationId, String tenant) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<?> rows = em.createNativeQuery("select u.determination_id from determination_supplier_part u join determination d on d.id = u.determination_id "
                            + "where u.declaration_id = ?1 and u.tenant_id = ?2 order by d.created_at, d.id")
                    .setParameter(1, declarationId).setParameter(2, tenant).getResultList();
            return rows.stream().map(Object::toString).distinct().toList();
        });
    }

    /** One page of gaps and how many there are in all (supplier x part pairs). */
    public record GapPage(List<Gap> items, int page, int size, long total) {
    }

    /**
     * Supplier x part pairs that stored determinations named (materials[].supplierId) with no declaration valid on
     * {@code asOf}: the requests to send to suppliers, a page at a time in the order of supplier id, then part number
     * (the pair is unique, so pages never overlap). Each pair lists the determinations that used it, oldest first.
     * {@code supplierId}, when given, keeps that supplier's pairs only.
     */
    public GapPage gaps(String tenant, LocalDate asOf, String supplierId, int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Query count = em.createNativeQuery("select count(*) from (select 1 from determination_supplier_part u where " + GAP
                    + (supplierId == null ? "" : " and u.supplier_id = :supplier") + " group by u.supplier_id, u.part_number) g")
                    .setParameter("tenant", tenant).setParameter("asOf", asOf);
            if (supplierId != null) {
                count.setParameter("supplier", supplierId);
            }
            long total = ((Number) count.getSingleResult()).longValue();
            return new GapPage(gapsOfPairs(tenant, asOf, supplierId, null, (long) page * size, size), page, size, total);
        });
    }

    /**
     * Every gap on {@code asOf}, in the order of {@link #gaps(String, LocalDate, String, int, int)}, handed to {@code each}
     * a chunk at a time: each chunk is read in a short transaction of its own, after the last pair of the one before
     * (keyset), so a slow reader of the CSV holds no transaction or connection between chunks, and the heap one chunk.
     */
    public void eachGap(String tenant, LocalDate asOf, String supplierId, int chunk, java.util.function.Consumer<List<Gap>> each) {
        Gap last = null;
        while (true) {
            Gap after = last;
            List<Gap> found = QuarkusTransaction.requiringNew().call(() -> gapsOfPairs(tenant, asOf, supplierId, after, 0, chunk));
            if (!found.isEmpty()) {
                each.accept(found);
            }
            if (found.size() < chunk) {
                return;
            }
            last = found.get(found.size() - 1);
        }
    }

    // A pair is a gap when no declaration of its supplier covering its part is valid (not revoked, within its period) on the date.
    private static final String GAP = "u.tenant_id = :tenant and not exists ("
            + " select 1 from supplier_declaration d join supplier_declaration_item i on i.declaration_id = d.id"
            + " left join supplier_declaration_revocation r on r.declaration_id = d.id"
            + " where d.tenant_id = :tenant and d.supplier_id = u.supplier_id and i.part_number = u.part_number"
            + " and r.declaration_id is null and d.valid_from <= :asOf and d.valid_to >= :asOf)";

    /** Gaps in pair order (of one supplier if given, after the pair {@code after} if given), from {@code offset}, each with its determinations. */
    private List<Gap> gapsOfPairs(String tenant, LocalDate asOf, String supplierId, Gap after, long offset, int limit) {
        Query query = em.createNativeQuery("with pair as (select u.supplier_id, u.part_number from determination_supplier_part u where " + GAP
                        + (supplierId == null ? "" : " and u.supplier_id = :supplier")
                        + (after == null ? "" : " and (u.supplier_id, u.part_number) > (:afterSupplier, :afterPart)")
                        + " group by u.supplier_id, u.part_number order by u.supplier_id, u.part_number limit :limit offset :offset)"
                        + " select p.supplier_id, p.part_number, u.determination_id from pair p"
                        + " join determination_supplier_part u on u.tenant_id = :tenant and u.supplier_id = p.supplier_id and u.part_number = p.part_number"
                        + " join determination det on det.id = u.determination_id"
                        + " order by p.supplier_id, p.part_number, det.created_at, det.id")
                .setParameter("tenant", tenant).setParameter("asOf", asOf).setParameter("limit", limit).setParameter("offset", offset);
        if (supplierId != null) {
            query.setParameter("supplier", supplierId);
        }
        if (after != null) {
            query.setParameter("afterSupplier", after.supplierId()).setParameter("afterPart", after.partNumber());
        }
        Map<List<String>, List<String>> found = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            found.computeIfAbsent(List.of(r[0].toString(), r[1].toString()), k -> new ArrayList<>()).add(r[2].toString());
        }
        List<Gap> gaps = new ArrayList<>(found.size());
        found.forEach((pair, determinations) -> gaps.add(new Gap(pair.get(0), pair.get(1), determinations)));
        return gaps;
    }

    private List<SupplierDeclaration> select(String where, List<Object> params, String order, int limit, int offset) {
        Query query = em.createNativeQuery("select d.content, r.revoked_at, r.revoked_by, r.reason from supplier_declaration d "
                + "left join supplier_declaration_revocation r on r.declaration_id = d.id where " + where + order);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        query.setMaxResults(limit).setFirstResult(offset);
        List<SupplierDeclaration> out = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            SupplierDeclaration d = read(r[0].toString());
            if (r[1] != null) {
                Instant at = r[1] instanceof Timestamp t ? t.toInstant() : r[1] instanceof Instant i ? i
                        : ((java.time.OffsetDateTime) r[1]).toInstant();
                d = d.revoked(new SupplierDeclaration.Revocation(at, r[2].toString(), r[3].toString()));
            }
            out.add(d);
        }
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private String write(SupplierDeclaration d) {
        try {
            return mapper.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SupplierDeclaration read(String json) {
        try {
            return mapper.readValue(json, SupplierDeclaration.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
