package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.rules.ProductRule;

/**
 * What the tests found, collected in the order the law asks the questions, and the conclusion drawn
 * from it. Both engines (Drools and the plain-Java reference) record into one of these, so the
 * conclusion and the wording of every reason are the same whichever engine ran.
 */
public final class Findings {

    private static final List<OriginCriterion> PRECEDENCE =
            List.of(OriginCriterion.A, OriginCriterion.C, OriginCriterion.B, OriginCriterion.D);

    private final List<Reason> reasons = new ArrayList<>();
    private final List<RvcEntry> rvc = new ArrayList<>();
    // Sorted and merged, so the answer does not depend on the order in which an engine ran the tests.
    private final Map<String, java.util.SortedSet<String>> missing = new java.util.TreeMap<>();
    private final Map<String, MissingData> questions = new java.util.HashMap<>();
    private final Map<OriginCriterion, Verdict> criteria = new EnumMap<>(OriginCriterion.class);
    private boolean noMaterialsListed;
    // Requirements the law adds to the origin criteria ("is originating only if ..."), e.g. SOR/2020-155 s.14(4), s.17, s.18.
    private final Map<String, Verdict> requirements = new java.util.TreeMap<>();
    private java.math.BigDecimal heavyTruckRvcCredit;
    private AutomotiveResult.Thresholds thresholds;
    private AutomotiveResult.CoreParts coreParts;
    private AutomotiveResult.SteelAndAluminum steelAndAluminum;
    private AutomotiveResult.LaborValueContent laborValueContent;

    /** A requirement every criterion is subject to; one NOT_MET makes the good non-originating. */
    public void requirement(String name, Verdict verdict) {
        requirements.merge(name, verdict, Verdict::and);
    }

    public void thresholds(AutomotiveResult.Thresholds value) {
        thresholds = value;
    }

    public void coreParts(AutomotiveResult.CoreParts value) {
        coreParts = value;
    }

    public void steelAndAluminum(AutomotiveResult.SteelAndAluminum value) {
        steelAndAluminum = value;
    }

    public void laborValueContent(AutomotiveResult.LaborValueContent value) {
        laborValueContent = value;
    }

    /** Without any material, only a wholly obtained good (criterion A) can be shown to originate. */
    public void noMaterialsListed() {
        noMaterialsListed = true;
    }

    public void add(Reason reason) {
        reasons.add(reason);
    }

    public void add(RvcEntry entry) {
        rvc.add(entry);
    }

    public void missing(String field, String message) {
        missing.computeIfAbsent(field, f -> new java.util.TreeSet<>()).add(message);
    }

    /** A missing fact with its question id, the words of the law it decides and the answers it can take. */
    public void missing(MissingData data) {
        missing(data.field(), data.message());
        if (data.question() != null) {
            questions.putIfAbsent(data.field(), data);
        }
    }

    /** SOR/2020-155 s.18(22): the high-wage points a heavy truck's producer could credit towards its s.13 RVC. */
    public void heavyTruckRvcCredit(java.math.BigDecimal excessPoints) {
        heavyTruckRvcCredit = excessPoints;
    }

    /** A product-rule RVC that fails, is not below 60%, and falls short by no more than the s.18(22) credit. */
    private java.util.Optional<RvcEntry> liftableByHeavyTruckCredit() {
        if (heavyTruckRvcCredit == null) {
            return java.util.Optional.empty();
        }
        return rvc.stream().filter(e -> "PRODUCT_RULE".equals(e.requirement()) && !e.met() && e.pointsShort() != null
                && e.value().compareTo(AutomotiveAssessments.HEAVY_TRUCK_RVC_CREDIT_FLOOR) >= 0
                && e.pointsShort().compareTo(heavyTruckRvcCredit) <= 0).findFirst();
    }

    public void criterion(OriginCriterion criterion, Verdict verdict) {
        criteria.merge(criterion, verdict, Verdict::or);
    }

    public Evaluation conclude(EvaluationSubject subject) {
        OriginCriterion met = null;
        for (OriginCriterion criterion : PRECEDENCE) {
            if (noMaterialsListed && criterion != OriginCriterion.A) {
                continue;
            }
            if (criteria.get(criterion) == Verdict.MET) {
                met = criterion;
                break;
            }
        }
        DeterminationStatus status;
        String summary;
        List<String> failedRequirements = requirements.entrySet().stream().filter(e -> e.getValue() == Verdict.NOT_MET).map(Map.Entry::getKey).toList();
        List<String> undecidedRequirements = requirements.entrySet().stream().filter(e -> e.getValue() == Verdict.UNDETERMINED).map(Map.Entry::getKey).toList();
        if (!failedRequirements.isEmpty()) {
            status = DeterminationStatus.NOT_ORIGINATING;
            summary = (met != null ? "The good meets criterion " + met + " but " : "The good ") + "does not meet "
                    + String.join(", ", failedRequirements) + ", without which it is not originating whatever the criterion.";
            met = null;
        } else if (met != null && !undecidedRequirements.isEmpty()) {
            if (missing.isEmpty()) {
                missing("automotive", "needed to decide " + String.join(", ", undecidedRequirements));
            }
            summary = "The good meets criterion " + met + ", but whether it also meets " + String.join(", ", undecidedRequirements)
                    + " cannot be decided without: " + String.join("; ", missingData().stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
            status = DeterminationStatus.INSUFFICIENT_DATA;
            met = null;
        } else if (met != null) {
            status = DeterminationStatus.ORIGINATING;
            summary = "The good is originating under criterion " + met + " (" + met.citation() + ").";
        } else if (noMaterialsListed || criteria.containsValue(Verdict.UNDETERMINED)
                || !subject.hasProductRule()) {
            status = DeterminationStatus.INSUFFICIENT_DATA;
            if (missing.isEmpty()) {
                missing("good", "no criterion could be decided with the data given");
            }
            summary = "Origin cannot be determined without: " + String.join("; ",
                    missingData().stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
        } else if (subject.pack().scheduleTwoEntry(subject.good().hsCode().subheading()).isPresent()) {
            // s.3(7): a Schedule 2 good imported from the territory of a CUSMA country is originating whatever Schedule 1
            // says; the submission does not carry the country it is imported from, so the shortfall is not an answer.
            org.origincheck.domain.rules.ScheduleTwoGood entry = subject.pack().scheduleTwoEntry(subject.good().hsCode().subheading()).get();
            missing("good.importedFrom", "SOR/2020-155 s.3(7): a good of subheading " + entry.subheading() + " is referred to in Schedule 2 ("
                    + entry.group() + (entry.narrowedTo() == null ? "" : ", limited there to " + entry.narrowedTo()
                    + ": whether this good is one of them is not checked") + ") and is originating if it is imported from the territory of a "
                    + "CUSMA country, whatever Schedule 1 requires; the submission does not say from which country the good is imported, "
                    + "so this must be settled by hand");
            status = DeterminationStatus.INSUFFICIENT_DATA;
            summary = "Origin cannot be determined without: " + String.join("; ",
                    missingData().stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
        } else if (liftableByHeavyTruckCredit().isPresent()) {
            RvcEntry shortfall = liftableByHeavyTruckCredit().get();
            missing("automotive.laborValueContent", "SOR/2020-155 s.18(22): the producer may credit the "
                    + heavyTruckRvcCredit.setScale(2, java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString()
                    + " high-wage points above 30 towards the heavy truck's RVC, which falls short by "
                    + shortfall.pointsShort().setScale(2, java.math.RoundingMode.UP).stripTrailingZeros().toPlainString()
                    + " points; this version does not apply the credit, so whether the producer uses it decides origin and must be settled by hand");
            status = DeterminationStatus.INSUFFICIENT_DATA;
            summary = "Origin cannot be determined without: " + String.join("; ",
                    missingData().stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
        } else {
            status = DeterminationStatus.NOT_ORIGINATING;
            summary = "The good does not meet any origin criterion of USMCA Art. 4.2.";
        }
        List<Reason> ordered = new ArrayList<>(reasons);
        ordered.sort(Comparator.comparingInt((Reason r) -> r.code().ordinal())
                .thenComparing(r -> r.alternative() == null ? "" : r.alternative()));
        ordered.add(new Reason(ReasonCode.ORIGIN_DETERMINED, status == DeterminationStatus.ORIGINATING ? Outcome.PASS
                : status == DeterminationStatus.NOT_ORIGINATING ? Outcome.FAIL : Outcome.INSUFFICIENT_DATA,
                summary, met != null ? met.citation() : "USMCA Art. 4.2; SOR/2020-155 s.3", List.of(), null));
        List<RvcEntry> entries = new ArrayList<>(rvc);
        entries.sort(Comparator.comparing(RvcEntry::requirement).thenComparing(e -> e.alternative() == null ? "" : e.alternative())
                .thenComparing(RvcEntry::method));
        Evaluation.AppliedRule applied = subject.rule().map(Findings::applied).orElse(null);
        AutomotiveResult automotive = null;
        if (subject.vehicle().motorVehicle() || thresholds != null || coreParts != null || steelAndAluminum != null || laborValueContent != null) {
            automotive = new AutomotiveResult(subject.vehicle().vehicleClass(), subject.vehicle().explanation(), thresholds,
                    subject.stagingRegime(), coreParts, steelAndAluminum, laborValueContent);
        }
        return new Evaluation(subject.bom().reference(), subject.asOf(), subject.pack().ref(), status,
                met, applied, entries, ordered, status == DeterminationStatus.INSUFFICIENT_DATA ? missingData() : List.of(), automotive);
    }

    private List<MissingData> missingData() {
        return missing.entrySet().stream().map(e -> {
            MissingData asked = questions.get(e.getKey());
            String message = String.join("; ", e.getValue());
            return asked == null ? new MissingData(e.getKey(), message)
                    : new MissingData(e.getKey(), message, asked.question(), asked.legalText(), asked.values());
        }).toList();
    }

    private static Evaluation.AppliedRule applied(ProductRule rule) {
        return new Evaluation.AppliedRule(rule.id(), rule.hsScope(), rule.text(), rule.citation(),
                new Evaluation.Provenance(rule.source(), rule.verification()));
    }
}
