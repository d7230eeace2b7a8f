package org.origincheck.audit;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import org.origincheck.determination.AuditFile;

/** Writes an {@link AuditFile} as the determination's PDF for the audit file. */
@Provider
@Produces(AuditFile.MEDIA_TYPE)
public class AuditFilePdfWriter implements MessageBodyWriter<AuditFile> {

    private final DeterminationPdf pdf;

    public AuditFilePdfWriter(DeterminationPdf pdf) {
        this.pdf = pdf;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return AuditFile.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(AuditFile file, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        out.write(pdf.render(file));
    }
}
