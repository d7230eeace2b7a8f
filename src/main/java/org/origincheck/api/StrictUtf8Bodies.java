package org.origincheck.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A text body (JSON, NDJSON, CSV) must be UTF-8 (RFC 8259 s.8.1 for JSON; the service's documented encoding for CSV).
 * Read as a String, a malformed byte was silently replaced by U+FFFD (security review 2026-12-05, finding 3): the stored
 * submission was no longer what arrived, and two different part numbers or supplier ids ("DRUM-\xFF", "DRUM-\xFE")
 * became the same one, so a material took its origin from another part's declaration. Refused here, before any
 * reader, with a 400 naming the line; nothing is read or stored. A body that declares another charset is read in it.
 */
@Provider
public class StrictUtf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type != null && text(type) && utf8(type)) {
            byte[] body = context.getInputStream().readAllBytes();
            long line = firstMalformedLine(body);
            if (line > 0) {
                throw ApiException.invalid("line " + line, "is not UTF-8: the body must be encoded in UTF-8 (no byte is replaced; nothing was stored)");
            }
            if (context.getType() == String.class) {
                // The String the reader would make of these bytes (valid UTF-8, so nothing is replaced), made once: the reader
                // read and decoded the body a second time (issue 19: a single determination's body is a String).
                return new String(body, StandardCharsets.UTF_8);
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    private static boolean text(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return "text".equalsIgnoreCase(type.getType())
                || "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json") || subtype.equals("x-ndjson"));
    }

    private static boolean utf8(MediaType type) {
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The 1-based line of the first byte that is not UTF-8 (overlong forms and encoded surrogates included), or 0. */
    static long firstMalformedLine(byte[] body) {
        if (ascii(body)) {
            return 0; // every byte below 0x80 is UTF-8 as it stands: no decoder, no buffer (most bodies)
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192); // decoded in slices: the characters themselves are not needed
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                long line = 1;
                for (int i = 0; i < in.position(); i++) {
                    if (body[i] == '\n') {
                        line++;
                    }
                }
                return line;
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            out.clear();
            return decoder.flush(out).isError() ? -1 : 0;
        }
    }
}
