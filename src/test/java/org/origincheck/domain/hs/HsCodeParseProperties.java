package org.origincheck.domain.hs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link HsCode#parse} reads codes character by character (issue 19: the regular expressions were 15% of validating a
 * 50-material BOM). It must accept exactly what the regular expression it replaced accepted, with the same digits: codes
 * are what tariff shifts are tested on, so a code read differently is a different answer.
 */
class HsCodeParseProperties {

    /** The parser before issue 19, kept here as the reference. */
    private static final Pattern ACCEPTED = Pattern.compile("\\d{4}(\\.?\\d{2})(\\.?\\d{2})?(\\.?\\d{2})?");
    private static final Pattern DIGITS = Pattern.compile("\\d{6,10}");

    private static String reference(String text) {
        if (text == null || !ACCEPTED.matcher(text.trim()).matches()) {
            return "refused";
        }
        return text.trim().replace(".", "");
    }

    private static String parsed(String text) {
        try {
            return HsCode.parse(text).digits();
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }

    @Property(tries = 20_000)
    void acceptsExactlyWhatTheRegularExpressionAccepted(@ForAll("codeLike") String text) {
        assertEquals(reference(text), parsed(text), () -> "'" + text + "'");
    }

    @Property(tries = 5_000)
    void aCodeOfDigitsIsWhatItWasBefore(@ForAll("digitsLike") String digits) {
        String expected = DIGITS.matcher(digits).matches() ? digits : "refused";
        String actual;
        try {
            actual = new HsCode(digits).digits();
        } catch (IllegalArgumentException e) {
            actual = "refused";
        }
        assertEquals(expected, actual, () -> "'" + digits + "'");
    }

    @Example
    void theDocumentedForms() {
        assertEquals("870840", parsed("870840"));
        assertEquals("870840", parsed("8708.40"));
        assertEquals("87084075", parsed("8708.40.75"));
        assertEquals("8708407500", parsed("8708.40.7500"));
        assertEquals("8708407500", parsed(" 8708.40.75.00 "));
        assertEquals("refused", parsed("8708.4"));
        assertEquals("refused", parsed("8708..40"));
        assertEquals("refused", parsed("8708.40."));
        assertEquals("refused", parsed("87084075001"));
        assertEquals("refused", parsed("８７０８４０")); // full-width digits: \d did not match them either
        assertEquals("refused", parsed(null));
    }

    /** Mostly digits and dots, some blanks and other characters, lengths around the accepted ones. */
    @Provide
    Arbitrary<String> codeLike() {
        return Arbitraries.strings().withChars("0123456789012345678901234567890123456789....  a\t٣").ofMinLength(0).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> digitsLike() {
        return Arbitraries.strings().withChars("01234567890123456789x.٣").ofMinLength(0).ofMaxLength(12);
    }
}
