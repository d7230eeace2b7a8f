package org.origincheck.domain.hs;

import java.util.regex.Pattern;

/**
 * A provision of the nomenclature as Annex 4-B names it: one chapter, heading, subheading or tariff
 * item, or a range of them at one level ("headings 72.08 through 72.16"). Written {@code 74.04},
 * {@code 7404}, {@code 72}, {@code 8402.11-8402.20}, {@code 8708.99.81}.
 */
public record HsRange(HsLevel level, String from, String to) implements Comparable<HsRange> {

    private static final Pattern BOUND = Pattern.compile("\\d{2}(\\.?\\d{2}){0,3}");

    public HsRange {
        if (from.length() != level.digits() || to.length() != level.digits()) {
            throw new IllegalArgumentException("range bounds must both have " + level.digits() + " digits");
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("range " + format(from) + " through " + format(to) + " is reversed");
        }
    }

    public static HsRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an HS range may not be empty");
        }
        String[] parts = text.trim().split("\\s*(-|–|\\bthrough\\b)\\s*");
        if (parts.length > 2) {
            throw new IllegalArgumentException("'" + text + "' is not a provision or a range of provisions");
        }
        String from = digitsOf(parts[0], text);
        String to = parts.length == 2 ? digitsOf(parts[1], text) : from;
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("'" + text + "' mixes levels: both ends must be headings, subheadings, ...");
        }
        return new HsRange(HsLevel.ofDigits(from.length()), from, to);
    }

    private static String digitsOf(String bound, String whole) {
        String trimmed = bound.trim();
        if (!BOUND.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + whole + "' is not a provision: expected e.g. 74.04, 8402.11-8402.20");
        }
        return trimmed.replace(".", "");
    }

    public static HsRange single(HsLevel level, String digits) {
        return new HsRange(level, digits, digits);
    }

    /** Whether the code falls in this provision; UNKNOWN when the code is too coarse to tell. */
    public Match contains(HsCode code) {
        String digits = code.digits();
        if (digits.length() >= level.digits()) {
            String cut = digits.substring(0, level.digits());
            return Match.of(cut.compareTo(from) >= 0 && cut.compareTo(to) <= 0);
        }
        // The code is coarser than the range: it is outside if its own prefix is outside the range's span.
        int n = digits.length();
        String lo = from.substring(0, n);
        String hi = to.substring(0, n);
        return digits.compareTo(lo) < 0 || digits.compareTo(hi) > 0 ? Match.NO : Match.UNKNOWN;
    }

    /** Whether any of the provisions contains the code (UNKNOWN if none does for sure but one may). */
    public static Match anyContains(java.util.List<HsRange> ranges, HsCode code) {
        Match inside = Match.NO;
        for (HsRange range : ranges) {
            inside = inside.or(range.contains(code));
        }
        return inside;
    }

    /** Whether the given prefix (same level as this range) lies in it. */
    public boolean containsKey(String key) {
        return key.length() == level.digits() && key.compareTo(from) >= 0 && key.compareTo(to) <= 0;
    }

    public boolean overlaps(HsRange other) {
        if (other.level != level) {
            return false;
        }
        return from.compareTo(other.to) <= 0 && other.from.compareTo(to) <= 0;
    }

    public boolean isSingle() {
        return from.equals(to);
    }

    @Override
    public int compareTo(HsRange o) {
        int c = Integer.compare(level.digits(), o.level.digits());
        return c != 0 ? c : from.compareTo(o.from);
    }

    private static String format(String digits) {
        return digits.length() == 2 ? digits : HsCode.format(digits);
    }

    @Override
    public String toString() {
        return isSingle() ? format(from) : format(from) + "-" + format(to);
    }

    /** As the legal text would name it: "heading 74.04", "subheadings 8402.11 through 8402.20". */
    public String describe() {
        String name = level.legalName();
        if (isSingle()) {
            return name + " " + legalFormat(from);
        }
        return (level == HsLevel.CHAPTER ? "chapters" : name + "s") + " " + legalFormat(from) + " through " + legalFormat(to);
    }

    private static String legalFormat(String digits) {
        return switch (digits.length()) {
            case 2 -> digits;
            case 4 -> digits.substring(0, 2) + "." + digits.substring(2);
            default -> HsCode.format(digits);
        };
    }
}
