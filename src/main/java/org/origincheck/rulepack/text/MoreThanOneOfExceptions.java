package org.origincheck.rulepack.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.MoreThanOneOf;

/**
 * Reads "more than one of the following: (A) subheadings 8413.50 through 8413.60, (B) tariff items 8466.93.15, 8466.93.30
 * or 8466.93.53, (C) subheadings 8501.32 or 8501.52, (D) subheading 8537.10" after ", except from " (GN 11(o) chapters 84
 * and 85: machine tools of 8456-8463, machinery of 8477, tubes of 8540.11). Each group must be HS provisions only; the
 * labels run in sequence, (A) (B) ... or (1) (2) ..., each after ", " (the last also after ", or "). A capital at the
 * start of a group ("(A) Tariff item 8477.90.45") is typography, read as the lower-case level word.
 *
 * <p>The groups end at the end of the alternative, or before ", provided" or ", whether". Anything else inside a group
 * (a material described in words, an assembly "incorporating more than one of the following: compressor, ...") is
 * refused: such a list is not a list of provisions.
 */
final class MoreThanOneOfExceptions {

    static final String OPENING = "more than one of the following: ";

    /** What was read: the exception and where the text after it begins; or why not, and where. */
    sealed interface Result {
        record Read(MoreThanOneOf exception, int end) implements Result {
        }

        record Refused(String what, int at) implements Result {
        }
    }

    private MoreThanOneOfExceptions() {
    }

    static boolean startsAt(String text, int pos) {
        return text.startsWith(OPENING, pos);
    }

    static Result read(String text, int pos) {
        int start = pos + OPENING.length();
        char first;
        if (text.startsWith("(A) ", start)) {
            first = 'A';
        } else if (text.startsWith("(1) ", start)) {
            first = '1';
        } else {
            return new Result.Refused("the groups of 'more than one of the following' are not labelled (A), (B), ... or (1), (2), ...", start);
        }
        int end = endOfGroups(text, start);
        List<MoreThanOneOf.Group> groups = new ArrayList<>();
        char label = first;
        int at = start + 4;
        while (true) {
            char next = (char) (label + 1);
            String marker = " (" + next + ") ";
            int nextAt = text.indexOf(marker, at);
            int groupEnd;
            int following;
            if (nextAt >= 0 && nextAt < end) {
                String before = text.substring(at, nextAt + 1);
                if (before.endsWith(", or ")) {
                    groupEnd = nextAt + 1 - ", or ".length();
                } else if (before.endsWith(", ")) {
                    groupEnd = nextAt + 1 - ", ".length();
                } else {
                    return new Result.Refused("(" + next + ") does not follow ', ' in 'more than one of the following'", at);
                }
                following = nextAt + marker.length();
            } else {
                groupEnd = end;
                following = -1;
            }
            String words = text.substring(at, groupEnd);
            List<HsRange> ranges = PsrTextParser.provisionsExactly(lowerLevelWord(words));
            if (ranges == null) {
                return new Result.Refused("group (" + label + ") of 'more than one of the following' is not a list of HS provisions", at);
            }
            groups.add(new MoreThanOneOf.Group(String.valueOf(label), ranges));
            if (following < 0) {
                break;
            }
            label = next;
            at = following;
        }
        if (groups.size() < 2) {
            return new Result.Refused("'more than one of the following' lists only one group", start);
        }
        for (int g = 0; g < groups.size(); g++) {
            for (int h = g + 1; h < groups.size(); h++) {
                for (HsRange a : groups.get(g).ranges()) {
                    for (HsRange b : groups.get(h).ranges()) {
                        if (overlap(a, b)) {
                            return new Result.Refused("groups (" + groups.get(g).label() + ") and (" + groups.get(h).label()
                                    + ") of 'more than one of the following' overlap", start);
                        }
                    }
                }
            }
        }
        return new Result.Read(new MoreThanOneOf(groups), end);
    }

    /** The groups run to the end of the alternative, or to a following proviso or "whether or not" clause. */
    private static int endOfGroups(String text, int start) {
        int end = text.length();
        for (String after : List.of(", provided", ", whether")) {
            int at = text.indexOf(after, start);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }

    /** Whether two provisions share a code, at whatever levels they are named. */
    private static boolean overlap(HsRange a, HsRange b) {
        int n = Math.min(a.level().digits(), b.level().digits());
        return a.from().substring(0, n).compareTo(b.to().substring(0, n)) <= 0
                && b.from().substring(0, n).compareTo(a.to().substring(0, n)) <= 0;
    }

    private static String lowerLevelWord(String words) {
        for (String level : List.of("Chapter", "Heading", "Subheading", "Tariff item")) {
            if (words.startsWith(level)) {
                return level.toLowerCase(Locale.ROOT) + words.substring(level.length());
            }
        }
        return words;
    }
}
