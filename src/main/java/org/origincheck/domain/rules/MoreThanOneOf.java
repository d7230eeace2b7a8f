package org.origincheck.domain.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * "except from more than one of the following: (A) subheadings 8413.50 through 8413.60, (B) tariff items 8466.93.15,
 * 8466.93.30 or 8466.93.53, (C) subheadings 8501.32 or 8501.52, (D) subheading 8537.10" (GN 11(o), e.g. chapter 84 rules
 * for 8456-8463): non-originating materials of any one of the groups may be used, but the change is not met when the
 * non-originating materials come from two or more of them. Unlike the other exceptions it is a condition on the bill of
 * materials as a whole, so a material's outcome depends on the others ({@link Presence}).
 *
 * <p>Which materials then fail: every non-originating material of a listed group, once materials of two or more groups
 * are present. The text does not say which of them "causes" the failure; counting all of them in the s.5(1) de minimis is
 * the reading that can never make a good originate that another reading would not (rules/usmca/README.md, "Interpretations
 * we made explicit").
 */
public record MoreThanOneOf(List<Group> groups) {

    /** One labelled item of the list, as printed: "(B) tariff items 8466.93.15, 8466.93.30 or 8466.93.53". */
    public record Group(String label, List<HsRange> ranges) {
        public Group {
            ranges = List.copyOf(ranges);
        }
    }

    public MoreThanOneOf {
        groups = List.copyOf(groups);
        if (groups.size() < 2) {
            throw new IllegalArgumentException("'more than one of the following' needs at least two groups");
        }
    }

    /**
     * How many of the materials tested are surely ({@code yes}) or possibly ({@code maybe}, a classification too coarse or
     * missing) in each group. Computed once per alternative from the non-originating materials subject to the shift.
     */
    public record Presence(int[] yes, int[] maybe) {
    }

    public Presence presence(List<HsCode> materials) {
        int[] yes = new int[groups.size()];
        int[] maybe = new int[groups.size()];
        for (HsCode material : materials) {
            for (int g = 0; g < groups.size(); g++) {
                Match in = membership(g, material);
                if (in == Match.YES) {
                    yes[g]++;
                }
                if (in != Match.NO) {
                    maybe[g]++;
                }
            }
        }
        return new Presence(yes, maybe);
    }

    private Match membership(int group, HsCode material) {
        return material == null ? Match.UNKNOWN : HsRange.anyContains(groups.get(group).ranges(), material);
    }

    /**
     * Whether the exception takes this material: YES when it is in one group and another material is surely in another
     * group; UNKNOWN when that depends on a classification the submission does not give precisely (or when the other
     * materials are not known, {@code presence} null); NO otherwise.
     */
    public Match excepts(HsCode material, Presence presence) {
        boolean inAny = false;
        for (int g = 0; g < groups.size(); g++) {
            if (membership(g, material) != Match.NO) {
                inAny = true;
            }
        }
        if (!inAny) {
            return Match.NO;
        }
        if (presence == null) {
            return Match.UNKNOWN;
        }
        boolean possible = false;
        for (int g = 0; g < groups.size(); g++) {
            Match in = membership(g, material);
            if (in == Match.NO) {
                continue;
            }
            for (int h = 0; h < groups.size(); h++) {
                if (h == g) {
                    continue;
                }
                Match alsoInH = membership(h, material);
                int othersSurelyInH = presence.yes()[h] - (alsoInH == Match.YES ? 1 : 0);
                int othersPossiblyInH = presence.maybe()[h] - (alsoInH != Match.NO ? 1 : 0);
                if (in == Match.YES && othersSurelyInH > 0) {
                    return Match.YES;
                }
                if (othersPossiblyInH > 0) {
                    possible = true;
                }
            }
        }
        return possible ? Match.UNKNOWN : Match.NO;
    }

    /** Whether the material's classification is precise enough to say which of the groups it is in. */
    public boolean classifies(HsCode material) {
        for (int g = 0; g < groups.size(); g++) {
            if (membership(g, material) == Match.UNKNOWN) {
                return false;
            }
        }
        return true;
    }

    /** The labels of the groups this material is surely in (for a reason naming why it fails). */
    public List<String> groupsOf(HsCode material) {
        List<String> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (membership(g, material) == Match.YES) {
                out.add(groups.get(g).label());
            }
        }
        return out;
    }

    public String describe() {
        return "more than one of the following: " + groups.stream()
                .map(g -> "(" + g.label() + ") " + RangeText.join(g.ranges())).collect(Collectors.joining(", "));
    }
}
