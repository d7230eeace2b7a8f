package org.origincheck.rulepack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RulePack;

/**
 * Prints what a rule pack covers, chapter by chapter: how many product-specific rules the engine applies (parsed from
 * their text, hand-encoded, or provisionally from a text not verified against the official text), the share applied, the
 * HS headings spanned, and why each of the others is not applied. Runs offline (docs/rule-pack-overlay.md):
 * {@code ./mvnw -q -o -ntp compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime}
 * then {@code java -cp "target/classes:$(cat target/classpath.txt)" org.origincheck.rulepack.CoverageReport [rules/usmca] [overlay folder]}.
 */
public final class CoverageReport {

    private CoverageReport() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "rules/usmca");
        LoadedRulePack loaded;
        try {
            PackSource source = PackSource.directory(folder);
            loaded = args.length > 1 ? new RulePackLoader().load(source, RulePackOverlay.directory(Path.of(args[1])))
                    : new RulePackLoader().load(source);
        } catch (RulePackException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(render(loaded));
    }

    /** One chapter's (or the whole pack's) figures. {@code refused}: rules held for manual review, not applied. */
    public record Figures(int rules, int parsed, int handEncoded, int provisional, int refused, Set<String> headings, int notes) {

        public int applied() {
            return parsed + handEncoded + provisional;
        }

        /** The share of rules the engine applies, in percent, rounded half up to one decimal for display. */
        public BigDecimal appliedPercent() {
            return rules == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(applied() * 100L).divide(BigDecimal.valueOf(rules), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * The coverage of a pack: figures by chapter and in total, and the rules not applied grouped by why
     * (the reason's kind, e.g. "not parsed: a condition by weight or volume"), each with its full reason.
     */
    public record Coverage(Map<String, Figures> byChapter, Figures total, Map<String, List<ProductRule>> refusedByReason,
                           Set<String> chaptersWithoutRules) {
    }

    public static Coverage compute(RulePack pack) {
        Map<String, List<ProductRule>> byChapter = pack.productRules().all().stream()
                .collect(Collectors.groupingBy(r -> r.scope().get(0).from().substring(0, 2), TreeMap::new, Collectors.toList()));
        Map<String, Long> notes = pack.notes().stream().filter(n -> n.chapter() != null)
                .collect(Collectors.groupingBy(n -> n.chapter(), TreeMap::new, Collectors.counting()));
        Set<String> chapters = new TreeSet<>(byChapter.keySet());
        chapters.addAll(notes.keySet());
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String chapter : chapters) {
            figures.put(chapter, figures(byChapter.getOrDefault(chapter, List.of()), notes.getOrDefault(chapter, 0L).intValue()));
        }
        Figures total = figures(pack.productRules().all(), pack.notes().size());
        Map<String, List<ProductRule>> refused = pack.productRules().all().stream()
                .filter(r -> r.parseStatus() == ParseStatus.MANUAL_REVIEW)
                .sorted(Comparator.comparing(ProductRule::id))
                .collect(Collectors.groupingBy(r -> kindOf(r.parseNote()), TreeMap::new, Collectors.toList()));
        Set<String> missing = new TreeSet<>();
        for (int c = 1; c <= 97; c++) {
            String chapter = String.format("%02d", c);
            if (c != 77 && !byChapter.containsKey(chapter)) {
                missing.add(chapter);
            }
        }
        return new Coverage(figures, total, refused, missing);
    }

    /**
     * The kind of a reason for not applying a rule: "not parsed: <what the parser refused>" without the quoted fragment,
     * or a manual-review note up to its first colon. A missing note is itself a kind, so it shows up rather than hides.
     */
    static String kindOf(String note) {
        if (note == null || note.isBlank()) {
            return "(no reason given)";
        }
        String kind = note;
        if (kind.startsWith("not parsed: ")) {
            int colon = kind.indexOf(": ", "not parsed: ".length());
            return colon < 0 ? kind : kind.substring(0, colon);
        }
        int colon = kind.indexOf(": ");
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    public static String render(LoadedRulePack loaded) {
        RulePack pack = loaded.pack();
        Coverage coverage = compute(pack);
        StringBuilder out = new StringBuilder();
        out.append("Rule pack ").append(pack.id()).append(' ').append(pack.version()).append(" (sha256 ").append(pack.sha256()).append(")\n");
        out.append("Unverified rule texts: ").append(pack.options().getOrDefault(RulePackLoader.UNVERIFIED_RULES_OPTION,
                RulePackLoader.UnverifiedRules.APPLY_PROVISIONALLY.name())).append(" (pack.yaml options.unverifiedRules)\n\n");
        String row = "%-7s %6s %7s %6s %12s %8s %8s %9s %6s%n";
        out.append(String.format(row, "chapter", "rules", "parsed", "hand", "provisional", "refused", "applied", "headings", "notes"));
        coverage.byChapter().forEach((chapter, f) -> out.append(line(row, chapter, f)));
        out.append(line(row, "total", coverage.total()));
        Figures t = coverage.total();
        out.append("\nApplied by the engine: ").append(t.applied()).append(" of ").append(t.rules()).append(" product-specific rules (")
                .append(t.appliedPercent().toPlainString()).append("%): ").append(t.parsed()).append(" parsed from their text, ")
                .append(t.handEncoded()).append(" hand-encoded, ").append(t.provisional())
                .append(" provisionally (text not verified against the official text; every determination is marked provisional and reviewed).\n");
        out.append("\nChapters with no product-specific rule: ")
                .append(coverage.chaptersWithoutRules().isEmpty() ? "none" : String.join(", ", coverage.chaptersWithoutRules()))
                .append(" (77 is reserved in the HS)\n");
        out.append("\nWhy the other ").append(t.refused())
                .append(" are not applied (determinations under them answer INSUFFICIENT_DATA naming the rule), by reason:\n");
        coverage.refusedByReason().entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<ProductRule>> e) -> -e.getValue().size()).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.append(String.format("  %4d  %s%n", e.getValue().size(), e.getKey())));
        out.append("\nEach rule not applied, with its reason:\n");
        coverage.refusedByReason().values().stream().flatMap(List::stream).sorted(Comparator.comparing(ProductRule::id))
                .forEach(r -> out.append("  ").append(r.id()).append(" [").append(r.hsScope()).append("] ").append(r.parseNote()).append('\n'));
        // Printed slips read as meant (rulepack/text/PrintedSlips): every rule read that way is listed, never silently.
        out.append("\nPrinted slips read as meant (rules/README.md), rule by rule:\n");
        int[] slips = {0};
        pack.productRules().all().stream().sorted(Comparator.comparing(ProductRule::id)).forEach(r -> {
            if (r.text() == null) {
                return;
            }
            for (org.origincheck.rulepack.text.PrintedSlips.Reading reading
                    : org.origincheck.rulepack.text.PrintedSlips.read(r.text().strip().replaceAll("\\s+", " ")).readings()) {
                slips[0]++;
                out.append("  ").append(r.id()).append(" [").append(r.parseStatus()).append("] \"").append(reading.printed())
                        .append("\" read as \"").append(reading.readAs()).append("\": ").append(reading.why()).append('\n');
            }
        });
        if (slips[0] == 0) {
            out.append("  none\n");
        }
        out.append("\nWarnings (suspicious rows that do not stop the pack):\n");
        if (loaded.warnings().isEmpty()) {
            out.append("  none\n");
        }
        loaded.warnings().forEach(w -> out.append("  ").append(w).append('\n'));
        return out.toString();
    }

    private static String line(String row, String label, Figures f) {
        return String.format(row, label, f.rules(), f.parsed(), f.handEncoded(), f.provisional(), f.refused(),
                f.rules() == 0 ? "-" : f.appliedPercent().toPlainString() + "%", f.headings().size(), f.notes());
    }

    static Figures figures(List<ProductRule> rules, int notes) {
        int parsed = 0, hand = 0, provisional = 0, refused = 0;
        Set<String> headings = new TreeSet<>();
        for (ProductRule rule : rules) {
            switch (rule.parseStatus()) {
                case PARSED -> parsed++;
                case HAND_ENCODED -> hand++;
                case PROVISIONAL -> provisional++;
                case MANUAL_REVIEW -> refused++;
            }
            for (HsRange range : rule.scope()) {
                if (range.level() == HsLevel.CHAPTER) {
                    headings.add(range.from() + "**");
                    continue;
                }
                int from = Integer.parseInt(range.from().substring(0, 4));
                int to = Integer.parseInt(range.to().substring(0, 4));
                for (int h = from; h <= to; h++) {
                    headings.add(String.format("%04d", h));
                }
            }
        }
        return new Figures(rules.size(), parsed, hand, provisional, refused, headings, notes);
    }
}
