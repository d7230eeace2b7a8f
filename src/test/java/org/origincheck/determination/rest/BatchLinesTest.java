package org.origincheck.determination.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A batch's body is split into lines where each line is read (DeterminationBatchResource.Lines, issue 19, branch i20a), not
 * into a list of copies up front: the lines must be exactly those the list gave, CRLF, lone CR, empty lines and the final
 * newline included.
 */
class BatchLinesTest {

    /** How the resource split a body before (main 5231f70), kept here as the reference. */
    private static List<String> before(String body) {
        List<String> lines = new ArrayList<>();
        if (body == null || body.isEmpty()) {
            return lines;
        }
        int start = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            int next = end < 0 ? body.length() : end + 1;
            if (end < 0) {
                end = body.length();
            }
            lines.add(body.substring(start, end > start && body.charAt(end - 1) == '\r' ? end - 1 : end));
            start = next;
        }
        return lines;
    }

    private static List<String> now(String body) {
        DeterminationBatchResource.Lines lines = DeterminationBatchResource.Lines.of(body);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            all.add(lines.get(i));
        }
        assertThat(lines.isEmpty()).isEqualTo(all.isEmpty());
        return all;
    }

    @Test
    void shouldSplitAsTheListDid() {
        for (String body : new String[] {null, "", "\n", "\r\n", "\r", "a", "a\n", "a\r\n", "a\n\n", "\n\na", "a\r\rb\r\n", "\r\r\n",
                "{\"x\":1}\n{\"y\":\"\\r\"}\r\n\r\n{}", "é\n😀\r\n"}) {
            assertThat(now(body)).as(String.valueOf(body)).isEqualTo(before(body));
        }
        Random random = new Random(20261205);
        char[] alphabet = {'a', '{', '}', '"', '\n', '\r', ' ', 'é'};
        for (int n = 0; n < 5_000; n++) {
            StringBuilder body = new StringBuilder();
            int length = random.nextInt(n % 10 == 0 ? 400 : 40);
            for (int i = 0; i < length; i++) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertThat(now(body.toString())).as(body.toString()).isEqualTo(before(body.toString()));
        }
    }
}
