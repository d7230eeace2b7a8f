package org.origincheck.domain.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.origincheck.domain.hs.HsRange;

/**
 * A condition of an alternative other than a regional value content: "..., provided that the good resulting from such
 * change is the product of a chemical reaction". The alternative is met only when its shift (or RVC) and every proviso
 * are. {@code words} are the law's words of the condition, quoted in reasons and questions.
 */
public sealed interface Proviso {

    String words();

    /**
     * A condition of fact the bill of materials cannot show (a chemical reaction, a share of a content "by volume", a
     * share of a denominator that is not in the BOM): the producer declares it in {@code good.declarations} under the
     * question's id, and the engine asks for it with the law's words when the answer depends on it.
     */
    record Declared(Question question) implements Proviso {
        public Declared {
            Objects.requireNonNull(question, "question");
        }

        @Override
        public String words() {
            return question.words();
        }
    }

    /**
     * "at least 70 percent by weight of the materials of headings 7208 through 7229 and 7301 through 7326 is originating":
     * of the materials listed in the BOM and classified in {@code materials}, the originating ones weigh at least
     * {@code atLeastPercent} of their total weight ({@code materials[].weight}, kilograms).
     */
    record OriginatingShareByWeight(List<HsRange> materials, BigDecimal atLeastPercent, String words) implements Proviso {
        public OriginatingShareByWeight {
            materials = List.copyOf(materials);
            Objects.requireNonNull(atLeastPercent, "atLeastPercent");
            Objects.requireNonNull(words, "words");
        }
    }

    /**
     * A chapter rule that governs the alternative ({@link ChapterRule}): attached by the loader, not read from the rule's
     * own text. {@link ChapterRule.Kind#CLASSIFYING_COMPONENT} acts on the tariff shift; the others are conditions on the
     * good that must also be met.
     */
    record ChapterRuleCondition(ChapterRule rule) implements Proviso {
        public ChapterRuleCondition {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public String words() {
            return rule.question().words();
        }
    }

    /**
     * "..., and such goods will not be subject to chapter rules 2 through 4 of this chapter" (GN 11(o) 6107.21 (A)): part of
     * the alternative's text, always met; it tells the loader which chapter rules not to attach ({@code rules}: their numbers).
     */
    record NotSubjectToChapterRules(List<Integer> rules, String words) implements Proviso {
        public NotSubjectToChapterRules {
            rules = List.copyOf(rules);
            Objects.requireNonNull(words, "words");
        }
    }
}
