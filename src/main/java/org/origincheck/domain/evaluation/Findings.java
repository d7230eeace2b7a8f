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

    // Built once: built per conclusion, the comparators' lambdas were a measurable share of a sub-assembly's evaluation.
    private static final Comparator<Reason> REASON_ORDER = Comparator.comparingInt((Reason r) -> r.code().ordinal())
            .thenComparing(r -> r.alternative() == null ? "" : r.alternative());
    private static final Comparator<RvcEntry> RVC_ORDER = Comparator.comparing(RvcEntry::requirement)
            .thenComparing(e -> e.alternative() == null ? "" : e.alternative()).thenComparing(RvcEntry::method);

    private final List<Reason> reasons = new ArrayList<>();
    private final List<RvcEntry> rvc = new ArrayList<>();
    // Sorted and merged, so the answer does not depend on the order in which an engine ran the tests.
    private final Map<String, java.util.SortedSet<String>> missing = new java.util.TreeMap<>();
    private final Map<String, String> legalTexts = new java.util.TreeMap<>();
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

    /**
     * A missing fact and the words of the law it decides, where the place that asks knows them better than the fact's general
     * question ({@link FactQuestions}): e.g. the end-use words of the rule that splits by end use.
     */
    public void missing(String field, String message, String legalText) {
        missing(field, message);
        if (legalText != null) {
            legalTexts.merge(field, legalText, (a, b) -> a.equals(b) || a.contains(b) ? a : a + " | " + b);
        }
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
        List<String> failedRequirements = requirements.isEmpty() ? List.of()
                : requirements.entrySet().stream().filter(e -> e.getValue() == Verdict.NOT_MET).map(Map.Entry::getKey).toList();
        List<String> undecidedRequirements = requirements.isEmpty() ? List.of()
                : requirements.entrySet().stream().filter(e -> e.getValue() == Verdict.UNDETERMINED).map(Map.Entry::getKey).toList();
        boolean undecided = noMaterialsListed || criteria.containsValue(Verdict.UNDETERMINED) || !subject.hasProductRule();
        // s.3(7) makes a Schedule 2 good imported from a CUSMA country originating "whatever Schedule 1 requires": it can decide
        // even where no Art. 4.2 criterion can be (a rule awaiting review, no materials listed: s.3 Example 5 is a resale).
        ScheduleTwo scheduleTwo = failedRequirements.isEmpty() && met == null
                ? subject.pack().scheduleTwoEntry(subject.good().hsCode().subheading()).map(e -> scheduleTwo(subject, e)).orElse(null) : null;
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
        } else if (scheduleTwo != null && (scheduleTwo.status() == DeterminationStatus.ORIGINATING || !undecided)) {
            status = scheduleTwo.status();
            summary = scheduleTwo.summary() != null ? scheduleTwo.summary() : "Origin cannot be determined without: " + String.join("; ",
                    missingData().stream().map(m -> m.field() + " (" + m.message() + ")").toList()) + ".";
        } else if (undecided) {
            status = DeterminationStatus.INSUFFICIENT_DATA;
            if (missing.isEmpty()) {
                missing("good", "no criterion could be decided with the data given");
            }
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
        // An answer under criterion A or C does not rest on the product-specific rule (Art. 4.2(a), (c)); any other does, and
        // is provisional when that rule's text is not verified against the official text.
        boolean provisional = subject.rule().map(ProductRule::isProvisional).orElse(false)
                && !(status == DeterminationStatus.ORIGINATING && (met == OriginCriterion.A || met == OriginCriterion.C));
        List<Reason> ordered = new ArrayList<>(reasons);
        if (provisional) {
            ProductRule rule = subject.rule().get();
            ordered.add(new Reason(ReasonCode.PRODUCT_RULE_PROVISIONAL, Outcome.INFO, "Rule " + rule.id()
                    + " is applied provisionally (" + rule.parseNote() + "): the answer holds only if the official text of the rule"
                    + " says the same, so the determination is provisional and a compliance officer must confirm it.",
                    rule.citation(), List.of(), null));
        }
        ordered.sort(REASON_ORDER);
        ordered.add(new Reason(ReasonCode.ORIGIN_DETERMINED, status == DeterminationStatus.ORIGINATING ? Outcome.PASS
                : status == DeterminationStatus.NOT_ORIGINATING ? Outcome.FAIL : Outcome.INSUFFICIENT_DATA,
                summary, met != null ? met.citation() : status == DeterminationStatus.ORIGINATING ? Citations.SCHEDULE_TWO
                : Citations.ORIGINATING_GOODS, List.of(), null));
        List<RvcEntry> entries = new ArrayList<>(rvc);
        entries.sort(RVC_ORDER);
        Evaluation.AppliedRule applied = subject.appliedRule();
        AutomotiveResult automotive = null;
        if (subject.vehicle().motorVehicle() || thresholds != null || coreParts != null || steelAndAluminum != null || laborValueContent != null) {
            automotive = new AutomotiveResult(subject.vehicle().vehicleClass(), subject.vehicle().explanation(), thresholds,
                    subject.stagingRegime(), coreParts, steelAndAluminum, laborValueContent);
        }
        return new Evaluation(subject.bom().reference(), subject.asOf(), subject.pack().ref(), status,
                met, applied, entries, ordered, status == DeterminationStatus.INSUFFICIENT_DATA ? missingData() : List.of(), automotive,
                provisional);
    }


    private record ScheduleTwo(DeterminationStatus status, String summary) {
    }

    /**
     * SOR/2020-155 s.3(7): "A good is originating in the territory of a CUSMA country if the good is referred to in Schedule 2 and
     * is imported from the territory of a CUSMA country." Reached only when no Art. 4.2 criterion is met. A Schedule 2 line
     * narrowed to tariff items or a description is a declaration the producer answers (the engine matches subheadings only).
     */
    private ScheduleTwo scheduleTwo(EvaluationSubject subject, org.origincheck.domain.rules.ScheduleTwoGood entry) {
        String citation = Citations.SCHEDULE_TWO;
        String listed = "a good of subheading " + entry.subheading() + " is referred to in Schedule 2 (" + entry.group()
                + (entry.narrowedTo() == null ? "" : ", limited there to " + entry.narrowedTo()) + ")";
        String from = subject.good().importedFrom();
        if (from == null) {
            missing("good.importedFrom", "SOR/2020-155 s.3(7): " + listed + " and is originating if it is imported from the territory of a "
                    + "CUSMA country, whatever Schedule 1 requires: give the country it is imported from (US, CA, MX or another country's code)");
            return new ScheduleTwo(DeterminationStatus.INSUFFICIENT_DATA, null);
        }
        if (!FactQuestions.CUSMA_COUNTRIES.contains(from)) {
            add(new Reason(ReasonCode.SCHEDULE_TWO_GOOD, Outcome.NOT_APPLICABLE, "SOR/2020-155 s.3(7) does not make the good originating: "
                    + listed + ", but it is not imported from the territory of a CUSMA country.", citation, List.of(), null));
            return new ScheduleTwo(DeterminationStatus.NOT_ORIGINATING, "The good does not meet any origin criterion of USMCA Art. 4.2, "
                    + "and SOR/2020-155 s.3(7) does not apply because it is not imported from a CUSMA country.");
        }
        if (entry.narrowedTo() != null) {
            String question = scheduleTwoQuestion(entry);
            Boolean declared = subject.good().declarations().get(question);
            if (declared == null) {
                missing("good.declarations." + question, "SOR/2020-155 s.3(7): " + listed + "; say whether the good is one of them",
                        "SOR/2020-155 Schedule 2, " + entry.group() + ": " + entry.subheading() + " " + entry.narrowedTo());
                return new ScheduleTwo(DeterminationStatus.INSUFFICIENT_DATA, null);
            }
            if (!declared) {
                add(new Reason(ReasonCode.SCHEDULE_TWO_GOOD, Outcome.NOT_APPLICABLE, "SOR/2020-155 s.3(7) does not make the good originating: "
                        + listed + ", and the producer declares the good is not one of them.", citation, List.of(), null));
                return new ScheduleTwo(DeterminationStatus.NOT_ORIGINATING, "The good does not meet any origin criterion of USMCA Art. 4.2, "
                        + "and it is not one of the goods Schedule 2 refers to (SOR/2020-155 s.3(7)).");
            }
        }
        add(new Reason(ReasonCode.SCHEDULE_TWO_GOOD, Outcome.PASS, "SOR/2020-155 s.3(7): " + listed
                + (entry.narrowedTo() == null ? "" : " (the producer declares it is one of them)")
                + " and it is imported from the territory of a CUSMA country (" + from + "): it is originating whatever Schedule 1 requires.",
                citation, List.of(), null));
        return new ScheduleTwo(DeterminationStatus.ORIGINATING, "The good is originating under SOR/2020-155 s.3(7): " + listed
                + (entry.narrowedTo() == null ? "" : " (the producer declares it is one of them)")
                + " and it is imported from the territory of a CUSMA country (" + from + "), whatever Schedule 1 requires. s.3(7) is none of "
                + "the criteria A-D of USMCA Art. 4.2, so no criterion is given; an officer decides what the certification states.");
    }

    /** The declaration that answers a Schedule 2 line narrowed to tariff items or a description, e.g. {@code schedule-2:8473.30}. */
    public static String scheduleTwoQuestion(org.origincheck.domain.rules.ScheduleTwoGood entry) {
        return "schedule-2:" + entry.subheading();
    }


    private List<MissingData> missingData() {
        return missing.entrySet().stream().map(e -> {
            MissingData asked = questions.get(e.getKey());
            String message = String.join("; ", e.getValue());
            if (asked != null) {
                // The place that asked knew the question exactly (a condition of the rule stated in words): it wins.
                return new MissingData(e.getKey(), message, asked.question(), asked.legalText(), asked.values());
            }
            java.util.Optional<FactQuestions.Question> question = FactQuestions.of(e.getKey());
            String legalText = legalTexts.getOrDefault(e.getKey(), question.map(FactQuestions.Question::legalText).orElse(null));
            return new MissingData(e.getKey(), message, question.map(FactQuestions.Question::question).orElse(e.getKey()),
                    legalText, question.map(FactQuestions.Question::values).orElse(List.of()));
        }).toList();
    }

    static Evaluation.AppliedRule applied(ProductRule rule) {
        return new Evaluation.AppliedRule(rule.id(), rule.hsScope(), rule.text(), rule.citation(),
                new Evaluation.Provenance(rule.source(), rule.verification()));
    }
}
