package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.IntermediateMaterial;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.OriginEvidence;
import org.origincheck.domain.bom.OriginSource;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.rules.RulePack;

/**
 * Evaluates a bill of materials whose materials may be intermediate materials (with components) or take their origin from
 * evidence. A material with components is an intermediate material (USMCA Art. 4.8; SOR/2020-155 s.8(6)): it is evaluated
 * first, from its own components under its own rule, and its origin is the result. The reasons about evidence and
 * intermediate materials go before the engine's own. Plain Java around the {@link OriginEngine} port.
 */
public final class MultiLevelEvaluation {


    /**
     * The evaluation and how each material's origin was decided ({@code materials} null when every origin was stated and no
     * supplier named). {@code resolved}: the bill of materials the engine read, each intermediate material's origin decided.
     * {@code pathToQualify} and {@code headroom}: null until asked for ({@link #withPathToQualify}).
     */
    public record Assessed(Evaluation evaluation, List<MaterialOrigin> materials, BillOfMaterials resolved, PathToQualify pathToQualify,
                           Headroom headroom) {

        public Assessed(Evaluation evaluation, List<MaterialOrigin> materials) {
            this(evaluation, materials, null, null, null);
        }

        /** With the path to qualify (a good that does not originate) or the headroom (one that originates under an RVC). */
        public Assessed withPathToQualify(RulePack pack) {
            if (resolved == null) {
                return this;
            }
            return new Assessed(evaluation, materials, resolved, QualifyingPaths.pathToQualify(resolved, pack, evaluation),
                    QualifyingPaths.headroom(resolved, pack, evaluation));
        }
    }

    private MultiLevelEvaluation() {
    }

    public static Assessed evaluate(OriginEngine engine, BillOfMaterials bom, RulePack pack) {
        boolean allStated = bom.materials().stream().allMatch(m -> m.evidence() == null && m.intermediate() == null);
        if (bom.good().classifiedAsSet()) {
            // A set (Art. 4.17; SOR s.6): the goods in it are decided first, like any material, then s.6 replaces the set's own rule.
            Level level = level(bom.materials(), intermediates(engine, bom.materials(), bom.good(), bom, pack));
            // A good in the set decided under a provisional rule makes the set's answer provisional too.
            return new Assessed(provisionalIfAnyIs(SetRule.evaluate(bom, level.materials(), pack, level.evidenceReasons()), level.origins()),
                    allStated ? null : level.origins());
        }
        if (allStated) {
            return new Assessed(engine.evaluate(bom, pack), null, bom, null, null);
        }
        Level level = level(bom.materials(), intermediates(engine, bom.materials(), bom.good(), bom, pack));
        BillOfMaterials resolved = new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), level.materials(), bom.automotive());
        Evaluation e = engine.evaluate(resolved, pack);
        return new Assessed(provisionalIfAnyIs(settle(withEvidence(e, level), level.origins()), level.origins()), level.origins(), resolved, null, null);
    }

    /** One level of the BOM: the materials the engine reads, how each origin was decided, and the evidence reasons. */
    private record Level(List<Material> materials, List<MaterialOrigin> origins, List<Reason> evidenceReasons) {
    }

    /**
     * The level's materials as the engine reads them, each intermediate material with the origin already decided for it
     * ({@code decided}, by identity).
     */
    private static Level level(List<Material> given, Map<Material, MaterialOrigin> decided) {
        List<Material> materials = new ArrayList<>(given.size());
        List<MaterialOrigin> origins = new ArrayList<>(given.size());
        List<Reason> evidenceReasons = new ArrayList<>();
        for (Material m : given) {
            if (m.intermediate() != null) {
                MaterialOrigin origin = decided.get(m);
                evidenceReasons.add(intermediateReason(m, origin));
                materials.add(m.withOrigin(origin.origin()));
                origins.add(origin);
                continue;
            }
            OriginEvidence ev = m.evidence();
            if (ev == null) {
                origins.add(new MaterialOrigin(m.index(), m.partNumber(), m.origin(), OriginSource.STATED, null, null));
            } else {
                origins.add(new MaterialOrigin(m.index(), m.partNumber(), m.origin(), ev.source(), ev.sourceId(), ev.supplierId()));
                for (OriginEvidence.Note note : ev.notes()) {
                    evidenceReasons.add(new Reason(note.kind() == OriginEvidence.Kind.ACCUMULATION ? ReasonCode.ACCUMULATION : ReasonCode.MATERIAL_ORIGIN_EVIDENCE,
                            note.undetermined() ? Outcome.INSUFFICIENT_DATA : Outcome.INFO, note.message(), note.citation(), List.of(note.material()), null));
                }
            }
            materials.add(m);
        }
        return new Level(materials, origins, evidenceReasons);
    }

    /** An intermediate material to evaluate, as the good its producer makes ({@code self}). */
    private record Pending(Material material, Good self) {
    }

    /**
     * The origin of every intermediate material under {@code given}, at any depth. Each is evaluated after its own
     * components, from them, under its own rule; those of the same height (1: only plain components; 2: intermediates of
     * height 1 among them; ...) do not depend on one another and go to the engine together ({@link OriginEngine#evaluateAll}),
     * so a 5-level BOM is four calls, not one per sub-assembly. Each answer is the one the intermediate would get alone.
     */
    private static Map<Material, MaterialOrigin> intermediates(OriginEngine engine, List<Material> given, Good parent, BillOfMaterials bom,
                                                              RulePack pack) {
        List<List<Pending>> byHeight = new ArrayList<>();
        collect(given, parent, byHeight);
        Map<Material, MaterialOrigin> decided = new IdentityHashMap<>();
        for (List<Pending> sameHeight : byHeight) {
            List<Level> levels = new ArrayList<>(sameHeight.size());
            List<BillOfMaterials> boms = new ArrayList<>(sameHeight.size());
            for (Pending p : sameHeight) {
                Level own = level(p.material().intermediate().components(), decided);
                levels.add(own);
                boms.add(new BillOfMaterials(p.material().partNumber(), bom.asOf(), p.self(), own.materials(), null));
            }
            List<Evaluation> evaluations = engine.evaluateAll(boms, pack);
            for (int i = 0; i < sameHeight.size(); i++) {
                Material m = sameHeight.get(i).material();
                decided.put(m, intermediate(m, levels.get(i), evaluations.get(i)));
            }
        }
        return decided;
    }

    /** Adds the intermediate materials under {@code given} to {@code byHeight} (index 0: height 1); returns the greatest height. */
    private static int collect(List<Material> given, Good parent, List<List<Pending>> byHeight) {
        int height = 0;
        for (Material m : given) {
            IntermediateMaterial im = m.intermediate();
            if (im == null) {
                continue;
            }
            // The intermediate is made by the same producer, in the same country, in the good's currency, for the same end use.
            Good self = new Good(m.partNumber(), m.description(), m.hsCode(), parent.endUse(), parent.producerCountry(), parent.currency(),
                    im.transactionValue(), im.netCost(), im.costs(), null, null);
            int own = collect(im.components(), self, byHeight) + 1;
            while (byHeight.size() < own) {
                byHeight.add(new ArrayList<>());
            }
            byHeight.get(own - 1).add(new Pending(m, self));
            height = Math.max(height, own);
        }
        return height;
    }

    private static MaterialOrigin intermediate(Material m, Level own, Evaluation engineAnswer) {
        IntermediateMaterial im = m.intermediate();
        Evaluation evaluation = settle(withEvidence(engineAnswer, own), own.origins());
        evaluation = provisionalIfAnyIs(oneLevelRule(relabel(evaluation, im.field()), own.origins(), im.field()), own.origins());
        OriginStatus origin = switch (evaluation.status()) {
            case ORIGINATING -> OriginStatus.ORIGINATING;
            case NOT_ORIGINATING -> OriginStatus.NON_ORIGINATING;
            case INSUFFICIENT_DATA -> OriginStatus.UNKNOWN;
        };
        return new MaterialOrigin(m.index(), m.partNumber(), origin, OriginSource.COMPONENTS, null, null, evaluation, own.origins());
    }

    /** The intermediate's missing facts named as fields of the submission: "good.netCost" of its own evaluation is "materials[2].netCost". */
    private static Evaluation relabel(Evaluation e, String at) {
        if (e.missingData().isEmpty()) {
            return e;
        }
        List<MissingData> missing = e.missingData().stream().map(d -> new MissingData(relabel(d.field(), at), d.message(),
                d.question() != null && d.question().equals(d.field()) ? relabel(d.field(), at) : d.question(), d.legalText(), d.values())).toList();
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.productRule(), e.regionalValueContent(),
                e.reasons(), missing, e.automotive(), e.provisional());
    }

    private static String relabel(String field, String at) {
        return field == null ? null : field.startsWith("good.") ? at + "." + field.substring(5)
                : field.startsWith("materials[") ? at + ".components" + field.substring(9) : field;
    }

    private static Reason intermediateReason(Material m, MaterialOrigin origin) {
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : m.intermediate().field();
        String message = switch (origin.origin()) {
            case ORIGINATING -> "Intermediate material " + label + " originates under its own rule (see its determination): its whole value counts "
                    + "as originating and the non-originating materials used to make it are not in this good's VNM (SOR s.7(4)(b)).";
            case NON_ORIGINATING -> "Intermediate material " + label + " does not originate under its own rule: as a designated intermediate "
                    + "material its whole value counts as non-originating. Not evaluated: leaving it undesignated, where only its non-originating "
                    + "materials would count (SOR s.7(5)(a)); to have that, list those materials under the good instead.";
            case UNKNOWN -> "The origin of intermediate material " + label + " could not be determined (see its determination): it counts as "
                    + "non-originating (USMCA Art. 4.5) until the missing facts are given.";
        };
        return new Reason(ReasonCode.INTERMEDIATE_MATERIAL, origin.origin() == OriginStatus.UNKNOWN ? Outcome.INSUFFICIENT_DATA : Outcome.INFO,
                message, Citations.INTERMEDIATE_MATERIALS, List.of(label), null);
    }

    /**
     * SOR/2020-155 s.8(6): if an intermediate material is subject to an RVC requirement, no other self-produced material subject
     * to one and incorporated in it may also be designated. Read here as: an RVC was computed for both. Which one the producer
     * designates is its choice, which the engine does not make for it: the outer one is then INSUFFICIENT_DATA.
     */
    private static Evaluation oneLevelRule(Evaluation e, List<MaterialOrigin> components, String at) {
        if (e.regionalValueContent().isEmpty()) {
            return e;
        }
        List<String> inner = components.stream().filter(c -> c.determination() != null && !c.determination().regionalValueContent().isEmpty())
                .map(c -> c.partNumber() != null ? c.partNumber() : at + ".components[" + c.index() + "]").toList();
        if (inner.isEmpty()) {
            return e;
        }
        List<Reason> reasons = new ArrayList<>(e.reasons());
        reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "Both this intermediate material and "
                + String.join(", ", inner) + " inside it are subject to a regional value content requirement: only one of them may be designated "
                + "an intermediate material (SOR s.8(6)). The engine does not choose for the producer: submit the one not designated as a plain "
                + "material with its origin.", Citations.INTERMEDIATE_MATERIAL_VALUE, inner, null));
        List<MissingData> missing = new ArrayList<>(e.missingData());
        missing.add(new MissingData(at + ".components",
                "which self-produced material is designated an intermediate material (SOR s.8(6), one level only)"));
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), DeterminationStatus.INSUFFICIENT_DATA, null,
                e.productRule(), e.regionalValueContent(), reasons, missing, e.automotive(), e.provisional());
    }

    /** An answer that rests on an intermediate material decided under a provisional rule is itself provisional. */
    private static Evaluation provisionalIfAnyIs(Evaluation e, List<MaterialOrigin> origins) {
        boolean any = origins.stream().anyMatch(o -> o.determination() != null && o.determination().provisional());
        return any ? e.asProvisional() : e;
    }

    /** The evidence and intermediate reasons of a level go first, before the engine's own. */
    private static Evaluation withEvidence(Evaluation e, Level level) {
        if (level.evidenceReasons().isEmpty()) {
            return e;
        }
        List<Reason> reasons = new ArrayList<>(level.evidenceReasons());
        reasons.addAll(e.reasons());
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), e.status(), e.originCriterion(), e.productRule(),
                e.regionalValueContent(), reasons, e.missingData(), e.automotive(), e.provisional());
    }

    /**
     * A NOT_ORIGINATING answer that counted an intermediate material of undetermined origin as non-originating is not
     * definite: with the missing facts that material might originate, and so might the good. It becomes INSUFFICIENT_DATA,
     * naming what the intermediate material lacks. (An ORIGINATING answer stands: it holds even with that material non-originating.)
     */
    private static Evaluation settle(Evaluation e, List<MaterialOrigin> origins) {
        if (e.status() != DeterminationStatus.NOT_ORIGINATING) {
            return e;
        }
        List<MaterialOrigin> undetermined = origins.stream().filter(o -> o.originSource() == OriginSource.COMPONENTS
                && o.origin() == OriginStatus.UNKNOWN).toList();
        if (undetermined.isEmpty()) {
            return e;
        }
        List<MissingData> missing = new ArrayList<>(e.missingData());
        List<String> labels = new ArrayList<>();
        for (MaterialOrigin o : undetermined) {
            labels.add(o.partNumber() != null ? o.partNumber() : "materials[" + o.index() + "]");
            missing.addAll(o.determination().missingData());
        }
        List<Reason> reasons = new ArrayList<>(e.reasons());
        reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "The good does not originate with "
                + String.join(", ", labels) + " counted as non-originating, but their origin is undetermined: give what they lack "
                + "before this is a determination.", Citations.INTERMEDIATE_MATERIALS, labels, null));
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), DeterminationStatus.INSUFFICIENT_DATA, null,
                e.productRule(), e.regionalValueContent(), reasons, missing, e.automotive(), e.provisional());
    }
}
