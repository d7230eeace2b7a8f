package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which identifiers are refused as able to pass for another, and which ordinary ones are accepted (api/Identifiers). */
class IdentifiersTest {

    @Test
    void shouldRefuseInvisibleFormatAndBidirectionalCharacters() {
        for (int c : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B, 0x200C, 0x200D, 0x200E,
                0x200F, 0x2060, 0xFEFF, 0x00AD, 0x00A0, 0x2007, 0x3000, 0x2028, 0x2029, 0x0009, 0x000A, 0x007F, 0x034F, 0xFE0F, 0x3164,
                0xE000, 0xE0001}) {
            assertThat(Identifiers.refusal("DRUM-" + Character.toString(c) + "01")).as("U+%04X", c).isEqualTo(Identifiers.INVISIBLE);
        }
    }

    @Test
    void shouldRefuseATextThatIsNotNfc() {
        assertThat(Identifiers.refusal("PIE\u0300CE-1")).isEqualTo(Identifiers.NOT_NFC);
        assertThat(Identifiers.refusal("\u212B-1")).as("the angstrom sign, whose NFC is Å").isEqualTo(Identifiers.NOT_NFC);
    }

    @Test
    void shouldRefuseScriptsMixedBeyondHighlyRestrictive() {
        assertThat(Identifiers.refusal("DRUM-0\u04351")).as("Cyrillic e in Latin").isEqualTo(Identifiers.MIXED_SCRIPTS);
        assertThat(Identifiers.refusal("\u0391BC-1")).as("Greek Alpha with Latin").isEqualTo(Identifiers.MIXED_SCRIPTS);
        assertThat(Identifiers.refusal("\u0417\u0410\u041F-\u0391")).as("Cyrillic with Greek").isEqualTo(Identifiers.MIXED_SCRIPTS);
        assertThat(Identifiers.refusal("\uD55C\u30AB")).as("Hangul with Katakana").isEqualTo(Identifiers.MIXED_SCRIPTS);
    }

    @Test
    void shouldAcceptOrdinaryIdentifiersOfEveryScript() {
        for (String ok : new String[] {"DRUM-01", "PI\u00C8CE-1", "pi\u00E8ce_2/a.b", "\u0417\u0410\u041F\u0427\u0410\u0421\u0422\u042C-1",
                "\u0391\u0392\u0393-7", "\u90E8\u54C1-\u30DC\u30EB\u30C8-A1", "\u96F6\u4EF6-\u3105", "\uBD80\uD488-\u90E8-X", "PO 4411",
                "\u00C7ELIK-\u015E", "ÉCROU M8 × 1,25", "\u0645\u0627\u062F\u0629-1", "ABC-\u00B7-\u2013"}) {
            assertThat(Identifiers.refusal(ok)).as(ok).isNull();
        }
        assertThat(Identifiers.refusal(null)).isNull();
    }
}
