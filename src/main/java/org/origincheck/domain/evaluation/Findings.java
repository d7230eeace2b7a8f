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
    private final Map<OriginCriterion, Verdict> criteria = new EnumMap<>(OriginCriterion.class);
    private boolean noMaterialsListed;

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
        if (met != null) {
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
        return new Evaluation(subject.bom().reference(), subject.asOf(), subject.pack().ref(), status,
                met, applied, entries, ordered, status == DeterminationStatus.INSUFFICIENT_DATA ? missingData() : List.of());
    }

    private List<MissingData> missingData() {
        return missing.entrySet().stream().map(e -> new MissingData(e.getKey(), String.join("; ", e.getValue()))).toList();
    }

    private static Evaluation.AppliedRule applied(ProductRule rule) {
        return new Evaluation.AppliedRule(rule.id(), rule.hsScope(), rule.text(), rule.citation(), rule.source());
    }
}
