package org.origincheck.domain.hs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tariff classification of 6 to 10 digits. Heading = first 4 digits, subheading = first 6, tariff
 * item = first 8 (the Annex 4-B interpretive convention, carried into HTSUS General Note 11).
 */
public record HsCode(String digits) implements Comparable<HsCode> {

    private static final Pattern DIGITS = Pattern.compile("\\d{6,10}");
    private static final Pattern ACCEPTED = Pattern.compile("\\d{4}(\\.?\\d{2})(\\.?\\d{2})?(\\.?\\d{2})?");

    public HsCode {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("an HS code has 6 to 10 digits, got " + digits);
        }
    }

    /** Accepts {@code 870840}, {@code 8708.40}, {@code 8708.40.75}, {@code 8708.40.7500}. */
    public static HsCode parse(String text) {
        if (text == null || !ACCEPTED.matcher(text.trim()).matches()) {
            throw new IllegalArgumentException(
                    "must be 6 to 10 digits, dots optional (e.g. 8708.40 or 870840), got '" + text + "'");
        }
        String digits = text.trim().replace(".", "");
        if (digits.length() == 7 || digits.length() == 9) {
            throw new IllegalArgumentException("must have 6, 8 or 10 digits, got '" + text + "'");
        }
        return new HsCode(digits);
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
