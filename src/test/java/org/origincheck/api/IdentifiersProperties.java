package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * api/Identifiers answers printable ASCII without ICU (its most common input, in nanoseconds and without
 * loading ICU): ICU's own check must accept every such text, or the shortcut would accept what ICU refuses.
 */
class IdentifiersProperties {

    @Provide
    Arbitrary<String> printableAscii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(0).ofMaxLength(60);
    }

    @Property(tries = 5000)
    void icuAcceptsEveryPrintableAsciiText(@ForAll("printableAscii") String value) {
        assertThat(Identifiers.icuRefusal(value)).as("ICU on %s", value).isNull();
        assertThat(Identifiers.refusal(value)).isNull();
    }

    @Property(tries = 2000)
    void aTextWithAnAsciiControlIsNeverTakenForPrintable(@ForAll("printableAscii") String value, @ForAll("controls") char control) {
        String withControl = value + control + "1";
        assertThat(Identifiers.refusal(withControl)).isEqualTo(Identifiers.INVISIBLE).isEqualTo(Identifiers.icuRefusal(withControl));
    }

    @Provide
    Arbitrary<Character> controls() {
        return Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u001F'), Arbitraries.just('\u007F'));
    }
}
