package org.origincheck.domain.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.hs.HsCorrelation;

/**
 * A versioned, effective-dated encoding of the law. Its SHA-256 covers every file of the pack, so a
 * determination that records it can be replayed against exactly the same rules. {@code automotive} is null
 * for a pack without the automotive provisions. {@code hsCorrelation}: how a submission's HS 2022 codes read in the edition of the
 * rule texts (null for a pack without a correlation table; rules/usmca/README.md, "HS editions").
 */
public record RulePack(String id, String version, String sha256, LocalDate effectiveFrom, LocalDate effectiveTo,
                       List<SourceDocument> sources, Parameters parameters, ProductRuleBook productRules,
                       List<DeMinimisExclusion> deMinimisExclusions, List<ChapterNote> notes, Map<String, String> options,
                       AutomotiveRules automotive, List<ScheduleTwoGood> scheduleTwo, HsCorrelation hsCorrelation) {

    /** A pack without a correlation table. */
    public RulePack(String id, String version, String sha256, LocalDate effectiveFrom, LocalDate effectiveTo,
                    List<SourceDocument> sources, Parameters parameters, ProductRuleBook productRules,
                    List<DeMinimisExclusion> deMinimisExclusions, List<ChapterNote> notes, Map<String, String> options,
                    AutomotiveRules automotive, List<ScheduleTwoGood> scheduleTwo) {
        this(id, version, sha256, effectiveFrom, effectiveTo, sources, parameters, productRules, deMinimisExclusions, notes, options,
                automotive, scheduleTwo, null);
    }

    public RulePack {
        sources = List.copyOf(sources);
        deMinimisExclusions = List.copyOf(deMinimisExclusions);
        notes = List.copyOf(notes);
        scheduleTwo = List.copyOf(scheduleTwo);
        options = Map.copyOf(options);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** The Schedule 2 entry (s.3(7)) whose subheading is the good's, if any. */
    public java.util.Optional<ScheduleTwoGood> scheduleTwoEntry(String subheadingDigits) {
        return scheduleTwo.stream().filter(g -> g.digits().equals(subheadingDigits)).findFirst();
    }

    public RulePackRef ref() {
        return new RulePackRef(id, version, sha256);
    }
}
