package org.origincheck.rulepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.origincheck.domain.rules.ChapterRule;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.RuleAlternative;

/** The chapter rules of chapters 61-63 (rules/usmca/chapter-rules.yaml), attached by the loader to the rules they govern. */
class ChapterRulesLoadingTest {

    private static final Path PACK = Path.of("rules/usmca");

    private static List<ProductRule> rules(PackSource source) {
        return new RulePackLoader().load(source).pack().productRules().all();
    }

    private static ProductRule rule(List<ProductRule> rules, String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Integer> chapterRules(RuleAlternative alternative) {
        return alternative.provisos().stream().filter(p -> p instanceof Proviso.ChapterRuleCondition)
                .map(p -> ((Proviso.ChapterRuleCondition) p).rule().number()).distinct().toList();
    }

    /** The shipped pack with one file changed. */
    private static PackSource changed(String file, UnaryOperator<String> change) {
        PackSource shipped = PackSource.directory(PACK);
        return new PackSource() {
            @Override
            public byte[] read(String path) throws IOException {
                byte[] bytes = shipped.read(path);
                return path.equals(file) ? change.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8) : bytes;
            }

            @Override
            public String describe() {
                return "shipped pack with " + file + " changed";
            }
        };
    }

    @Test
    void everyAlternativeOfChapter61CarriesItsChapterRulesUnlessItsTextSwitchesThemOff() {
        List<ProductRule> rules = rules(PackSource.directory(PACK));
        ProductRule shirts = rule(rules, "GN11o-text-61-rule-15");
        assertThat(shirts.isApplicable()).isTrue();
        assertThat(chapterRules(shirts.alternatives().get(0))).containsExactly(1, 2, 3, 4);
        // 6107.21 (A): "and such goods will not be subject to chapter rules 2 through 4 of this chapter"; (B) says nothing.
        ProductRule briefs = rule(rules, "GN11o-text-61-rule-8");
        assertThat(chapterRules(briefs.alternatives().get(0))).containsExactly(1);
        assertThat(chapterRules(briefs.alternatives().get(1))).containsExactly(1, 2, 3, 4);
        // The questions a producer answers are listed with the rule (GET /api/v1/product-rules).
        assertThat(shirts.materialQuestions()).extracting(q -> q.id()).contains("part-of-component-that-determines-classification",
                "sewing-thread-formed-and-finished-in-usmca-territory");
        assertThat(shirts.provisoQuestions()).extracting(q -> q.id()).contains("cut-or-knit-to-shape-and-sewn-in-usmca-territory",
                "contains-a-pocket", "pocket-bag-fabric-formed-and-finished-in-usmca-territory");
    }

    @Test
    void chapter62RuleOneIsAnotherAlternativeOfEveryRuleOfTheChapterNotSubjectToRulesThreeToFive() {
        List<ProductRule> rules = rules(PackSource.directory(PACK));
        for (String id : List.of("GN11o-text-62-rule-1", "GN11o-text-62-rule-8")) {
            RuleAlternative extra = rule(rules, id).alternatives().get(rule(rules, id).alternatives().size() - 1);
            assertThat(extra.label()).isEqualTo("chapter rule 1");
            assertThat(extra.tariffShift()).isNull();
            assertThat(extra.provisos()).filteredOn(p -> p instanceof Proviso.Declared).extracting(Proviso::words)
                    .anySatisfy(w -> assertThat(w).startsWith("the fabric of the outer shell, exclusive of collars or cuffs"));
            // Rule 2 (the component) is attached but has no shift to act on; rule 6 (pockets, other apparel) still applies.
            assertThat(chapterRules(extra)).containsExactly(2, 6);
        }
        // 6212.10: "Such goods shall not be subject to rules 3 through 5 of this chapter."
        assertThat(chapterRules(rule(rules, "GN11o-text-62-rule-8").alternatives().get(0))).containsExactly(2, 6);
        ChapterRule denim = rule(rules, "GN11o-text-62-rule-1").alternatives().get(0).provisos().stream()
                .filter(p -> p instanceof Proviso.ChapterRuleCondition c && c.rule().number() == 5)
                .map(p -> ((Proviso.ChapterRuleCondition) p).rule()).findFirst().orElseThrow();
        assertThat(denim.effectiveFrom()).hasToString("2023-01-01");
        assertThat(denim.appliesTo().appliesWhen()).isTrue();
    }

    @Test
    void withoutTheChapterRulesTheRulesOfChapters61To63AreHeldForReview() {
        List<ProductRule> rules = rules(changed(RulePackLoader.MANIFEST, m -> m.replace("chapterRules: chapter-rules.yaml\n", "")));
        ProductRule shirts = rule(rules, "GN11o-text-61-rule-15");
        assertThat(shirts.parseStatus()).isEqualTo(ParseStatus.MANUAL_REVIEW);
        assertThat(shirts.parseNote()).contains("component that determines the tariff classification");
        assertThat(rule(rules, "GN11o-text-62-rule-7").isApplicable()).isFalse();
        assertThat(rule(rules, "GN11o-text-63-rule-5").isApplicable()).isFalse();
    }

    @Test
    void aQuestionWhoseWordsAreNotTheLawsStopsThePack() {
        PackSource edited = changed("chapter-rules.yaml", y -> y.replaceFirst(
                "words: such sewing thread is both formed and finished", "words: such sewing thread is formed"));
        assertThatThrownBy(() -> rules(edited)).isInstanceOf(RulePackException.class)
                .hasMessageContaining("chapter-rules.yaml").hasMessageContaining("GN11o-text-61-chapter-rule-3")
                .hasMessageContaining("not a verbatim part of the chapter's rules");
    }
}
