package org.origincheck.rulepack.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Printed slips in GN 11(o) texts that have one meaning only, read as the law means them before the text is parsed. Each
 * slip is a narrow pattern seen in the transcription (rules/README.md, "Printed slips read as meant"), and every reading is
 * reported ({@link Read#readings()}) so that the coverage report lists the rules read that way; the rules' `verification`
 * records the reading too. A slip whose meaning is in doubt (a stray "or," that may have lost a clause, a provision number
 * at the wrong level, "from any heading" without "other") is not here: the text stays refused. Nor are words a paraphrased
 * transcription leaves out ("(B) A change from any other subheading", 8108.20, where the transcriber notes that "to subheading
 * 8108.20" is not there): filling them in would guess at the law's wording; such a rule is held until its official text is read.
 */
public final class PrintedSlips {

    /** One slip read: the words as printed, as read, and why the reading is the only one. */
    public record Reading(String printed, String readAs, String why) {
    }

    /** The text as read, and the slips read in it (empty when the text was read as printed). */
    public record Read(String text, List<Reading> readings) {
        public Read {
            readings = List.copyOf(readings);
        }
    }

    private PrintedSlips() {
    }

    /**
     * "; or C) A change to" (GN 11(o) 4810) and "; or c) No change" (7313 from July 1, 2023): a label printed without its
     * opening parenthesis. Read only when it is the label after the one printed before it, so it cannot be anything else.
     */
    private static final Pattern LABEL_WITHOUT_PARENTHESIS = Pattern.compile("(; or |; )([A-Za-z])\\) (?=A change to |No change in )");

    /**
     * "(4) subheading 8537.10, (C) Whether or not there is also a change from any other heading, provided ..." (8459.21,
     * 8459.31, 8459.40-8459.51, 8459.61, 8459.70.40): an alternative never begins with "Whether"; the words continue the
     * alternative before them, as ", whether or not ..." does everywhere else in GN 11(o).
     */
    private static final Pattern LABELLED_WHETHER = Pattern.compile("[,;] \\(([A-Z])\\) Whether or not there is also a change from ");

    /** "(A) A change of subheading 8529.90 from ...": "of" printed for "to" before the good's provision. */
    private static final Pattern CHANGE_OF = Pattern.compile("(^|\\([A-Za-z]\\) )A change of (?=(?:chapter|heading|subheading|tariff item)s? \\d)");

    /** "(B) No required tariff change to ..." (9013.80): the words of "No required change in tariff classification to". */
    private static final Pattern TARIFF_CHANGE = Pattern.compile("(^|\\([A-Za-z]\\) )No required tariff change to ");

    /** "A change to headings 3701 through 3703 from heading outside that group": "any" left out. */
    private static final Pattern OUTSIDE_WITHOUT_ANY = Pattern.compile(" from (heading|subheading|chapter) outside that group");

    /** "(B) A change to any other good subheading 8708.80 from ..." (8708.80): "of" left out before the provision. */
    private static final Pattern OTHER_GOOD_PROVISION = Pattern.compile("A change to any other good (?=(?:heading|subheading|tariff item)s? \\d)");

    /**
     * "except from 4107" (4104), "A change to a good of 9031.90 from" (9031.90): a provision number without its level word.
     * The printed form of the number says its level (a heading has four digits, a subheading four and two, a tariff item
     * four, two and two), so the reading is the only one. A number of another form (two digits) is left as printed.
     */
    private static final Pattern BARE_PROVISION = Pattern.compile(
            "(except from |A change to a good of )(\\d{4}(?:\\.\\d{2}){0,2})(?=\\.$|[,;] | from | or )");

    /**
     * "except from headings 5106 through 5113, 5204 through 5212 5310 through 5311, chapters 54 ..." (GN 11(o) 63 rule 1): the
     * separator left out between two ranges of one list of provisions. Whatever it was (", ", " or ", " and "), a list of
     * provisions names the union of its items, so the provisions named are the same.
     */
    private static final Pattern LIST_WITHOUT_SEPARATOR = Pattern.compile(
            "(\\d{4} through \\d{4}) (\\d{4} through \\d{4})(?=[,;. ])");

    /**
     * The tariff-shift clause of an alternative whose "from" clause is "any other <level>" alone: "(a) A change to subheading
     * 5801.36 from any other chapter". The two slips below are read only right after it, where the words can begin nothing but
     * the exception or the "whether or not" clause of that change; never inside a proviso or after a "whether or not" clause,
     * where the same words could belong to the condition (the clause does not cross a comma, colon, semicolon, "provided" or
     * "whether").
     */
    private static final String SHIFT_FROM_ANY_OTHER = "(?:^|\\) )A change to (?:(?!provided |whether )[^,;:])+? from any other ";
    private static final String LEVEL = "(?:chapter|heading|subheading|tariff item)";

    /**
     * "from any other chapter, except headings 5106 through 5113, ..." (5801.36, Canada-US trade): "from" left out. An exception
     * to a change of tariff classification can except nothing but the provisions a material comes from.
     */
    private static final Pattern EXCEPT_WITHOUT_FROM = Pattern.compile(
            SHIFT_FROM_ANY_OTHER + LEVEL + "(?<printed>, except )(?=(?:chapter|heading|subheading)s? \\d)");

    /**
     * "For any other good of headings 8407.31 through 8407.34: (A) A change to subheadings 8407.31 through 8407.34 ...": the
     * end-use preamble names the provisions of the text after it with the level word of a heading; the numbers are printed as
     * subheadings (four and two digits), as the text's own "subheadings 8407.31 through 8407.34" names them. Read only in a
     * preamble whose numbers the text repeats as subheadings (the loader then checks them against the rule's scope).
     */
    private static final Pattern PREAMBLE_HEADINGS = Pattern.compile(
            "^For (a|any other) good of headings? (\\d{4}\\.\\d{2}(?: through \\d{4}\\.\\d{2})?)(?=[: ])");

    /**
     * "A change to subheading 8108.20 from any other subheading whether or not there is also a change from any other chapter,
     * provided ..." (8108.20 (B), had "to subheading 8108.20" been printed; no rule of the pack has the form now that 8108.20 is
     * held): the comma before the "whether or not" clause left out. After a "from" clause that is "any other <level>" alone the
     * words can begin that clause and nothing else.
     */
    private static final Pattern WHETHER_WITHOUT_COMMA = Pattern.compile(
            SHIFT_FROM_ANY_OTHER + "(?<printed>" + LEVEL + " whether or not there is also a change from )");

    public static Read read(String text) {
        List<Reading> readings = new ArrayList<>();
        String out = text;

        Matcher label = LABEL_WITHOUT_PARENTHESIS.matcher(out);
        StringBuilder relabelled = new StringBuilder();
        while (label.find()) {
            char letter = label.group(2).charAt(0);
            String previous = "(" + (char) (letter - 1) + ") ";
            boolean next = letter != 'a' && letter != 'A' && out.substring(0, label.start()).contains(previous)
                    && !out.contains("(" + letter + ") ");
            String replacement = next ? label.group(1) + "(" + letter + ") " : label.group();
            if (next) {
                readings.add(new Reading(label.group().strip(), replacement.strip(),
                        "a label printed without its opening parenthesis, after (" + (char) (letter - 1) + ")"));
            }
            label.appendReplacement(relabelled, Matcher.quoteReplacement(replacement));
        }
        label.appendTail(relabelled);
        out = relabelled.toString();

        Matcher whether = LABELLED_WHETHER.matcher(out);
        if (whether.find()) {
            char letter = whether.group(1).charAt(0);
            // Only as the last label of the text, so that no alternative is lost by reading it as part of the one before.
            if (letter != 'A' && out.substring(0, whether.start()).contains("(" + (char) (letter - 1) + ") ")
                    && !out.contains("(" + (char) (letter + 1) + ") ")) {
                String readAs = ", whether or not there is also a change from ";
                readings.add(new Reading(whether.group().strip(), readAs.strip(),
                        "an alternative never begins with 'Whether or not': the words continue the alternative before them"));
                out = out.substring(0, whether.start()) + readAs + out.substring(whether.end());
            }
        }

        out = replace(out, CHANGE_OF, m -> m.group(1) + "A change to ", readings,
                "'of' printed for 'to' before the good's provision: a change of the good's own provision cannot mean anything else");
        out = replace(out, TARIFF_CHANGE, m -> m.group(1) + "No required change in tariff classification to ", readings,
                "the words of 'No required change in tariff classification to' in short");
        out = replace(out, OUTSIDE_WITHOUT_ANY, m -> " from any " + m.group(1) + " outside that group", readings,
                "'any' left out before '<level> outside that group'");
        out = replace(out, OTHER_GOOD_PROVISION, m -> "A change to any other good of ", readings,
                "'of' left out between 'any other good' and the good's provision");
        out = replace(out, BARE_PROVISION, m -> m.group(1) + levelOf(m.group(2)) + " " + m.group(2), readings,
                "a provision number without its level word; its printed form says the level");
        out = replace(out, LIST_WITHOUT_SEPARATOR, m -> m.group(1) + ", " + m.group(2), readings,
                "a separator left out between two ranges of one list of provisions: whatever it was, the list names the same provisions");
        out = replacePrinted(out, EXCEPT_WITHOUT_FROM, m -> ", except from ", readings,
                "'from' left out: an exception to a change in tariff classification excepts the provisions materials come from");
        Matcher preamble = PREAMBLE_HEADINGS.matcher(out);
        if (preamble.find() && out.contains("A change to subheadings " + preamble.group(2) + " from ")) {
            String readAs = "For " + preamble.group(1) + " good of subheading" + (preamble.group(2).contains("through") ? "s " : " ")
                    + preamble.group(2);
            readings.add(new Reading(preamble.group(), readAs, "a subheading number printed after 'heading': the text after the"
                    + " preamble names the same numbers as subheadings"));
            out = readAs + out.substring(preamble.end());
        }
        out = replacePrinted(out, WHETHER_WITHOUT_COMMA, m -> m.group("printed").replaceFirst(" whether or not", ", whether or not"),
                readings,
                "the comma left out before 'whether or not there is also a change from', which begins that clause and nothing else");
        return new Read(out, readings);
    }

    private static String levelOf(String code) {
        return switch (code.length()) {
            case 4 -> "heading";
            case 7 -> "subheading";
            default -> "tariff item";
        };
    }

    private static String replace(String text, Pattern pattern, java.util.function.Function<Matcher, String> readAs,
                                  List<Reading> readings, String why) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = readAs.apply(m);
            readings.add(new Reading(m.group().strip(), replacement.strip(), why));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** As {@link #replace}, for a pattern whose context is matched around the slip: only its group "printed" is read anew. */
    private static String replacePrinted(String text, Pattern pattern, java.util.function.Function<Matcher, String> readAs,
                                         List<Reading> readings, String why) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (m.find()) {
            String replacement = readAs.apply(m);
            readings.add(new Reading(m.group("printed").strip(), replacement.strip(), why));
            out.append(text, copied, m.start("printed")).append(replacement);
            copied = m.end("printed");
        }
        return out.append(text, copied, text.length()).toString();
    }
}
