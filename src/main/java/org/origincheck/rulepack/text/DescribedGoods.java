package org.origincheck.rulepack.text;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A good described by words on both sides of its provision: "hides or skins of heading 4101 which have undergone a tanning
 * (including pre-tanning) process which is reversible from ...", "tubes, pipes, or hoses of subheading 4009.12, of a kind
 * for use in a motor vehicle of tariff items 8702.10.60, ..., or heading 8711, from ..." (GN 11(o) chapters 40 and 41). The
 * words after the provision (or a parenthesis, "warp pile fabrics, cut, of subheading 5801.37 (if such fabrics are ...)")
 * belong to the description up to the " from " that begins the change, so the whole is one
 * declaration about the good, in the exact words of the text.
 *
 * <p>Only plain words are read: a "; ", a proviso, a "whether or not" clause, a percentage, an alternative label or an
 * unbalanced parenthesis before the " from " means the words are something else, and the text stays refused.
 */
final class DescribedGoods {

    private static final Pattern ALTERNATIVE_LABEL = Pattern.compile("\\([A-Za-z0-9]{1,4}\\) ");

    /** Where the trailing words end and where reading resumes (at " from "), or null when there are none to read. */
    record Trailing(int wordsEnd, int resumeAt) {
    }

    private DescribedGoods() {
    }

    /**
     * An earlier alternative's description in the same words but for punctuation ("tubes, pipes, or hoses" in (A), "tubes,
     * pipes or hoses" in (B) of 4009.12): the same fact, so the same question, in the words first printed.
     */
    static java.util.Optional<org.origincheck.domain.rules.Question> sameWords(java.util.List<org.origincheck.domain.rules.Question> earlier,
                                                                           String words) {
        return earlier.stream().filter(q -> plain(q.words()).equals(plain(words))).findFirst();
    }

    private static String plain(String words) {
        return words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", " ").strip();
    }

    static Trailing after(String text, int pos) {
        // " (if such fabrics are ...)" (5801.37, Canada-US trade): a parenthesis after the provision that says which goods of it
        // the words describe; it must close right before the " from " that begins the change.
        if (text.startsWith(" (", pos)) {
            int from = text.indexOf(" from ", pos);
            if (from < 0 || text.charAt(from - 1) != ')' || text.indexOf(')', pos) != from - 1) {
                return null;
            }
        } else if (!(text.startsWith(", ", pos) || text.startsWith(" which ", pos) || text.startsWith(" that ", pos))) {
            return null;
        }
        int from = text.indexOf(" from ", pos);
        if (from < 0) {
            return null;
        }
        String words = text.substring(pos, from);
        String lower = words.toLowerCase(Locale.ROOT);
        if (words.contains(";") || lower.contains("provided") || lower.contains("whether") || lower.contains("percent")
                || lower.contains(" change ") || ALTERNATIVE_LABEL.matcher(words).find()
                || words.chars().filter(ch -> ch == '(').count() != words.chars().filter(ch -> ch == ')').count()
                || words.strip().equals(",")) {
            return null;
        }
        int end = words.endsWith(",") ? from - 1 : from;
        return new Trailing(end, from);
    }

    /**
     * A good described in words of a provision narrower than another alternative's ("(A) A change to subheadings 7804.11
     * through 7804.20 ...; or (B) A change to foil ... of subheading 7804.11 ..."): the declaration that selects the
     * alternative is about the good, and nothing checks that the good is classified in the narrower provision, so a good of
     * 7804.19 would be asked about foil of 7804.11. Refused until an alternative carries its own provisions.
     */
    static java.util.Optional<String> narrowerThanRule(java.util.List<java.util.List<org.origincheck.domain.hs.HsRange>> described,
                                                       java.util.List<java.util.List<org.origincheck.domain.hs.HsRange>> plain) {
        for (java.util.List<org.origincheck.domain.hs.HsRange> words : described) {
            for (java.util.List<org.origincheck.domain.hs.HsRange> named : plain) {
                if (!words.equals(named)) {
                    return java.util.Optional.of("the good described in words (" + words + ") is of narrower provisions than another"
                            + " alternative's (" + named + "), and an alternative does not carry its own provisions");
                }
            }
        }
        return java.util.Optional.empty();
    }
}
