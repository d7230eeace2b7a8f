package org.origincheck.api;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Identifiers a person reads and the service compares byte for byte: part numbers, supplier ids, a submission's
 * reference. Two identifiers that look alike but differ in bytes never match (a declaration for part "DRUM-01" does
 * not decide a material "DRUM-0\u200B1"): the material then takes no origin from it, and a reader of the gaps report or
 * of a determination sees two "same" parts. So such an identifier is refused with a 400 naming the field and the
 * reason, never silently changed (what was submitted is the evidence). Refused (security review 2026-12-05, look-alike
 * identifiers; decision in docs/security-review-2026-12-05.md):
 * <ul>
 * <li>invisible and format characters: Unicode controls (Cc), format characters (Cf: zero-width space, joiners, the
 * bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069 of "Trojan Source", the byte-order
 * mark, the soft hyphen), line and paragraph separators, spaces other than U+0020 (no-break and typographic spaces),
 * the other default-ignorable characters (variation selectors, the combining grapheme joiner, Hangul fillers), and
 * private-use or unassigned code points, which no reader can be sure to see as sent;</li>
 * <li>a text that is not in Unicode Normalization Form C: "PIÈCE" sent as "E" plus a combining grave accent looks the
 * same as the precomposed "È" and is another byte string;</li>
 * <li>scripts mixed beyond Unicode's "highly restrictive" level (UTS #39, section 5.2): one script, or Latin with the Han
 * based sets of Japanese (Han, Hiragana, Katakana), Chinese (Han, Bopomofo) or Korean (Han, Hangul). A Cyrillic "е" in
 * a Latin part number is refused; an all-Cyrillic, all-Greek or Japanese part number is accepted.</li>
 * </ul>
 * Accented Latin ("PIÈCE-1", precomposed) and punctuation of any script are accepted. Free text (descriptions, names) is
 * not checked here.
 */
public final class Identifiers {

    public static final String INVISIBLE = "contains an invisible, format or bidirectional control character, or a space other than U+0020 "
            + "(an identifier that looks like another must not be another)";
    public static final String NOT_NFC = "is not in Unicode Normalization Form C (an accent sent as a separate combining character): "
            + "send the composed form, which looks the same";
    public static final String MIXED_SCRIPTS = "mixes scripts that look alike (e.g. a Cyrillic letter in a Latin part number): "
            + "use one script (Latin may be combined with Han, Kana, Bopomofo or Hangul)";

    private static final List<Set<UnicodeScript>> ALLOWED_COMBINATIONS = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private Identifiers() {
    }

    /** Why this identifier is refused, or null when it is accepted (null and blank are left to the caller's own checks). */
    public static String refusal(String value) {
        if (value == null) {
            return null;
        }
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (invisible(c)) {
                return INVISIBLE;
            }
            UnicodeScript script = UnicodeScript.of(c);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && script != UnicodeScript.UNKNOWN) {
                scripts.add(script);
            }
        }
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            return NOT_NFC;
        }
        if (scripts.size() > 1 && ALLOWED_COMBINATIONS.stream().noneMatch(allowed -> allowed.containsAll(scripts))) {
            return MIXED_SCRIPTS;
        }
        return null;
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

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                || (type == Character.SPACE_SEPARATOR && c != ' ')
                // Default-ignorable code points that are not Cf (Unicode's DerivedCoreProperties): they draw nothing.
                || c == 0x034F || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5 || c == 0x3164 || c == 0xFFA0
                || (c >= 0x180B && c <= 0x180F) || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)
                // Hangul and braille blanks that render as nothing visible.
                || c == 0x2800;
    }
}
