package org.origincheck.domain.rules;

import java.util.List;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * A required change in tariff classification: the union of its "from" clauses, less its exceptions.
 * It applies only to non-originating materials (Annex 4-B, Section A; SOR/2020-155 s.3(2)).
 */
public record TariffShift(List<ShiftSource> from, List<HsRange> except) {

    public TariffShift {
        if (from == null || from.isEmpty()) {
            throw new IllegalArgumentException("a tariff shift needs at least one 'from' clause");
        }
        from = List.copyOf(from);
        except = except == null ? List.of() : List.copyOf(except);
    }

    public ShiftOutcome test(HsCode good, HsCode material) {
        if (material == null) {
            return ShiftOutcome.UNDETERMINED;
        }
        Match excepted = HsRange.anyContains(except, material);
        if (excepted == Match.YES) {
            return ShiftOutcome.EXCEPTED;
        }
        Match admitted = Match.NO;
        for (ShiftSource source : from) {
            admitted = admitted.or(source.admits(good, material));
        }
        if (admitted == Match.NO) {
            return ShiftOutcome.NOT_ALLOWED;
        }
        if (admitted == Match.UNKNOWN || excepted == Match.UNKNOWN) {
            return ShiftOutcome.UNDETERMINED;
        }
        return ShiftOutcome.ALLOWED;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < from.size(); i++) {
            if (i > 0) {
                text.append(i == from.size() - 1 ? " or " : ", ");
            }
            text.append(from.get(i).describe());
        }
        if (!except.isEmpty()) {
            text.append(", except from ").append(RangeText.join(except));
        }
        return text.toString();
    }
}
