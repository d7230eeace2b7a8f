package org.origincheck.domain.rules;

import java.util.List;
import java.util.Map;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;

/**
 * Materials named by words within HS provisions: "housings of subheading 8467.91", "any other good within that
 * subheading". A material is one of them when it is classified in the provisions and the producer declares it answers
 * the {@code question} as {@code required} (false: a material of the provisions that is not the one the words describe); when
 * it is in the provisions and no answer is given, the match is UNKNOWN
 * and the engine asks for the declaration.
 */
public record DescribedProvisions(List<HsRange> ranges, Question question, boolean required) {

    public DescribedProvisions {
        ranges = List.copyOf(ranges);
    }

    public Match matches(HsCode material, Map<String, Boolean> declarations) {
        Match inside = HsRange.anyContains(ranges, material);
        if (inside == Match.NO) {
            return Match.NO;
        }
        Boolean answer = question.answerIn(declarations);
        if (answer == null) {
            return Match.UNKNOWN;
        }
        return answer == required ? inside : Match.NO;
    }

    /** Whether the material's answer would decide the match: it is (or may be) in the provisions and has not answered. */
    public boolean asks(HsCode material, Map<String, Boolean> declarations) {
        return HsRange.anyContains(ranges, material) != Match.NO && question.answerIn(declarations) == null;
    }

    public String describe() {
        // required false: "any other good of heading 5108" than the materials the words describe (an exception of 5112.11).
        return required ? "\"" + question.words() + "\"" : RangeText.join(ranges) + " other than \"" + question.words() + "\"";
    }
}
