package org.origincheck.determination;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.origincheck.domain.bom.OriginEvidence;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.supplier.SupplierDeclaration;
import org.origincheck.domain.supplier.SupplierDeclarations;

/**
 * Decides the origin of a material that points to evidence instead of stating it: a supplier's declaration
 * (materials[].supplierId) or a stored determination (materials[].determinationId). Evidence that is missing,
 * expired, revoked, pending review or made after the as-of date never makes a material originating: it is
 * UNKNOWN, which counts as non-originating (USMCA Art. 4.5), with a note naming what is missing. Whether a stored
 * determination's conclusion stood on the as-of date is asked of {@link SettledConclusions} (review/ answers it).
 */
@ApplicationScoped
public class MaterialEvidence {

    static final String DECLARATION_CITATION = "USMCA Art. 4.5 (materials of undetermined origin are non-originating); Art. 5.2 (certification of origin)";
    static final String DETERMINATION_CITATION = "USMCA Art. 4.2 and Art. 4.5 (an originating good used as a material is an originating material)";

    private final SupplierDeclarations declarations;
    private final SettledConclusions conclusions;

    public MaterialEvidence(SupplierDeclarations declarations, SettledConclusions conclusions) {
        this.declarations = declarations;
        this.conclusions = conclusions;
    }

    /** The origin of one material, the evidence that decided it, an HS code the evidence gives, and the declared item (if a declaration decided it). */
    public record Resolved(OriginStatus origin, OriginEvidence evidence, String hsCode, SupplierDeclaration.Item declared) {
    }

    /** The supplier's declaration for the part valid on {@code asOf}; without one the origin is UNKNOWN. */
    public Resolved fromDeclaration(String partNumber, String supplierId, LocalDate asOf, String tenant) {
        Optional<SupplierDeclaration> found = declarations.validFor(tenant, supplierId, partNumber, asOf);
        if (found.isEmpty()) {
            String message = "Supplier " + supplierId + " has no declaration for part " + partNumber + " valid on " + asOf
                    + " (none recorded, expired, or revoked): its origin is UNKNOWN and it counts as non-originating.";
            return new Resolved(OriginStatus.UNKNOWN, new OriginEvidence(OriginSource.DECLARATION, null, supplierId,
                    List.of(new OriginEvidence.Note(OriginEvidence.Kind.EVIDENCE, true, message, DECLARATION_CITATION, partNumber))), null, null);
        }
        SupplierDeclaration d = found.get();
        SupplierDeclaration.Item item = d.item(partNumber).orElseThrow();
        OriginStatus origin = item.origin() == SupplierDeclaration.Origin.ORIGINATING ? OriginStatus.ORIGINATING : OriginStatus.NON_ORIGINATING;
        String message = "Part " + partNumber + " is " + origin + " by the declaration " + d.id() + " of supplier " + supplierId
                + ", valid " + d.validFrom() + " to " + d.validTo() + ".";
        return new Resolved(origin, new OriginEvidence(OriginSource.DECLARATION, d.id(), supplierId,
                List.of(new OriginEvidence.Note(OriginEvidence.Kind.EVIDENCE, false, message, DECLARATION_CITATION, partNumber))), item.hsCode(), item);
    }

    /**
     * The conclusion that stood at the end of the as-of date (UTC): the review events up to then decide whether it was
     * settled (approved or overridden) and what it was (the engine's status, or the officer's override). Empty when the
     * tenant has no such determination. {@code label}: how the material is named in the note.
     */
    public Optional<Resolved> fromDetermination(String label, UUID determinationId, LocalDate asOf, String tenant) {
        DeterminationRecord record = DeterminationRecord.findInTenant(determinationId, tenant);
        if (record == null) {
            return Optional.empty();
        }
        String id = record.id.toString();
        Instant endOfAsOf = asOf.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String unknown = null;
        OriginStatus origin = OriginStatus.UNKNOWN;
        if (!record.createdAt.isBefore(endOfAsOf)) {
            unknown = "was made after " + asOf;
        } else {
            SettledConclusions.Standing standing = conclusions.standingAt(record, endOfAsOf);
            if (!standing.settled()) {
                unknown = "was " + (standing.state() == null ? "not reviewed" : standing.state()) + " on " + asOf
                        + ": only an approved or overridden conclusion is relied on";
            } else if ("ORIGINATING".equals(standing.conclusion())) {
                origin = OriginStatus.ORIGINATING;
            } else if ("NOT_ORIGINATING".equals(standing.conclusion())) {
                origin = OriginStatus.NON_ORIGINATING;
            } else {
                unknown = "concluded " + standing.conclusion();
            }
        }
        String message = unknown == null
                ? "Material " + label + " is " + origin + " by the stored determination " + id + ", as it stood after review on " + asOf + "."
                : "The stored determination " + id + " named by material " + label + " " + unknown + ": its origin is UNKNOWN and it counts as non-originating.";
        return Optional.of(new Resolved(origin, new OriginEvidence(OriginSource.DETERMINATION, id, null,
                List.of(new OriginEvidence.Note(OriginEvidence.Kind.EVIDENCE, unknown != null, message, DETERMINATION_CITATION, label))),
                org.origincheck.domain.hs.HsCode.format(record.hsCode), null));
    }
}
