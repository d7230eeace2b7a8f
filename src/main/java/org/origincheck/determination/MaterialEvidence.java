package org.origincheck.determination;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.origincheck.api.Problem;
import org.origincheck.determination.rest.MaterialInput;
import org.origincheck.domain.evaluation.MaterialOrigin;
import org.origincheck.domain.evaluation.OriginSource;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.evaluation.Outcome;
import org.origincheck.domain.evaluation.Reason;
import org.origincheck.domain.evaluation.ReasonCode;
import org.origincheck.domain.supplier.SupplierDeclaration;
import org.origincheck.review.ReviewService;
import org.origincheck.domain.supplier.SupplierDeclarations;

/**
 * Decides the origin of a material that points to evidence instead of stating it: a supplier's declaration
 * (materials[].supplierId) or a stored determination (materials[].determinationId). Evidence that is missing,
 * expired, revoked, pending review or made after the as-of date never makes a material originating: it is
 * UNKNOWN, which counts as non-originating (USMCA Art. 4.5), with a reason naming what is missing.
 */
@ApplicationScoped
public class MaterialEvidence {

    static final String DECLARATION_CITATION = "USMCA Art. 4.5 (materials of undetermined origin are non-originating); Art. 5.2 (certification of origin)";
    static final String DETERMINATION_CITATION = "USMCA Art. 4.2 and Art. 4.5 (an originating good used as a material is an originating material)";

    private final SupplierDeclarations declarations;
    private final ReviewService reviews;

    public MaterialEvidence(SupplierDeclarations declarations, ReviewService reviews) {
        this.declarations = declarations;
        this.reviews = reviews;
    }

    /** The origin of one material, how it was decided, the reason to report (null for a stated origin), and an HS code the evidence gives. */
    public record Resolved(MaterialOrigin origin, Reason reason, String hsCode, SupplierPartUse use, SupplierDeclaration.Item declared) {

        Resolved(MaterialOrigin origin, Reason reason, String hsCode, SupplierPartUse use) {
            this(origin, reason, hsCode, use, null);
        }
    }

    /** A supplier x part a determination named, and the declaration that decided it (null: none, or the origin was stated). */
    public record SupplierPartUse(String supplierId, String partNumber, String declarationId) {
    }

    /** Null when the material's input is wrong; the error is then in {@code errors}. */
    public Resolved resolve(int index, String field, MaterialInput m, LocalDate asOf, String tenant, List<Problem.FieldError> errors) {
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : field;
        if (m.determinationId() != null) {
            if (m.origin() != null || m.supplierId() != null) {
                errors.add(new Problem.FieldError(field + ".determinationId", "the stored determination decides the origin: leave origin and supplierId out"));
                return null;
            }
            return fromDetermination(index, field, label, m, asOf, tenant, errors);
        }
        if (m.supplierId() != null) {
            if (m.supplierId().isBlank()) {
                errors.add(new Problem.FieldError(field + ".supplierId", "may not be blank"));
                return null;
            }
            if (m.partNumber() == null || m.partNumber().isBlank()) {
                errors.add(new Problem.FieldError(field + ".partNumber", "is required with supplierId: a declaration covers part numbers"));
                return null;
            }
            if (m.origin() != null) {
                return new Resolved(new MaterialOrigin(index, m.partNumber(), m.origin(), OriginSource.STATED, null, m.supplierId()), null, null,
                        new SupplierPartUse(m.supplierId(), m.partNumber(), null));
            }
            return fromDeclaration(index, m, asOf, tenant);
        }
        if (m.origin() == null) {
            errors.add(new Problem.FieldError(field + ".origin", "is required: ORIGINATING, NON_ORIGINATING or UNKNOWN, or name the evidence "
                    + "(supplierId, determinationId)"));
            return null;
        }
        return new Resolved(new MaterialOrigin(index, m.partNumber(), m.origin(), OriginSource.STATED, null, null), null, null, null);
    }

    private Resolved fromDeclaration(int index, MaterialInput m, LocalDate asOf, String tenant) {
        Optional<SupplierDeclaration> found = declarations.validFor(tenant, m.supplierId(), m.partNumber(), asOf);
        if (found.isEmpty()) {
            String message = "Supplier " + m.supplierId() + " has no declaration for part " + m.partNumber() + " valid on " + asOf
                    + " (none recorded, expired, or revoked): its origin is UNKNOWN and it counts as non-originating.";
            return new Resolved(new MaterialOrigin(index, m.partNumber(), OriginStatus.UNKNOWN, OriginSource.DECLARATION, null, m.supplierId()),
                    new Reason(ReasonCode.MATERIAL_ORIGIN_EVIDENCE, Outcome.INSUFFICIENT_DATA, message, DECLARATION_CITATION, List.of(m.partNumber()), null),
                    null, new SupplierPartUse(m.supplierId(), m.partNumber(), null));
        }
        SupplierDeclaration d = found.get();
        SupplierDeclaration.Item item = d.item(m.partNumber()).orElseThrow();
        OriginStatus origin = item.origin() == SupplierDeclaration.Origin.ORIGINATING ? OriginStatus.ORIGINATING : OriginStatus.NON_ORIGINATING;
        String message = "Part " + m.partNumber() + " is " + origin + " by the declaration " + d.id() + " of supplier " + m.supplierId()
                + ", valid " + d.validFrom() + " to " + d.validTo() + ".";
        return new Resolved(new MaterialOrigin(index, m.partNumber(), origin, OriginSource.DECLARATION, d.id(), m.supplierId()),
                new Reason(ReasonCode.MATERIAL_ORIGIN_EVIDENCE, Outcome.INFO, message, DECLARATION_CITATION, List.of(m.partNumber()), null),
                item.hsCode(), new SupplierPartUse(m.supplierId(), m.partNumber(), d.id()), item);
    }

    /**
     * The conclusion that stood at the end of the as-of date (UTC): the review events up to then decide whether it was
     * settled (approved or overridden) and what it was (the engine's status, or the officer's override).
     */
    private Resolved fromDetermination(int index, String field, String label, MaterialInput m, LocalDate asOf, String tenant, List<Problem.FieldError> errors) {
        DeterminationRecord record = DeterminationRecord.findInTenant(m.determinationId(), tenant);
        if (record == null) {
            errors.add(new Problem.FieldError(field + ".determinationId", "no determination " + m.determinationId() + " is stored here"));
            return null;
        }
        String id = record.id.toString();
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String unknown = null;
        OriginStatus origin = OriginStatus.UNKNOWN;
        if (!record.createdAt.isBefore(endOfAsOf)) {
            unknown = "was made after " + asOf;
        } else {
            ReviewService.ReviewView review = reviews.view(record);
            String state = null;
            String conclusion = record.status;
            for (ReviewService.EventView e : review.events()) {
                if (e.at().isBefore(endOfAsOf)) {
                    state = e.toState();
                    if ("OVERRIDE".equals(e.action())) {
                        conclusion = e.overrideStatus();
                    }
                }
            }
            if (!"APPROVED".equals(state) && !"OVERRIDDEN".equals(state)) {
                unknown = "was " + (state == null ? "not reviewed" : state) + " on " + asOf + ": only an approved or overridden conclusion is relied on";
            } else if ("ORIGINATING".equals(conclusion)) {
                origin = OriginStatus.ORIGINATING;
            } else if ("NOT_ORIGINATING".equals(conclusion)) {
                origin = OriginStatus.NON_ORIGINATING;
            } else {
                unknown = "concluded " + conclusion;
            }
        }
        String message = unknown == null
                ? "Material " + label + " is " + origin + " by the stored determination " + id + ", as it stood after review on " + asOf + "."
                : "The stored determination " + id + " named by material " + label + " " + unknown + ": its origin is UNKNOWN and it counts as non-originating.";
        return new Resolved(new MaterialOrigin(index, m.partNumber(), origin, OriginSource.DETERMINATION, id, null),
                new Reason(ReasonCode.MATERIAL_ORIGIN_EVIDENCE, unknown == null ? Outcome.INFO : Outcome.INSUFFICIENT_DATA, message,
                        DETERMINATION_CITATION, List.of(label), null),
                org.origincheck.domain.hs.HsCode.format(record.hsCode), null);
    }
}
