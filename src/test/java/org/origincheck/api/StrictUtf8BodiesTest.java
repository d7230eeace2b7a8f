package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The check before any reader: ASCII takes the short way, anything else the strict decoder (SecurityReviewTest: over HTTP). */
class StrictUtf8BodiesTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void asciiAndWellFormedUtf8AreAccepted() {
        assertThat(StrictUtf8Bodies.firstMalformedLine(new byte[0])).isZero();
        assertThat(StrictUtf8Bodies.firstMalformedLine(bytes("{\"a\":\"b\"}\n{\"c\":1}"))).isZero();
        assertThat(StrictUtf8Bodies.firstMalformedLine(bytes("{\"d\":\"Fräs-Ø 😀\"}"))).isZero();
    }

    @Test
    void theLineOfTheFirstMalformedByteIsNamed() {
        byte[] body = bytes("line one\nline two\nDRUM-X\nline four");
        body[body.length - 11] = (byte) 0xFF; // the X of line 3
        assertThat(StrictUtf8Bodies.firstMalformedLine(body)).isEqualTo(3);
        assertThat(StrictUtf8Bodies.firstMalformedLine(new byte[] {'a', (byte) 0xC0, (byte) 0x80})).isEqualTo(1); // overlong NUL
        assertThat(StrictUtf8Bodies.firstMalformedLine(new byte[] {'\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEqualTo(2); // a surrogate
        assertThat(StrictUtf8Bodies.firstMalformedLine(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isNotZero(); // cut short at the end
    }
}
