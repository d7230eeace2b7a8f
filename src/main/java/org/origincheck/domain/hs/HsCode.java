package org.origincheck.domain.hs;

import java.util.Optional;

/**
 * A tariff classification of 6 to 10 digits. Heading = first 4 digits, subheading = first 6, tariff
 * item = first 8 (the Annex 4-B interpretive convention, carried into HTSUS General Note 11).
 */
public record HsCode(String digits) implements Comparable<HsCode> {

    public HsCode {
        if (digits == null || digits.length() < 6 || digits.length() > 10 || !asciiDigits(digits, 0, digits.length())) {
            throw new IllegalArgumentException("an HS code has 6 to 10 digits, got " + digits);
        }
    }

    /**
     * Accepts {@code 870840}, {@code 8708.40}, {@code 8708.40.75}, {@code 8708.40.7500}: four digits, then one to three pairs
     * of digits, each pair with or without a dot before it (the text may have blanks around it). Read character by character,
     * not by a regular expression: every material's code of every submission comes through here, right after Bean
     * Validation checked the same text against a pattern (the regular expressions were 15% of validating a 50-material BOM,
     * docs/benchmarks.md, issue 19). {@code HsCodeParseProperties} holds it to the regular expression it replaces.
     */
    public static HsCode parse(String text) {
        String digits = text == null ? null : digitsOf(text.trim());
        if (digits == null) {
            throw new IllegalArgumentException(
                    "must be 6 to 10 digits, dots optional (e.g. 8708.40 or 870840), got '" + text + "'");
        }
        return new HsCode(digits);
    }

    /** The digits of an accepted code (4 digits, then 1 to 3 pairs, each after an optional dot), or null if it is not one. */
    private static String digitsOf(String code) {
        int n = code.length();
        if (n < 6 || n > 13 || !asciiDigits(code, 0, 4)) {
            return null;
        }
        StringBuilder digits = new StringBuilder(10).append(code, 0, 4);
        int i = 4;
        int pairs = 0;
        while (i < n && pairs < 3) {
            if (code.charAt(i) == '.') {
                i++;
            }
            if (i + 2 > n || !asciiDigits(code, i, i + 2)) {
                return null;
            }
            digits.append(code, i, i + 2);
            i += 2;
            pairs++;
        }
        return i == n && pairs > 0 ? digits.toString() : null;
    }

    /** Whether text[from, to) is all ASCII digits: what {@code \\d} matches without UNICODE_CHARACTER_CLASS. */
    private static boolean asciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public String chapter() {
        return digits.substring(0, 2);
    }

    public String heading() {
        return digits.substring(0, 4);
    }

    public String subheading() {
        return digits.substring(0, 6);
    }

    public int chapterNumber() {
        return Integer.parseInt(chapter());
    }

    /** The code cut to the given level, or empty when the code is less precise than the level. */
    public Optional<String> at(HsLevel level) {
        return digits.length() >= level.digits() ? Optional.of(digits.substring(0, level.digits())) : Optional.empty();
    }

    public int precision() {
        return digits.length();
    }

    /**
     * A heading that is not subdivided into subheadings carries the subheading code XXXX.00 in the HS;
     * SOR/2020-155 s.3(4)(a) treats such a heading like a subheading.
     */
    public boolean isUndividedHeading() {
        return digits.startsWith("00", 4);
    }

    public String formatted() {
        return format(digits);
    }

    public static String format(String digits) {
        StringBuilder out = new StringBuilder(digits.substring(0, Math.min(4, digits.length())));
        for (int i = 4; i < digits.length(); i += 2) {
            out.append('.').append(digits, i, Math.min(i + 2, digits.length()));
        }
        return out.toString();
    }

    @Override
    public int compareTo(HsCode other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
