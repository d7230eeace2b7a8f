package org.origincheck.api;

/**
 * Text PostgreSQL cannot store: it refuses U+0000 in text and jsonb, and a lone UTF-16 surrogate has no UTF-8 form.
 * Such a character reaching the database was a 500 (issue 14, finding 3); it is refused at every edge instead
 * (JSON strings, query parameters, CSV bodies, the token's subject) with a 400 naming the field.
 */
public final class StorableText {

    public static final String REASON = "contains a character that cannot be stored (U+0000 NUL or an unpaired UTF-16 surrogate)";

    private StorableText() {
    }

    /** The index of the first character that cannot be stored, or -1. */
    public static int firstUnstorable(CharSequence text) {
        if (text == null) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    public static boolean storable(CharSequence text) {
        return firstUnstorable(text) < 0;
    }

    /** Throws a 400 naming the field when the text cannot be stored. */
    public static String require(String field, String text) {
        if (!storable(text)) {
            throw ApiException.invalid(field, REASON);
        }
        return text;
    }
}
