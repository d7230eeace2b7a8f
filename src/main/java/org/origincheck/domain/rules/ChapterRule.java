package org.origincheck.domain.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.origincheck.domain.hs.HsRange;

/**
 * A chapter rule of Annex 4-B (HTSUS GN 11(o)) that governs every product-specific rule of its chapter, as the pack states it
 * in {@code rules/usmca/chapter-rules.yaml} beside its verbatim {@code text}. The loader attaches it to each alternative of the
 * chapter's rules as a {@link Proviso.ChapterRuleCondition}, except to an alternative whose own text says "such goods will not
 * be subject to chapter rules ..." ({@link Proviso.NotSubjectToChapterRules}).
 *
 * <p>{@code number}: the rule's number in its chapter (the texts refer to "chapter rules 2 through 4"). {@code effectiveFrom}:
 * the first day it is in force (null: from the pack's start). {@code notForGoods}: goods the rule says it "shall not apply to".
 * {@code materials}: for {@link Kind#MATERIALS_FORMED_AND_FINISHED}, the provisions of the materials it is about.
 * {@code question}: what the producer declares (on each such material, or on the good). {@code condition}: for
 * {@link Kind#POCKET_BAG_FABRIC}, the good declaration that makes the rule bite ("contains a pocket or pockets").
 * {@code appliesTo}: a further fact that decides whether the rule applies to the good at all (null: it applies to every good
 * of the chapter outside {@code notForGoods}).
 */
public record ChapterRule(String id, String chapter, int number, String citation, String text, Kind kind, LocalDate effectiveFrom,
                          List<HsRange> notForGoods, List<HsRange> materials, Question question, Question condition,
                          Applicability appliesTo) {

    public enum Kind {
        /**
         * "the rule applicable to that good shall only apply to the component that determines the tariff classification of
         * the good": the tariff shift is tested only on the non-originating materials of that component ({@code question}
         * is declared on each material).
         */
        CLASSIFYING_COMPONENT,
        /**
         * "a good of this chapter containing sewing thread of headings 5204, 5401 or 5508 ... shall be considered originating
         * only if such sewing thread is both formed and finished in the territory": every material of {@code materials} in the
         * bill of materials carries the declaration {@code question}.
         */
        MATERIALS_FORMED_AND_FINISHED,
        /**
         * "if a good of this chapter contains a pocket or pockets, the pocket bag fabric must be formed and finished in the
         * territory ...": {@code condition} (the good contains a pocket) and {@code question} (its pocket bag fabric), both
         * declared on the good.
         */
        POCKET_BAG_FABRIC
    }

    /**
     * Whether the rule applies to the good turns on a fact stated in words: {@code question} (a good declaration), asked only
     * of goods of {@code goods} (empty: of every good; to a good outside them the rule applies) and, when {@code materials} is
     * not empty, only when the bill of materials lists a material of them (otherwise the answer is "no": a good cannot be
     * made of a fabric it does not contain). The rule applies when the answer equals {@code appliesWhen}.
     *
     * <p>Examples: chapter 62 rule 5, "For apparel made of blue denim fabric of subheadings 5209.42, 5211.42, 5212.24 and
     * 5514.30" ({@code materials} those subheadings, {@code appliesWhen} true: apparel with no such fabric in its bill of
     * materials is not made of it); chapter 62 rule 6, "For all other apparel" (the same question, {@code appliesWhen} false);
     * chapter 63 rule 2, "goods of subheading 6307.90 that are not surgical drapes or national flags" ({@code goods}
     * 6307.90, {@code appliesWhen} true for "surgical drapes or national flags").
     */
    public record Applicability(List<HsRange> goods, List<HsRange> materials, Question question, boolean appliesWhen) {
        public Applicability {
            goods = goods == null ? List.of() : List.copyOf(goods);
            materials = materials == null ? List.of() : List.copyOf(materials);
            Objects.requireNonNull(question, "question");
        }
    }

    public ChapterRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(question, "question");
        notForGoods = notForGoods == null ? List.of() : List.copyOf(notForGoods);
        materials = materials == null ? List.of() : List.copyOf(materials);
        if (kind == Kind.MATERIALS_FORMED_AND_FINISHED && materials.isEmpty()) {
            throw new IllegalArgumentException("chapter rule " + id + " names no materials");
        }
        if (kind == Kind.POCKET_BAG_FABRIC && condition == null) {
            throw new IllegalArgumentException("chapter rule " + id + " needs the declaration that the good contains a pocket");
        }
    }

    /** Whether the rule is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return effectiveFrom == null || date == null || !date.isBefore(effectiveFrom);
    }
}
