package org.origincheck.domain.evaluation;

import java.time.LocalDate;
import java.util.List;
import org.origincheck.domain.rules.RulePackRef;

/**
 * The engine's answer for one bill of materials, before it is stored as a determination. {@code provisional}: the answer
 * rests on a product-specific rule whose text is not verified against the official text (the good's own rule, or that of
 * an intermediate material), so it holds only if the official text says the same and always goes to a compliance officer.
 */
public record Evaluation(String reference, LocalDate asOf, RulePackRef rulePack, DeterminationStatus status,
                         OriginCriterion originCriterion, AppliedRule productRule, List<RvcEntry> regionalValueContent,
                         List<Reason> reasons, List<MissingData> missingData, AutomotiveResult automotive, boolean provisional) {

    public Evaluation {
        regionalValueContent = List.copyOf(regionalValueContent);
        reasons = List.copyOf(reasons);
        missingData = List.copyOf(missingData);
    }

    /** The same answer, provisional (an intermediate material's origin rests on a provisional rule). */
    public Evaluation asProvisional() {
        return provisional ? this : new Evaluation(reference, asOf, rulePack, status, originCriterion, productRule, regionalValueContent,
                reasons, missingData, automotive, true);
    }

    /**
     * The product-specific rule applied: its scope, verbatim text and legal citation. Where the text came
     * from (a transcription, a mirrored page, when it was checked) is provenance, kept apart from the
     * citation and never written into a reason.
     */
    public record AppliedRule(String id, String hsScope, String text, String citation, Provenance provenance) {
    }

    /** The document and revision the rule text was taken from, and how it was verified against the official text. */
    public record Provenance(String source, String verification) {
    }
}
