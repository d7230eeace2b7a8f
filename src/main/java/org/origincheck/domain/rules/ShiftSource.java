package org.origincheck.domain.rules;

import java.util.List;
import java.util.Optional;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * One "from" clause of a change in tariff classification. A rule's clauses are alternatives: a
 * material that any clause admits has undergone the change (subject to the rule's exceptions).
 */
public sealed interface ShiftSource {

    /** Whether a non-originating material of {@code material} may be used in a good of {@code good}. */
    Match admits(HsCode good, HsCode material);

    String describe();

    /**
     * "from any other chapter / heading / subheading / tariff item": the material must be classified
     * outside the good's own provision at that level. Within a group rule ("subheadings 8517.12 through
     * 8517.61 from any other subheading, including another subheading within that group") this is the
     * good's own provision, not the group.
     */
    record AnyOther(HsLevel level) implements ShiftSource {
        @Override
        public Match admits(HsCode good, HsCode material) {
            Optional<String> goodKey = good.at(level);
            Optional<String> materialKey = material.at(level);
            if (goodKey.isEmpty()) {
                return Match.UNKNOWN;
            }
            if (materialKey.isPresent()) {
                return Match.of(!materialKey.get().equals(goodKey.get()));
            }
            // The material is coarser than the level: it differs if its own digits already differ.
            return goodKey.get().startsWith(material.digits()) ? Match.UNKNOWN : Match.YES;
        }

        @Override
        public String describe() {
            return "from any other " + level.legalName();
        }
    }

    /** "from any heading outside headings 52.08 through 52.12", "from any subheading outside that group". */
    record Outside(List<HsRange> ranges) implements ShiftSource {
        public Outside {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Match admits(HsCode good, HsCode material) {
            return HsRange.anyContains(ranges, material).not();
        }

        @Override
        public String describe() {
            return "from outside " + RangeText.join(ranges);
        }
    }

    /** "from subheading 8402.90": only materials of the named provisions are admitted by this clause. */
    record From(List<HsRange> ranges) implements ShiftSource {
        public From {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Match admits(HsCode good, HsCode material) {
            return HsRange.anyContains(ranges, material);
        }

        @Override
        public String describe() {
            return "from " + RangeText.join(ranges);
        }
    }
}
