package org.origincheck.determination.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.origincheck.api.Identifiers;
import org.origincheck.api.Problem;
import org.origincheck.config.LimitsConfig;
import org.origincheck.determination.MaterialEvidence;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.IntermediateMaterial;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginEvidence;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.supplier.SupplierDeclaration;

/**
 * The materials of a submission, at every level, as domain materials: a material that points to evidence gets the origin
 * the evidence gives ({@link MaterialEvidence}), a material with components becomes an intermediate material carrying them
 * (evaluated later, by the service, under its own rule), and a declared non-originating value is kept for accumulation.
 * The checks that need the whole tree (depth, total size, which fields go together) add their errors with the field path.
 */
@ApplicationScoped
public class MaterialTreeMapper {

    static final String ACCUMULATION_CITATION = "USMCA Art. 4.11; SOR/2020-155 s.9(1)-(3), s.9(7)(c)";

    private final LimitsConfig limits;
    private final MaterialEvidence evidence;

    public MaterialTreeMapper(LimitsConfig limits, MaterialEvidence evidence) {
        this.limits = limits;
        this.evidence = evidence;
    }

    /** Depth and total size of a multi-level BOM, checked before anything is resolved. */
    public void checkTree(List<MaterialInput> top, List<Problem.FieldError> errors) {
        long total = 0;
        record Pending(List<MaterialInput> inputs, String field, int depth) {
        }
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        pending.add(new Pending(top, "materials", 1));
        while (!pending.isEmpty()) {
            Pending next = pending.poll();
            if (next.depth() > limits.maxBomDepth()) {
                errors.add(new Problem.FieldError(next.field(), "a bill of materials has at most " + limits.maxBomDepth()
                        + " levels (origincheck.limits.max-bom-depth)"));
                return;
            }
            total += next.inputs().size();
            if (total > limits.maxMaterials()) {
                if (next.depth() > 1) {
                    errors.add(new Problem.FieldError("materials", "at most " + limits.maxMaterials() + " materials per submission, all levels together"));
                }
                return;
            }
            for (int i = 0; i < next.inputs().size(); i++) {
                MaterialInput m = next.inputs().get(i);
                if (m != null) {
                    // Compared byte for byte with declarations and shown to reviewers: refused when they could pass for another.
                    // The field's path is written only for an error (two strings per material of every line otherwise).
                    String partNumber = Identifiers.refusal(m.partNumber());
                    if (partNumber != null) {
                        errors.add(new Problem.FieldError(next.field() + "[" + i + "].partNumber", partNumber));
                    }
                    String supplierId = Identifiers.refusal(m.supplierId());
                    if (supplierId != null) {
                        errors.add(new Problem.FieldError(next.field() + "[" + i + "].supplierId", supplierId));
                    }
                }
                if (m != null && m.components() != null && !m.components().isEmpty()) {
                    pending.add(new Pending(m.components(), next.field() + "[" + i + "].components", next.depth() + 1));
                }
            }
        }
    }

    /** The materials of one level; {@code currency}: the good's (an intermediate material's amounts are in it too). */
    public List<Material> level(List<MaterialInput> inputs, String field, String currency, LocalDate asOf, String tenant, List<Problem.FieldError> errors) {
        List<Material> materials = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            MaterialInput m = inputs.get(i);
            if (m == null) {
                continue;
            }
            String at = field + "[" + i + "]";
            if (m.designatedIntermediate() != null && (m.components() == null || m.components().isEmpty())) {
                errors.add(new Problem.FieldError(at + ".designatedIntermediate", "only a material with components (one the producer makes "
                        + "itself) can be designated an intermediate material (SOR/2020-155 s.8(6)); leave it out here"));
                continue;
            }
            if (m.components() != null && !m.components().isEmpty()) {
                IntermediateMaterial intermediate = intermediate(at, m, currency, asOf, tenant, errors);
                if (intermediate != null && errors.isEmpty()) {
                    // Its origin is decided by its components when the service evaluates it; UNKNOWN until then.
                    materials.add(new Material(i, m.partNumber(), m.description(), HsCode.parse(m.hsCode()), OriginStatus.UNKNOWN,
                            m.countryOfOrigin(), m.value(), m.quantity(), m.unit(), m.kind() == null ? MaterialKind.DIRECT : m.kind(),
                            m.partOfGood(), m.weight(), null, null, intermediate, m.declarations()));
                }
                continue;
            }
            MaterialEvidence.Resolved r = resolve(at, m, asOf, tenant, errors);
            if (r == null || !errors.isEmpty()) {
                continue;
            }
            String hs = m.hsCode() != null ? m.hsCode() : r.hsCode();
            OriginEvidence ev = r.evidence();
            BigDecimal accumulated = null;
            if (ev != null) {
                List<OriginEvidence.Note> notes = new ArrayList<>(ev.notes());
                accumulated = accumulated(m, at, r, currency, notes);
                ev = new OriginEvidence(ev.source(), ev.sourceId(), ev.supplierId(), notes);
            }
            materials.add(new Material(i, m.partNumber(), m.description(), hs == null ? null : HsCode.parse(hs),
                    r.origin(), m.countryOfOrigin(), m.value(), m.quantity(), m.unit(),
                    m.kind() == null ? MaterialKind.DIRECT : m.kind(), m.partOfGood(), m.weight(), accumulated, ev, null, m.declarations()));
        }
        return materials;
    }

    /** Which of origin, supplierId and determinationId decide; null when the material's input is wrong (the error is then in {@code errors}). */
    private MaterialEvidence.Resolved resolve(String field, MaterialInput m, LocalDate asOf, String tenant, List<Problem.FieldError> errors) {
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : field;
        if (m.determinationId() != null) {
            if (m.origin() != null || m.supplierId() != null) {
                errors.add(new Problem.FieldError(field + ".determinationId", "the stored determination decides the origin: leave origin and supplierId out"));
                return null;
            }
            Optional<MaterialEvidence.Resolved> found = evidence.fromDetermination(label, m.determinationId(), asOf, tenant);
            if (found.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".determinationId", "no determination " + m.determinationId() + " is stored here"));
                return null;
            }
            return found.get();
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
                // The stated origin is used; the supplier x part is still recorded for the gaps report.
                return new MaterialEvidence.Resolved(m.origin(), new OriginEvidence(OriginSource.STATED, null, m.supplierId(), List.of()), null, null);
            }
            return evidence.fromDeclaration(m.partNumber(), m.supplierId(), asOf, tenant);
        }
        if (m.origin() == null) {
            errors.add(new Problem.FieldError(field + ".origin", "is required: ORIGINATING, NON_ORIGINATING or UNKNOWN, or name the evidence "
                    + "(supplierId, determinationId)"));
            return null;
        }
        return new MaterialEvidence.Resolved(m.origin(), null, null, null);
    }

    /**
     * Accumulation (USMCA Art. 4.11): a non-originating material whose supplier's declaration states the non-originating part
     * of its value counts in the VNM with only that part. The statement is in the supplier's currency (SOR s.9(7)(c)); in
     * another currency than the good's it is not converted here, and the whole value counts (the note says so).
     */
    private static BigDecimal accumulated(MaterialInput m, String at, MaterialEvidence.Resolved r, String currency, List<OriginEvidence.Note> notes) {
        SupplierDeclaration.Item declared = r.declared();
        if (declared == null || declared.nonOriginatingValue() == null || r.origin() != OriginStatus.NON_ORIGINATING) {
            return null;
        }
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : at;
        if (!declared.currency().equals(currency)) {
            notes.add(new OriginEvidence.Note(OriginEvidence.Kind.ACCUMULATION, false, "Not accumulated: the supplier states the non-originating value of "
                    + label + " in " + declared.currency() + ", the good's amounts are in " + currency
                    + "; its whole value counts as non-originating. Convert the statement and record it again to accumulate.",
                    ACCUMULATION_CITATION, label));
            return null;
        }
        notes.add(new OriginEvidence.Note(OriginEvidence.Kind.ACCUMULATION, false, "Accumulated: only the non-originating value the supplier states for "
                + label + " (declaration " + r.evidence().sourceId() + ") counts in the value of non-originating materials"
                + (declared.nonOriginatingValue().compareTo(m.value()) > 0 ? " (capped at the material's value)" : "") + ".",
                ACCUMULATION_CITATION, label));
        return declared.nonOriginatingValue();
    }

    /** Null when it or its components have errors; its components are still checked, so that every error is reported at once. */
    private IntermediateMaterial intermediate(String at, MaterialInput m, String currency, LocalDate asOf, String tenant, List<Problem.FieldError> errors) {
        if (m.hsCode() == null) {
            errors.add(new Problem.FieldError(at + ".hsCode", "is required for a material with components: its own product-specific rule decides its origin"));
        }
        if (m.origin() != null || m.supplierId() != null || m.determinationId() != null) {
            errors.add(new Problem.FieldError(at + ".components", "the components decide the origin of an intermediate material: leave origin, "
                    + "supplierId and determinationId out"));
        }
        if (m.netCost() != null && m.costs() != null && m.costs().totalCost() != null) {
            BigDecimal derived = m.costs().totalCost().subtract(m.costs().excludedCosts() == null ? BigDecimal.ZERO : m.costs().excludedCosts());
            if (derived.compareTo(m.netCost()) != 0) {
                errors.add(new Problem.FieldError(at + ".netCost", "does not equal totalCost - excludedCosts; send one or make them agree"));
            }
        }
        if (m.costs() != null && m.costs().totalCost() != null && m.costs().excludedCosts() != null
                && m.costs().excludedCosts().compareTo(m.costs().totalCost()) >= 0) {
            errors.add(new Problem.FieldError(at + ".costs.excludedCosts", "must be less than totalCost"));
        }
        List<Material> components = level(m.components(), at + ".components", currency, asOf, tenant, errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new IntermediateMaterial(at, m.transactionValue(), m.netCost(),
                m.costs() == null ? null : new Costs(m.costs().totalCost(), m.costs().excludedCosts()), components, m.designatedIntermediate());
    }
}
