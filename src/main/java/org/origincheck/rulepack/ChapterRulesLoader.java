package org.origincheck.rulepack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ChapterNote;
import org.origincheck.domain.rules.ChapterRule;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.Proviso;
import org.origincheck.domain.rules.Question;
import org.origincheck.domain.rules.RuleAlternative;

/**
 * Reads {@code chapterRules} (rules/usmca/chapter-rules.yaml) and attaches each chapter rule to the alternatives of the
 * product-specific rules of its chapter: a condition ({@link Proviso.ChapterRuleCondition}) on every alternative that its own
 * text does not exempt ("such goods will not be subject to chapter rules 2 through 4 of this chapter"), and an additional
 * alternative for a chapter rule that is another way to originate (GN 11(o) chapter 62 rule 1).
 *
 * <p>The verbatim text and citation are the chapter's note (the id in {@code note}); every question's words must be a
 * verbatim part of a note of that chapter, so a reader of a question can find it in the law. A chapter that has chapter
 * rules in its notes but none here is not affected: the coverage report and the rule's own refusal say what is missing.
 */
final class ChapterRulesLoader {

    /** The API's pattern for a question id ({@code ApiPatterns.QUESTION_ID}): a declaration must be answerable. */
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:_\\[\\]-]{0,79}");
    static final String ADDITIONAL_ALTERNATIVE = "ADDITIONAL_ALTERNATIVE";

    /** A chapter rule that is another way to originate: its declarations, and the chapter rules it is not subject to. */
    record AdditionalAlternative(ChapterNote note, int number, List<Question> declarations, Set<Integer> notSubjectTo) {
    }

    record Loaded(Map<String, List<ChapterRule>> conditions, Map<String, List<AdditionalAlternative>> alternatives) {
        static Loaded none() {
            return new Loaded(Map.of(), Map.of());
        }
    }

    private ChapterRulesLoader() {
    }

    static Loaded read(PackDocuments.ChapterRulesDoc doc, List<ChapterNote> notes, String file, RulePackLoader.Problems problems) {
        Map<String, List<ChapterRule>> conditions = new LinkedHashMap<>();
        Map<String, List<AdditionalAlternative>> alternatives = new LinkedHashMap<>();
        if (doc == null || doc.chapterRules() == null || doc.chapterRules().isEmpty()) {
            problems.add(file, 0, "'chapterRules' must list at least one chapter rule");
            return new Loaded(conditions, alternatives);
        }
        Map<String, ChapterNote> byId = new HashMap<>();
        notes.forEach(n -> byId.put(n.id(), n));
        int index = 0;
        for (PackDocuments.ChapterRuleDoc d : doc.chapterRules()) {
            String where = "chapterRules[" + index++ + "] (" + d.note() + "): ";
            ChapterNote note = d.note() == null ? null : byId.get(d.note());
            if (note == null) {
                problems.add(file, 0, where + "'note' must be the id of a chapter note of the pack (its verbatim text)");
                continue;
            }
            if (d.chapter() == null || !d.chapter().equals(note.chapter()) || d.number() == null || d.number() < 1) {
                problems.add(file, 0, where + "'chapter' must be the note's chapter (" + note.chapter() + ") and 'number' the rule's number");
                continue;
            }
            String chapterText = String.join(" ", notes.stream().filter(n -> d.chapter().equals(n.chapter())).map(ChapterNote::text).toList())
                    .replaceAll("\\s+", " ");
            int before = problems.list.size();
            if (ADDITIONAL_ALTERNATIVE.equals(d.kind())) {
                List<Question> declarations = new ArrayList<>();
                for (PackDocuments.QuestionDoc q : d.declarations() == null ? List.<PackDocuments.QuestionDoc>of() : d.declarations()) {
                    Question question = question(q, chapterText, file, where, problems);
                    if (question != null) {
                        declarations.add(question);
                    }
                }
                if (declarations.isEmpty()) {
                    problems.add(file, 0, where + "an additional alternative needs its 'declarations'");
                }
                if (problems.list.size() == before) {
                    alternatives.computeIfAbsent(d.chapter(), c -> new ArrayList<>()).add(new AdditionalAlternative(note, d.number(),
                            declarations, new TreeSet<>(d.notSubjectTo() == null ? List.of() : d.notSubjectTo())));
                }
                continue;
            }
            ChapterRule.Kind kind;
            try {
                kind = ChapterRule.Kind.valueOf(String.valueOf(d.kind()));
            } catch (IllegalArgumentException e) {
                problems.add(file, 0, where + "'kind' must be one of " + List.of(ChapterRule.Kind.values()) + " or " + ADDITIONAL_ALTERNATIVE);
                continue;
            }
            Question question = question(d.question(), chapterText, file, where, problems);
            Question condition = d.condition() == null ? null : question(d.condition(), chapterText, file, where, problems);
            ChapterRule.Applicability appliesTo = null;
            if (d.appliesTo() != null) {
                Question q = question(d.appliesTo().question(), chapterText, file, where, problems);
                if (d.appliesTo().appliesWhen() == null) {
                    problems.add(file, 0, where + "'appliesTo' needs 'appliesWhen' (true or false)");
                }
                if (q != null && d.appliesTo().appliesWhen() != null) {
                    appliesTo = new ChapterRule.Applicability(ranges(d.appliesTo().goods(), file, where, problems),
                            ranges(d.appliesTo().materials(), file, where, problems), q, d.appliesTo().appliesWhen());
                }
            }
            List<HsRange> materials = ranges(d.materials(), file, where, problems);
            List<HsRange> notForGoods = ranges(d.notForGoods(), file, where, problems);
            if (problems.list.size() != before || question == null) {
                continue;
            }
            try {
                conditions.computeIfAbsent(d.chapter(), c -> new ArrayList<>()).add(new ChapterRule(note.id(), d.chapter(), d.number(),
                        note.citation(), note.text(), kind, d.effectiveFrom(), notForGoods, materials, question, condition, appliesTo));
            } catch (IllegalArgumentException e) {
                problems.add(file, 0, where + e.getMessage());
            }
        }
        return new Loaded(conditions, alternatives);
    }

    private static Question question(PackDocuments.QuestionDoc q, String chapterText, String file, String where, RulePackLoader.Problems problems) {
        if (q == null || q.id() == null || q.words() == null || q.words().isBlank()) {
            problems.add(file, 0, where + "a question needs an 'id' and the law's 'words'");
            return null;
        }
        if (!QUESTION_ID.matcher(q.id()).matches()) {
            problems.add(file, 0, where + "question id '" + q.id() + "' is not a valid question id (letters, digits, . : _ [ ] -; at most 80)");
            return null;
        }
        String words = q.words().strip().replaceAll("\\s+", " ");
        if (!chapterText.contains(words)) {
            problems.add(file, 0, where + "the words of question '" + q.id() + "' are not a verbatim part of the chapter's rules: \"" + words + "\"");
            return null;
        }
        return new Question(q.id(), words);
    }

    private static List<HsRange> ranges(List<String> texts, String file, String where, RulePackLoader.Problems problems) {
        List<HsRange> out = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            try {
                out.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(file, 0, where + e.getMessage());
            }
        }
        return out;
    }

    /** The rules with their chapter's rules attached; rules of other chapters, and rules not applied, unchanged. */
    static List<ProductRule> attach(List<ProductRule> rules, Loaded loaded, List<ChapterNote> notes) {
        List<ProductRule> out = new ArrayList<>(rules.size());
        // Per chapter, not per rule: the notes' texts were normalised again for each of the pack's ~1,100 rules, a tenth of
        // the pack's loading time at startup (docs/startup.md).
        Map<String, Boolean> limitedToComponent = new HashMap<>();
        for (ProductRule rule : rules) {
            String chapter = rule.scope().get(0).from().substring(0, 2);
            List<ChapterRule> conditions = loaded.conditions().getOrDefault(chapter, List.of());
            if (rule.isApplicable() && limitedToComponent.computeIfAbsent(chapter, c -> limitedToComponent(c, notes))
                    && conditions.stream().noneMatch(c -> c.kind() == ChapterRule.Kind.CLASSIFYING_COMPONENT)) {
                // Applied without its chapter's rules, the rule would give answers they could reverse (a material outside the
                // classifying component failing the shift): held until the pack states them.
                out.add(new ProductRule(rule.id(), rule.scope(), rule.endUses(), rule.vehicleClasses(), rule.effectiveFrom(), rule.effectiveTo(),
                        rule.text(), rule.citation(), rule.source(), rule.verification(), List.of(), rule.notes(), rule.partsRuleUnavailable(),
                        ParseStatus.MANUAL_REVIEW, "not applied: the chapter rules of chapter " + chapter + " that govern it (\"the rule applicable"
                        + " to that good shall only apply to the component that determines the tariff classification of the good\") are not"
                        + " stated in the pack's chapterRules", rule.file(), rule.line(), rule.trade()));
                continue;
            }
            List<AdditionalAlternative> additional = loaded.alternatives().getOrDefault(chapter, List.of());
            if ((conditions.isEmpty() && additional.isEmpty()) || rule.alternatives().isEmpty() || rule.parseStatus() == ParseStatus.MANUAL_REVIEW) {
                out.add(rule);
                continue;
            }
            List<RuleAlternative> alternatives = new ArrayList<>();
            for (RuleAlternative alternative : rule.alternatives()) {
                alternatives.add(withChapterRules(alternative, conditions, exempted(alternative.provisos())));
            }
            for (AdditionalAlternative extra : additional) {
                List<Proviso> provisos = new ArrayList<>();
                extra.declarations().forEach(q -> provisos.add(new Proviso.Declared(q)));
                RuleAlternative alternative = new RuleAlternative("chapter rule " + extra.number(), null, null, List.of(), provisos);
                Set<Integer> exempt = new TreeSet<>(extra.notSubjectTo());
                exempt.add(extra.number());
                alternatives.add(withChapterRules(alternative, conditions, exempt));
            }
            out.add(new ProductRule(rule.id(), rule.scope(), rule.endUses(), rule.vehicleClasses(), rule.effectiveFrom(), rule.effectiveTo(),
                    rule.text(), rule.citation(), rule.source(), rule.verification(), alternatives, rule.notes(), rule.partsRuleUnavailable(),
                    rule.parseStatus(), rule.parseNote(), rule.file(), rule.line(), rule.trade()));
        }
        return out;
    }

    /** Whether a note of the chapter limits its rules to the component that determines the good's classification. */
    private static boolean limitedToComponent(String chapter, List<ChapterNote> notes) {
        return notes.stream().anyMatch(n -> chapter.equals(n.chapter())
                && n.text().replaceAll("\\s+", " ").contains("shall only apply to the component that determines the tariff classification"));
    }

    private static Set<Integer> exempted(List<Proviso> provisos) {
        Set<Integer> out = new TreeSet<>();
        provisos.stream().filter(p -> p instanceof Proviso.NotSubjectToChapterRules)
                .forEach(p -> out.addAll(((Proviso.NotSubjectToChapterRules) p).rules()));
        return out;
    }

    private static RuleAlternative withChapterRules(RuleAlternative alternative, List<ChapterRule> conditions, Set<Integer> exempt) {
        List<Proviso> provisos = new ArrayList<>(alternative.provisos());
        for (ChapterRule rule : conditions) {
            if (!exempt.contains(rule.number())) {
                provisos.add(new Proviso.ChapterRuleCondition(rule));
            }
        }
        return new RuleAlternative(alternative.label(), alternative.tariffShift(), alternative.regionalValueContent(),
                alternative.goodConditions(), provisos);
    }
}
