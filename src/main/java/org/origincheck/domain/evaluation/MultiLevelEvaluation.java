package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
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
            // The goods in a set are valued as goods (s.6(3)), not as materials of an RVC: designation (s.8(6)) plays no part there.
            Level level = level(bom.materials(), intermediates(engine, bom.materials(), bom.good(), bom, pack), false);
            // A good in the set decided under a provisional rule makes the set's answer provisional too.
            return new Assessed(provisionalIfAnyIs(SetRule.evaluate(bom, level.materials(), pack, level.evidenceReasons()), level.origins()),
                    allStated ? null : level.origins());
        }
        if (allStated) {
            return new Assessed(engine.evaluate(bom, pack), null, bom, null, null);
        }
        Level level = level(bom.materials(), intermediates(engine, bom.materials(), bom.good(), bom, pack), true);
        BillOfMaterials resolved = new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), level.materials(), bom.automotive());
        Evaluation e = engine.evaluate(resolved, pack);
        if (level.lowMaterials() != null) {
            Evaluation low = engine.evaluate(new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), level.lowMaterials(), bom.automotive()), pack);
            e = eitherChoice(e, low, level);
        }
        return new Assessed(provisionalIfAnyIs(settle(withEvidence(e, level), level.origins()), level.origins()), level.origins(), resolved, null, null);
    }

    /**
     * One level of the BOM: the materials the engine reads, how each origin was decided, and the evidence reasons.
     * {@code materials} count each self-produced material whose designation is not stated, and is not originating, with the
     * greater of its two possible shares of the VNM (designated: its value; not designated: the non-originating materials used to
     * make it); {@code lowMaterials} with the lesser, or null when no such choice changes a figure ({@code open}: those choices,
     * as fields of the submission). {@code usedLow}/{@code usedHigh}: the value of the non-originating materials used at this
     * level, over the choices left open (the figure s.7(5)(a) counts for the material these are the components of).
     */
    private record Level(List<Material> materials, List<Material> lowMaterials, List<MaterialOrigin> origins, List<Reason> evidenceReasons,
                         BigDecimal usedLow, BigDecimal usedHigh, List<OpenChoice> open) {
    }

    /** A self-produced material whose designation is not stated and changes a figure: where it is in the submission, and its name. */
    private record OpenChoice(String field, String label) {
    }

    /** An intermediate material once decided: its origin, and the non-originating materials used to make it (over open choices). */
    private record Decided(MaterialOrigin origin, BigDecimal usedLow, BigDecimal usedHigh, List<OpenChoice> openInside) {
    }

    /**
     * The level's materials as the engine reads them, each intermediate material with the origin already decided for it
     * ({@code decided}, by identity) and, where {@code designationApplies}, counted in the VNM as the producer designated it.
     */
    private static Level level(List<Material> given, Map<Material, Decided> decided, boolean designationApplies) {
        List<Material> materials = new ArrayList<>(given.size());
        List<Material> low = new ArrayList<>(given.size());
        List<MaterialOrigin> origins = new ArrayList<>(given.size());
        List<Reason> evidenceReasons = new ArrayList<>();
        List<OpenChoice> open = new ArrayList<>();
        BigDecimal usedLow = BigDecimal.ZERO;
        BigDecimal usedHigh = BigDecimal.ZERO;
        for (Material m : given) {
            if (m.intermediate() != null) {
                Decided d = decided.get(m);
                MaterialOrigin origin = d.origin();
                Material resolved = m.withOrigin(origin.origin());
                Material high = resolved;
                Material lesser = resolved;
                Boolean designated = m.intermediate().designated();
                if (designationApplies && !Boolean.TRUE.equals(designated)
                        && !(designated == null && origin.origin() == OriginStatus.ORIGINATING)) {
                    boolean counted = m.kind().countedInRegionalValueContent() && !m.kind().consideredOriginating();
                    BigDecimal notDesignatedLow = counted ? d.usedLow() : BigDecimal.ZERO;
                    BigDecimal notDesignatedHigh = counted ? d.usedHigh() : BigDecimal.ZERO;
                    if (Boolean.FALSE.equals(designated)) {
                        high = resolved.withValueInVnm(notDesignatedHigh);
                        lesser = resolved.withValueInVnm(notDesignatedLow);
                    } else {
                        // Not stated and not originating: designated, its value counts (s.8(7)(a)); not designated, what was used to make it.
                        BigDecimal asDesignated = vnmShare(resolved);
                        high = resolved.withValueInVnm(asDesignated.max(notDesignatedHigh));
                        lesser = resolved.withValueInVnm(asDesignated.min(notDesignatedLow));
                        if (high.valueInRegionalValueContent().compareTo(lesser.valueInRegionalValueContent()) != 0) {
                            open.add(new OpenChoice(m.intermediate().field(), m.partNumber() != null && !m.partNumber().isBlank()
                                    ? m.partNumber() : m.intermediate().field()));
                        }
                    }
                    if (d.usedLow().compareTo(d.usedHigh()) != 0) {
                        open.addAll(d.openInside());
                    }
                }
                evidenceReasons.add(intermediateReason(m, origin, designationApplies ? designated : Boolean.TRUE, high));
                materials.add(high);
                low.add(lesser);
                origins.add(origin);
                usedLow = usedLow.add(vnmShare(lesser));
                usedHigh = usedHigh.add(vnmShare(high));
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
            low.add(m);
            usedLow = usedLow.add(vnmShare(m));
            usedHigh = usedHigh.add(vnmShare(m));
        }
        List<OpenChoice> distinct = open.stream().distinct().toList();
        return new Level(materials, distinct.isEmpty() ? null : low, origins, evidenceReasons, usedLow, usedHigh, distinct);
    }

    /** What a material adds to the VNM of the good it is used in, as the engine counts it. */
    private static BigDecimal vnmShare(Material m) {
        return m.inValueOfNonOriginatingMaterials() ? m.valueInRegionalValueContent() : BigDecimal.ZERO;
    }

    /**
     * The answer when the producer's choice of designation is not stated for self-produced materials that do not originate
     * ({@code level.open()}): {@code high} counts each with the greater of its two possible shares of the VNM, {@code low} with the
     * lesser, both with the submitted net cost. Every other combination of choices lies between them, and a greater VNM never
     * helps the good, so if both give the same status and criterion that is the answer whatever the producer chose; otherwise the
     * choice decides it and is asked for. The net cost is not the same under both choices (s.8 Example 3: 22.80 not designated,
     * 23.00 designated), so the question says the net cost must be the one for the choice declared.
     */
    private static Evaluation eitherChoice(Evaluation high, Evaluation low, Level level) {
        List<String> labels = level.open().stream().map(OpenChoice::label).toList();
        List<Reason> reasons = new ArrayList<>(high.reasons());
        if (high.status() == low.status() && high.originCriterion() == low.originCriterion()) {
            reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INFO, "Whether " + String.join(", ", labels)
                    + (labels.size() == 1 ? " is" : " are") + " designated an intermediate material is not stated: the answer is the same "
                    + "either way with the submitted figures (designated, a non-originating one counts at its whole value, SOR s.8(7)(a); "
                    + "not designated, only the non-originating materials used to make it count, s.7(5)(a)). The figures shown are those "
                    + "of the treatment with the greater value of non-originating materials.", Citations.DESIGNATION, labels, null));
            return new Evaluation(high.reference(), high.asOf(), high.rulePack(), high.status(), high.originCriterion(), high.productRule(),
                    high.regionalValueContent(), reasons, high.missingData(), high.automotive(), high.provisional());
        }
        reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "The answer depends on whether "
                + String.join(", ", labels) + (labels.size() == 1 ? " is" : " are") + " designated an intermediate material, which is "
                + "solely the producer's choice (SOR s.8(7)(b)): designated and not originating, its whole value counts as non-originating "
                + "(s.8(7)(a)); not designated, only the value of the non-originating materials used to make it (s.7(5)(a)). Declare "
                + "designatedIntermediate, with the good's net cost computed for that choice (not designated, the material's costs are the "
                + "good's own and their excluded costs are deducted too, as in s.8 Example 3, Situation B). The figures shown are those of "
                + "the treatment with the greater value of non-originating materials.", Citations.DESIGNATION, labels, null));
        List<MissingData> missing = new ArrayList<>(high.missingData());
        for (MissingData d : low.missingData()) {
            if (missing.stream().noneMatch(x -> java.util.Objects.equals(x.field(), d.field()))) {
                missing.add(d);
            }
        }
        // What the undetermined self-produced materials of the level lack may decide the answer as much as the choice does.
        for (MaterialOrigin o : level.origins()) {
            if (o.originSource() == OriginSource.COMPONENTS && o.origin() == OriginStatus.UNKNOWN) {
                for (MissingData d : o.determination().missingData()) {
                    if (missing.stream().noneMatch(x -> java.util.Objects.equals(x.field(), d.field()))) {
                        missing.add(d);
                    }
                }
            }
        }
        for (OpenChoice choice : level.open()) {
            String field = choice.field() + ".designatedIntermediate";
            missing.removeIf(x -> field.equals(x.field()));
            missing.add(new MissingData(field, "whether the producer designates this self-produced material an intermediate material "
                    + "(SOR/2020-155 s.8(6)); give the good's net cost as computed for that choice", field, Citations.NOT_DESIGNATED_TEXT,
                    List.of("true", "false")));
        }
        return new Evaluation(high.reference(), high.asOf(), high.rulePack(), DeterminationStatus.INSUFFICIENT_DATA, null, high.productRule(),
                high.regionalValueContent(), reasons, missing, high.automotive(), high.provisional());
    }

    /** An intermediate material to evaluate, as the good its producer makes ({@code self}). */
    private record Pending(Material material, Good self) {
    }

    /**
     * The origin of every intermediate material under {@code given}, at any depth. Each is evaluated after its own
     * components, from them, under its own rule; those of the same height (1: only plain components; 2: intermediates of
     * height 1 among them; ...) do not depend on one another and go to the engine together ({@link OriginEngine#evaluateAll}),
     * so a 5-level BOM is four calls, not one per sub-assembly. Each answer is the one the intermediate would get alone.
     * One whose components leave a choice of designation open that changes a figure is evaluated twice ({@link #eitherChoice}).
     */
    private static Map<Material, Decided> intermediates(OriginEngine engine, List<Material> given, Good parent, BillOfMaterials bom,
                                                        RulePack pack) {
        List<List<Pending>> byHeight = new ArrayList<>();
        collect(given, parent, byHeight);
        Map<Material, Decided> decided = new IdentityHashMap<>();
        for (List<Pending> sameHeight : byHeight) {
            List<Level> levels = new ArrayList<>(sameHeight.size());
            List<BillOfMaterials> boms = new ArrayList<>(sameHeight.size());
            for (Pending p : sameHeight) {
                Level own = level(p.material().intermediate().components(), decided, true);
                levels.add(own);
                boms.add(new BillOfMaterials(p.material().partNumber(), bom.asOf(), p.self(), own.materials(), null));
                if (own.lowMaterials() != null) {
                    boms.add(new BillOfMaterials(p.material().partNumber(), bom.asOf(), p.self(), own.lowMaterials(), null));
                }
            }
            List<Evaluation> evaluations = engine.evaluateAll(boms, pack);
            int next = 0;
            for (int i = 0; i < sameHeight.size(); i++) {
                Material m = sameHeight.get(i).material();
                Level own = levels.get(i);
                Evaluation high = evaluations.get(next++);
                Evaluation low = own.lowMaterials() == null ? null : evaluations.get(next++);
                decided.put(m, new Decided(intermediate(m, own, high, low, decided), own.usedLow(), own.usedHigh(), own.open()));
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

    /**
     * The intermediate's own determination. Its engine answers name facts relative to it ("good.netCost"), so they are named as
     * fields of the submission first ("materials[2].netCost"); what is added after (the choices of designation, what its own
     * undetermined components lack) is named so already.
     */
    private static MaterialOrigin intermediate(Material m, Level own, Evaluation high, Evaluation low, Map<Material, Decided> decided) {
        IntermediateMaterial im = m.intermediate();
        Evaluation evaluation = relabel(high, im.field());
        if (low != null) {
            evaluation = eitherChoice(evaluation, relabel(low, im.field()), own);
        }
        evaluation = settle(withEvidence(evaluation, own), own.origins());
        evaluation = provisionalIfAnyIs(oneLevelRule(evaluation, m, decided), own.origins());
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

    /**
     * What the answer says about a self-produced material: its origin, and how it counts in this good's VNM as the producer
     * designated it ({@code designated}; null: not stated). {@code counted}: the material as the engine read it.
     */
    private static Reason intermediateReason(Material m, MaterialOrigin origin, Boolean designated, Material counted) {
        String label = m.partNumber() != null && !m.partNumber().isBlank() ? m.partNumber() : m.intermediate().field();
        String message;
        if (Boolean.FALSE.equals(designated)) {
            String own = switch (origin.origin()) {
                case ORIGINATING -> "originates under its own rule";
                case NON_ORIGINATING -> "does not originate under its own rule";
                case UNKNOWN -> "is of undetermined origin (see its determination; it counts as non-originating, USMCA Art. 4.5)";
            };
            message = "Self-produced material " + label + " is not designated an intermediate material: whether or not it originates (it "
                    + own + "; the tariff shift reads that origin), only the value of the non-originating materials used to make it counts "
                    + "in this good's VNM (SOR s.7(5)(a)). The good's net cost is taken as submitted, computed with " + label
                    + "'s costs as the good's own.";
        } else {
            String choice = designated == null ? " (designation not stated)" : " (designated an intermediate material)";
            message = switch (origin.origin()) {
                case ORIGINATING -> "Intermediate material " + label + choice + " originates under its own rule (see its determination): "
                        + "its whole value counts as originating and the non-originating materials used to make it are not in this good's "
                        + "VNM (SOR s.7(4)(b))" + (designated == null ? "; counted as designated, which with the same figures never gives a "
                        + "greater VNM than not designating it." : ".");
                case NON_ORIGINATING -> "Intermediate material " + label + choice + " does not originate under its own rule"
                        + (designated == null ? ": designated, its whole value would count as non-originating (SOR s.8(7)(a)); not "
                        + "designated, only the non-originating materials used to make it (s.7(5)(a)); both were tried."
                        : ": as a designated intermediate material its whole value counts as non-originating (SOR s.8(7)(a)).");
                case UNKNOWN -> "The origin of intermediate material " + label + choice + " could not be determined (see its "
                        + "determination): it counts as non-originating (USMCA Art. 4.5) until the missing facts are given.";
            };
        }
        return new Reason(ReasonCode.INTERMEDIATE_MATERIAL, origin.origin() == OriginStatus.UNKNOWN ? Outcome.INSUFFICIENT_DATA : Outcome.INFO,
                message, designated == null || designated ? Citations.INTERMEDIATE_MATERIALS : Citations.DESIGNATION, List.of(label), null);
    }

    /**
     * SOR/2020-155 s.8(6): if an intermediate material is subject to an RVC requirement, no other self-produced material subject
     * to one and incorporated in it may also be designated. Read here as: an RVC was computed for both. Applies only while both
     * are (or may be) designated: a material declared not designated (designatedIntermediate false), outer or inner, lifts it.
     * Both declared designated contradicts the proviso: the determination refuses them (INSUFFICIENT_DATA, a FAIL reason citing
     * s.8(6), the outer declaration named to correct). One of them not stated: which one to designate is the producer's choice,
     * which the engine does not make for it, and it asks the choices not stated.
     */
    private static Evaluation oneLevelRule(Evaluation e, Material outer, Map<Material, Decided> decided) {
        IntermediateMaterial im = outer.intermediate();
        if (e.regionalValueContent().isEmpty() || Boolean.FALSE.equals(im.designated())) {
            return e;
        }
        List<Material> inner = im.components().stream().filter(c -> c.intermediate() != null
                && !Boolean.FALSE.equals(c.intermediate().designated())
                && !decided.get(c).origin().determination().regionalValueContent().isEmpty()).toList();
        if (inner.isEmpty()) {
            return e;
        }
        String at = im.field();
        List<String> names = inner.stream().map(c -> c.partNumber() != null && !c.partNumber().isBlank() ? c.partNumber() : c.intermediate().field()).toList();
        List<Reason> reasons = new ArrayList<>(e.reasons());
        List<MissingData> missing = new ArrayList<>(e.missingData());
        boolean contradiction = Boolean.TRUE.equals(im.designated()) && inner.stream().anyMatch(c -> Boolean.TRUE.equals(c.intermediate().designated()));
        if (contradiction) {
            reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.FAIL, "This intermediate material and " + String.join(", ", names)
                    + " inside it are both subject to a regional value content requirement and both declared designated an intermediate "
                    + "material, which SOR s.8(6) does not allow: only one of them may be. The declarations are refused, not corrected: "
                    + "declare one of them not designated (designatedIntermediate false).", Citations.INTERMEDIATE_MATERIAL_VALUE, names, null));
            missing.add(new MissingData(at + ".designatedIntermediate", "declared designated together with " + String.join(", ", names)
                    + " inside it, which SOR s.8(6) does not allow: declare one of them not designated", at + ".designatedIntermediate",
                    Citations.ONE_LEVEL_PROVISO_TEXT, List.of("true", "false")));
        } else {
            reasons.add(new Reason(ReasonCode.INTERMEDIATE_MATERIAL, Outcome.INSUFFICIENT_DATA, "Both this intermediate material and "
                    + String.join(", ", names) + " inside it are subject to a regional value content requirement: only one of them may be "
                    + "designated an intermediate material (SOR s.8(6)). The engine does not choose for the producer: declare which is not "
                    + "designated (designatedIntermediate false).", Citations.INTERMEDIATE_MATERIAL_VALUE, names, null));
            List<String> ask = new ArrayList<>();
            if (im.designated() == null) {
                ask.add(at);
            }
            inner.stream().filter(c -> c.intermediate().designated() == null).forEach(c -> ask.add(c.intermediate().field()));
            for (String field : ask) {
                missing.add(new MissingData(field + ".designatedIntermediate", "which self-produced material is designated an intermediate "
                        + "material (SOR s.8(6), one level only)", field + ".designatedIntermediate", Citations.ONE_LEVEL_PROVISO_TEXT,
                        List.of("true", "false")));
            }
        }
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
