package org.origincheck.rulepack;

import java.nio.file.Path;
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
 * Prints what a rule pack covers, chapter by chapter: rules, how their structure was obtained, the HS
 * headings they span, and every rule awaiting manual review with the reason. Run with:
 * {@code ./mvnw -q -ntp compile exec:java -Dexec.mainClass=org.origincheck.rulepack.CoverageReport [-Dexec.args=rules/usmca]}
 */
public final class CoverageReport {

    private CoverageReport() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : "rules/usmca");
        LoadedRulePack loaded;
        try {
            loaded = new RulePackLoader().load(PackSource.directory(folder));
        } catch (RulePackException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.print(render(loaded));
    }

    record ChapterFigures(int rules, int parsed, int hand, int manual, Set<String> headings, int notes) {
    }

    public static String render(LoadedRulePack loaded) {
        RulePack pack = loaded.pack();
        Map<String, List<ProductRule>> byChapter = pack.productRules().all().stream()
                .collect(Collectors.groupingBy(r -> r.scope().get(0).from().substring(0, 2), TreeMap::new, Collectors.toList()));
        Map<String, Long> notes = pack.notes().stream().filter(n -> n.chapter() != null)
                .collect(Collectors.groupingBy(n -> n.chapter(), TreeMap::new, Collectors.counting()));
        StringBuilder out = new StringBuilder();
        out.append("Rule pack ").append(pack.id()).append(' ').append(pack.version()).append(" (sha256 ").append(pack.sha256()).append(")\n\n");
        out.append(String.format("%-7s %6s %7s %6s %7s %9s %6s%n", "chapter", "rules", "parsed", "hand", "manual", "headings", "notes"));
        Set<String> chapters = new TreeSet<>(byChapter.keySet());
        chapters.addAll(notes.keySet());
        int rules = 0, parsed = 0, hand = 0, manual = 0, headings = 0;
        for (String chapter : chapters) {
            List<ProductRule> list = byChapter.getOrDefault(chapter, List.of());
            ChapterFigures f = figures(list, notes.getOrDefault(chapter, 0L).intValue());
            out.append(String.format("%-7s %6d %7d %6d %7d %9d %6d%n", chapter, f.rules(), f.parsed(), f.hand(), f.manual(), f.headings().size(), f.notes()));
            rules += f.rules();
            parsed += f.parsed();
            hand += f.hand();
            manual += f.manual();
            headings += f.headings().size();
        }
        out.append(String.format("%-7s %6d %7d %6d %7d %9d %6d%n", "total", rules, parsed, hand, manual, headings, pack.notes().size()));
        Set<String> missing = new TreeSet<>();
        for (int c = 1; c <= 97; c++) {
            String chapter = String.format("%02d", c);
            if (c != 77 && !byChapter.containsKey(chapter)) {
                missing.add(chapter);
            }
        }
        out.append("\nChapters with no product-specific rule: ").append(missing.isEmpty() ? "none" : String.join(", ", missing))
                .append(" (77 is reserved in the HS)\n");
        out.append("\nRules awaiting manual review (determinations under them answer INSUFFICIENT_DATA naming the rule):\n");
        pack.productRules().all().stream().filter(r -> r.parseStatus() == ParseStatus.MANUAL_REVIEW)
                .sorted(java.util.Comparator.comparing(ProductRule::id))
                .forEach(r -> out.append("  ").append(r.id()).append(" [").append(r.hsScope()).append("] ").append(r.parseNote()).append('\n'));
        out.append("\nWarnings (suspicious rows that do not stop the pack):\n");
        if (loaded.warnings().isEmpty()) {
            out.append("  none\n");
        }
        loaded.warnings().forEach(w -> out.append("  ").append(w).append('\n'));
        return out.toString();
    }

    static ChapterFigures figures(List<ProductRule> rules, int notes) {
        int parsed = 0, hand = 0, manual = 0;
        Set<String> headings = new TreeSet<>();
        for (ProductRule rule : rules) {
            switch (rule.parseStatus()) {
                case PARSED -> parsed++;
                case HAND_ENCODED -> hand++;
                case MANUAL_REVIEW -> manual++;
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
        return new ChapterFigures(rules.size(), parsed, hand, manual, headings, notes);
    }
}
