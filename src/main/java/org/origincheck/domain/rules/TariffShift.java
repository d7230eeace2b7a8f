package org.origincheck.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * A required change in tariff classification: the union of its "from" clauses, less its exceptions.
 * It applies only to non-originating materials (Annex 4-B, Section A; SOR/2020-155 s.3(2)).
 * {@code exceptDescribed} are exceptions that name materials by words within a provision ("except from housings of
 * subheadings 8467.91 or 8467.99"): they apply to a material of the provision the producer declares to be one.
 * {@code exceptMoreThanOne} (may be null): "except from more than one of the following: (A) ..., (B) ...", a condition on the
 * non-originating materials taken together (see {@link MoreThanOneOf}).
 */
public record TariffShift(List<ShiftSource> from, List<HsRange> except, List<DescribedProvisions> exceptDescribed,
                          MoreThanOneOf exceptMoreThanOne) {

    public TariffShift {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a tariff shift needs at least one 'from' clause");
        }
        from = List.copyOf(from);
        except = except == null ? List.of() : List.copyOf(except);
        exceptDescribed = exceptDescribed == null ? List.of() : List.copyOf(exceptDescribed);
    }

    public TariffShift(List<ShiftSource> from, List<HsRange> except, List<DescribedProvisions> exceptDescribed) {
        this(from, except, exceptDescribed, null);
    }

    public TariffShift(List<ShiftSource> from, List<HsRange> except) {
        this(from, except, List.of(), null);
    }

    public ShiftOutcome test(HsCode good, HsCode material) {
        return test(good, material, Map.of());
    }

    /** The outcome for a material with the producer's declarations about it (question id to answer). */
    public ShiftOutcome test(HsCode good, HsCode material, Map<String, Boolean> declarations) {
        return test(good, material, declarations, null);
    }

    /**
     * As {@link #test(HsCode, HsCode, Map)}, knowing which groups of {@code exceptMoreThanOne} the other non-originating
     * materials are in; without it ({@code presence} null) a material of a group is undetermined.
     */
    public ShiftOutcome test(HsCode good, HsCode material, Map<String, Boolean> declarations, MoreThanOneOf.Presence presence) {
        if (material == null) {
            return ShiftOutcome.UNDETERMINED;
        }
        Match excepted = HsRange.anyContains(except, material);
        for (DescribedProvisions described : exceptDescribed) {
            excepted = excepted.or(described.matches(material, declarations));
        }
        if (exceptMoreThanOne != null) {
            excepted = excepted.or(exceptMoreThanOne.excepts(material, presence));
        }
        if (excepted == Match.YES) {
            return ShiftOutcome.EXCEPTED;
        }
        Match admitted = Match.NO;
        for (ShiftSource source : from) {
            admitted = admitted.or(source.admits(good, material, declarations));
        }
        if (admitted == Match.NO) {
            return ShiftOutcome.NOT_ALLOWED;
        }
        if (admitted == Match.UNKNOWN || excepted == Match.UNKNOWN) {
            return ShiftOutcome.UNDETERMINED;
        }
        return ShiftOutcome.ALLOWED;
    }

    /** The questions stated in words that this material would have to answer for the shift to be decided. */
    public List<Question> unanswered(HsCode good, HsCode material, Map<String, Boolean> declarations) {
        List<Question> out = new ArrayList<>();
        if (material == null) {
            return out;
        }
        for (DescribedProvisions described : exceptDescribed) {
            if (described.asks(material, declarations) && !out.contains(described.question())) {
                out.add(described.question());
            }
        }
        for (ShiftSource source : from) {
            for (Question question : source.unanswered(good, material, declarations)) {
                if (!out.contains(question)) {
                    out.add(question);
                }
            }
        }
        return out;
    }

    /** Every question stated in words in this shift, for the rule's listing. */
    public List<Question> questions() {
        List<Question> out = new ArrayList<>();
        for (ShiftSource source : from) {
            if (source instanceof ShiftSource.Described d && !out.contains(d.materials().question())) {
                out.add(d.materials().question());
            } else if (source instanceof ShiftSource.SameProvision s && s.question() != null && !out.contains(s.question())) {
                out.add(s.question());
            }
        }
        for (DescribedProvisions described : exceptDescribed) {
            if (!out.contains(described.question())) {
                out.add(described.question());
            }
        }
        return out;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < from.size(); i++) {
            if (i > 0) {
                text.append(i == from.size() - 1 ? " or " : ", ");
            }
            text.append(from.get(i).describe());
        }
        if (!except.isEmpty() || !exceptDescribed.isEmpty() || exceptMoreThanOne != null) {
            List<String> parts = new ArrayList<>();
            if (!except.isEmpty()) {
                parts.add(RangeText.join(except));
            }
            exceptDescribed.forEach(d -> parts.add(d.describe()));
            if (exceptMoreThanOne != null) {
                parts.add(exceptMoreThanOne.describe());
            }
            text.append(", except from ").append(String.join(" or ", parts));
        }
        return text.toString();
    }
}
