package org.origincheck.domain.rules;

import java.util.List;
import java.util.Map;
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

    /**
     * As {@link #admits(HsCode, HsCode)}, with the producer's declarations about the material (question id to answer),
     * for clauses that name materials by words.
     */
    default Match admits(HsCode good, HsCode material, Map<String, Boolean> declarations) {
        return admits(good, material);
    }

    /** The questions about this material whose answer the clause needs and the submission does not give. */
    default List<Question> unanswered(HsCode good, HsCode material, Map<String, Boolean> declarations) {
        return List.of();
    }

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

    /** "from flat yarns of subheading 5402.45", "from a non-smoked good within those subheadings": materials named by words. */
    record Described(DescribedProvisions materials) implements ShiftSource {
        @Override
        public Match admits(HsCode good, HsCode material) {
            return admits(good, material, Map.of());
        }

        @Override
        public Match admits(HsCode good, HsCode material, Map<String, Boolean> declarations) {
            return materials.matches(material, declarations);
        }

        @Override
        public List<Question> unanswered(HsCode good, HsCode material, Map<String, Boolean> declarations) {
            return materials.asks(material, declarations) ? List.of(materials.question()) : List.of();
        }

        @Override
        public String describe() {
            return "from " + materials.describe();
        }
    }

    /**
     * "from within that subheading": a material classified in the good's own provision at {@code level}. With a
     * {@code question} ("from any other good within that subheading"), the material must also be declared to be a good
     * other than the one produced: the classification alone cannot show it.
     */
    record SameProvision(HsLevel level, Question question) implements ShiftSource {
        @Override
        public Match admits(HsCode good, HsCode material) {
            return admits(good, material, Map.of());
        }

        @Override
        public Match admits(HsCode good, HsCode material, Map<String, Boolean> declarations) {
            Match inside = new AnyOther(level).admits(good, material).not();
            if (inside == Match.NO || question == null) {
                return inside;
            }
            Boolean answer = question.answerIn(declarations);
            if (answer == null) {
                return Match.UNKNOWN;
            }
            return answer ? inside : Match.NO;
        }

        @Override
        public List<Question> unanswered(HsCode good, HsCode material, Map<String, Boolean> declarations) {
            boolean asks = question != null && new AnyOther(level).admits(good, material) != Match.YES
                    && question.answerIn(declarations) == null;
            return asks ? List.of(question) : List.of();
        }

        @Override
        public String describe() {
            return question == null ? "from within the good's own " + level.legalName() : "from " + "\"" + question.words() + "\"";
        }
    }

    /**
     * "from any other subheading within heading 8518", "from any other heading within chapter 89", "from any other
     * subheading within that group": a material outside the good's own provision at {@code level} and inside {@code ranges}.
     */
    record OtherWithin(HsLevel level, List<HsRange> ranges) implements ShiftSource {
        public OtherWithin {
            ranges = List.copyOf(ranges);
        }

        @Override
        public Match admits(HsCode good, HsCode material) {
            Match other = new AnyOther(level).admits(good, material);
            Match inside = HsRange.anyContains(ranges, material);
            if (other == Match.NO || inside == Match.NO) {
                return Match.NO;
            }
            return other == Match.YES && inside == Match.YES ? Match.YES : Match.UNKNOWN;
        }

        @Override
        public String describe() {
            return "from any other " + level.legalName() + " within " + RangeText.join(ranges);
        }
    }
}
