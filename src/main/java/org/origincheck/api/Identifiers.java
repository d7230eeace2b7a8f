package org.origincheck.api;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import java.util.List;

/**
 * Identifiers a person reads and the service compares byte for byte: part numbers, supplier ids, a submission's
 * reference. Two identifiers that look alike but differ in bytes never match (a declaration for part "DRUM-01" does
 * not decide a material "DRUM-0\u200B1"): the material then takes no origin from it, and a reader of the gaps report or
 * of a determination sees two "same" parts. So such an identifier is refused with a 400 naming the field and the
 * reason, never silently changed (what was submitted is the evidence). Refused (security review 2026-12-05, look-alike
 * identifiers; decision and ICU's differences from the earlier hand-written check in docs/security-review-2026-12-05.md):
 * <ul>
 * <li>invisible and format characters: controls, format characters (zero-width space, joiners, the bidirectional
 * embeddings, overrides and isolates of "Trojan Source", the byte-order mark, the soft hyphen), surrogates, private-use
 * and unassigned code points, line and paragraph separators, spaces other than U+0020, and the other default-ignorable
 * code points (variation selectors, the combining grapheme joiner, Hangul fillers), which no reader can be sure to see
 * as sent;</li>
 * <li>a text that is not in Unicode Normalization Form C: "PIÈCE" sent as "E" plus a combining grave accent looks the
 * same as the precomposed "È" and is another byte string;</li>
 * <li>what ICU's {@link SpoofChecker} finds (UTS #39): scripts mixed beyond the "highly restrictive" level (section 5.2:
 * one script, or Latin with the Han based sets of Japanese, Chinese or Korean), read with each character's script
 * extensions; digits of more than one numbering system; a combining mark repeated, or hidden by the letter it follows
 * ("i" with a dot above), which draw as something else.</li>
 * </ul>
 * The check is ICU4J's, not written here; ICU reads its Unicode data and spoof tables from its jar at the first check, so
 * nothing of it is loaded at startup (the holder below). Free text (descriptions, names) is not checked here.
 */
public final class Identifiers {

    public static final String INVISIBLE = "contains an invisible, format or bidirectional control character, or a space other than U+0020 "
            + "(an identifier that looks like another must not be another)";
    public static final String NOT_NFC = "is not in Unicode Normalization Form C (an accent sent as a separate combining character): "
            + "send the composed form, which looks the same";
    public static final String MIXED_SCRIPTS = "mixes scripts that look alike (e.g. a Cyrillic letter in a Latin part number): "
            + "use one script (Latin may be combined with Han, Kana, Bopomofo or Hangul)";
    public static final String MIXED_NUMBERS = "mixes digits of different numbering systems (e.g. 1 and \u0661, or 1 and a full-width \uFF11): "
            + "use the digits of one system";
    public static final String HIDDEN_MARK = "has a combining mark that is repeated or hidden by the letter it follows (e.g. i with a dot above), "
            + "which looks like another identifier";

    private Identifiers() {
    }

    /** Why this identifier is refused, or null when it is accepted (null and blank are left to the caller's own checks). */
    public static String refusal(String value) {
        if (value == null || printableAscii(value)) {
            return null;
        }
        return icuRefusal(value);
    }

    /**
     * Letters, digits, punctuation and U+0020 of ASCII, the most part numbers: ICU accepts every such text (one script,
     * Latin, with Common; one numbering system; no mark, no invisible character; NFC), which IdentifiersTest's property
     * checks against ICU itself. Answered without ICU (about 20-30 ns instead of ICU's 0.6-1.1 µs) and without loading it.
     */
    private static boolean printableAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** ICU's answer, for any text (the tests compare the ASCII shortcut with it). */
    static String icuRefusal(String value) {
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (!Icu.CHECKER.failsChecks(value, result) && Icu.NFC.isNormalized(value)) {
            return null;
        }
        // The reasons in the order the earlier check gave them: a character outside the allowed set makes ICU's restriction
        // level "unrestrictive" too, and that is about the character, not about scripts.
        if ((result.checks & SpoofChecker.CHAR_LIMIT) != 0) {
            return INVISIBLE;
        }
        if (!Icu.NFC.isNormalized(value)) {
            return NOT_NFC;
        }
        if ((result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
            return MIXED_SCRIPTS;
        }
        if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            return MIXED_NUMBERS;
        }
        return HIDDEN_MARK; // SpoofChecker.INVISIBLE (a repeated non-spacing mark) or HIDDEN_OVERLAY
    }

    /** Adds a 400's field error when the identifier is refused; true when it is accepted. */
    public static boolean check(String field, String value, List<Problem.FieldError> errors) {
        String refusal = refusal(value);
        if (refusal != null) {
            errors.add(new Problem.FieldError(field, refusal));
            return false;
        }
        return true;
    }

    /** Built at the first check, not when Identifiers is loaded: ICU's data costs its time and memory only when used. */
    private static final class Icu {

        /**
         * What SpoofChecker does not refuse itself: its INVISIBLE check is only about repeated combining marks, and its
         * default allowed set is every code point. So the allowed set is every code point but these, from ICU's own
         * properties (general categories C, Zl, Zp, Zs but U+0020, and Default_Ignorable_Code_Point), and CHAR_LIMIT
         * refuses the rest. U+2800 (the braille blank, which draws nothing) has no such property and is named here.
         */
        static final UnicodeSet INVISIBLE = new UnicodeSet("[[:C:][:Zl:][:Zp:][:Default_Ignorable_Code_Point:][[:Zs:]-[\\u0020]]\\u2800]").freeze();

        static final SpoofChecker CHECKER = new SpoofChecker.Builder()
                .setAllowedChars(new UnicodeSet(INVISIBLE).complement().freeze())
                .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
                .setChecks(SpoofChecker.CHAR_LIMIT | SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS
                        | SpoofChecker.INVISIBLE | SpoofChecker.HIDDEN_OVERLAY)
                .build();

        // SpoofChecker compares as given and does not check the form: NFC is checked beside it, with ICU's data of the same
        // Unicode version (the JDK's Normalizer knows an older one).
        static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    }
}
