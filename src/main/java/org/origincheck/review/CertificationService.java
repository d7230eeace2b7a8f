package org.origincheck.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.domain.hs.HsCode;

/**
 * Certifications of origin (USMCA Art. 5.2; the nine minimum data elements of Annex 5-A), issued only from
 * a determination whose standing conclusion is ORIGINATING and that an officer (or the policy) approved, or
 * that an officer overrode to ORIGINATING. Each is kept as issued, linked to its determination.
 */
@ApplicationScoped
public class CertificationService {

    /** Annex 5-A, element 9 (as reproduced in the customs administrations' guidance). */
    public static final String STATEMENT = "I certify that the goods described in this document qualify as originating and the information "
            + "contained in this document is true and accurate. I assume responsibility for proving such representations and agree to maintain "
            + "and present upon request or to make available during a verification visit, documentation necessary to support this certification.";

    public enum CertifierRole { IMPORTER, EXPORTER, PRODUCER }

    // Field limits (issue 14): generous for any real party or good, and they bound what a PDF costs to render.
    // Names and titles 200, a postal address 500, a telephone 50, an e-mail 254 (RFC 5321), a description 1,000.
    public record Party(@Size(max = 200) String name, @Size(max = 200) String title, @Size(max = 500) String address,
                        @Size(max = 50) String telephone, @Size(max = 254) String email) {
    }

    public record Request(CertifierRole certifierRole, @Valid Party certifier, @Valid Party exporter, @Valid Party producer,
                          @Size(max = 50) String producerStatement, @Valid Party importer,
                          @Size(max = 1000) String description, LocalDate blanketFrom, LocalDate blanketTo, @Size(max = 200) String signatory) {
    }

    /** The certification as issued: the nine data elements, numbered as in Annex 5-A, and where they came from. */
    public record Certification(String id, String determinationId, Instant issuedAt, String issuedBy,
                                String element1CertifierRole, Party element2Certifier, Party element3Exporter, Object element4Producer,
                                Party element5Importer, String element6Description, String element6HsCode, String element7OriginCriterion,
                                Period element8BlanketPeriod, Signature element9Signature, String rulePack, String citation) {
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public record Signature(String signatory, LocalDate date, String statement) {
    }

    private final ReviewService reviews;
    private final ObjectMapper mapper;
    private final Clock clock = Clock.systemUTC();

    public CertificationService(ReviewService reviews, ObjectMapper mapper) {
        this.reviews = reviews;
        this.mapper = mapper;
    }

    public Certification issue(UUID determinationId, String tenant, String actor, Request request) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ReviewStatusRecord locked = ReviewStatusRecord.lock(determinationId, tenant);
            if (locked == null) {
                throw ApiException.notFound("no determination " + determinationId);
            }
            DeterminationRecord determination = DeterminationRecord.findInTenant(determinationId, tenant);
            ReviewService.ReviewView review = reviews.view(determination);
            String refusal = null;
            if (actor.equals(determination.submittedBy)) {
                // Four eyes, as for approve, reject and override: whoever submitted the BOM does not also certify it.
                refusal = "the determination was submitted by the same subject: another reviewer must certify it (four eyes)";
            } else if (!"ORIGINATING".equals(review.conclusion())) {
                refusal = "the determination's standing conclusion is " + review.conclusion() + ": only an originating good can be certified (USMCA Art. 5.2)";
            } else if (!(review.state().equals("APPROVED") || review.state().equals("OVERRIDDEN"))) {
                refusal = "the determination is " + review.state() + ": it must be approved (or overridden to ORIGINATING) before it is certified";
            }
            if (refusal != null) {
                throw new ApiException(new Problem("https://origincheck.org/problems/cannot-certify", "Cannot certify", 409, refusal, null,
                        List.of(new Problem.FieldError("determination", refusal))));
            }
            String description = request.description() != null && !request.description().isBlank() ? request.description().strip()
                    : goodDescription(determination);
            check(request, description);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            UUID id = UUID.randomUUID();
            Object producer = request.producer() != null ? request.producer() : request.producerStatement();
            Certification certification = new Certification(id.toString(), determinationId.toString(), now, actor,
                    request.certifierRole().name(), request.certifier(), request.exporter(), producer, request.importer(), description,
                    HsCode.format(determination.hsCode.substring(0, 6)), review.conclusionCriterion(),
                    request.blanketFrom() == null ? null : new Period(request.blanketFrom(), request.blanketTo()),
                    new Signature(request.signatory().strip(), LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), STATEMENT),
                    determination.rulePackId + " " + determination.rulePackVersion + " sha256:" + determination.rulePackSha256,
                    "USMCA Art. 5.2, Annex 5-A");
            CertificationRecord record = new CertificationRecord();
            record.id = id;
            record.tenantId = tenant;
            record.determinationId = determinationId;
            record.issuedAt = now;
            record.issuedBy = actor;
            record.content = write(certification);
            record.persist();
            return certification;
        });
    }

    private static void check(Request r, String description) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.certifierRole() == null) errors.add(new Problem.FieldError("certifierRole", "is required: IMPORTER, EXPORTER or PRODUCER (element 1)"));
        if (r.certifier() == null || blank(r.certifier().name()) || blank(r.certifier().address()) || blank(r.certifier().email())) {
            errors.add(new Problem.FieldError("certifier", "name, address and e-mail of the certifier are required (element 2)"));
        }
        if (r.producer() == null && !"VARIOUS".equals(r.producerStatement()) && !"AVAILABLE_UPON_REQUEST".equals(r.producerStatement())) {
            errors.add(new Problem.FieldError("producer", "give the producer, or producerStatement VARIOUS or AVAILABLE_UPON_REQUEST (element 4)"));
        }
        if (description == null || description.isBlank()) {
            errors.add(new Problem.FieldError("description", "the good has no description in the determination: give one (element 6)"));
        }
        if ((r.blanketFrom() == null) != (r.blanketTo() == null)) {
            errors.add(new Problem.FieldError("blanketTo", "a blanket period needs both blanketFrom and blanketTo (element 8)"));
        } else if (r.blanketFrom() != null) {
            if (r.blanketTo().isBefore(r.blanketFrom())) {
                errors.add(new Problem.FieldError("blanketTo", "ends before blanketFrom"));
            } else if (r.blanketTo().isAfter(r.blanketFrom().plusMonths(12).minusDays(1))) {
                errors.add(new Problem.FieldError("blanketTo", "a blanket period covers at most 12 months (element 8)"));
            }
        }
        if (blank(r.signatory())) errors.add(new Problem.FieldError("signatory", "the name of the person signing is required (element 9)"));
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
    }

    private String goodDescription(DeterminationRecord determination) {
        if (!"application/json".equals(determination.submissionMediaType)) {
            return null;
        }
        try {
            JsonNode submission = mapper.readTree(determination.submission);
            String text = submission.path("good").path("description").asText(null);
            return text == null || text.isBlank() ? null : text;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public Certification find(UUID certificationId, String tenant) {
        CertificationRecord record = CertificationRecord.<CertificationRecord>find("id = ?1 and tenantId = ?2", certificationId, tenant).firstResult();
        if (record == null) {
            throw ApiException.notFound("no certification " + certificationId);
        }
        try {
            return mapper.readValue(record.content, Certification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A printable PDF of the certification: the nine elements in a table, the statement, the signature line. */
    public byte[] pdf(Certification c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out);
        document.open();
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
        Font label = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7);
        document.add(new Paragraph("USMCA / CUSMA / T-MEC Certification of Origin", title));
        document.add(new Paragraph("Minimum data elements of USMCA Annex 5-A (Art. 5.2). Certification " + c.id(), small));
        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(new float[] {1.3f, 3f});
        table.setWidthPercentage(100);
        row(table, label, body, "1. Certifier", c.element1CertifierRole());
        row(table, label, body, "2. Certifier details", party(c.element2Certifier()));
        row(table, label, body, "3. Exporter", c.element3Exporter() == null ? "Same as certifier" : party(c.element3Exporter()));
        row(table, label, body, "4. Producer", c.element4Producer() instanceof String s ? s.replace('_', ' ')
                : c.element4Producer() == null ? "" : party(mapper.convertValue(c.element4Producer(), Party.class)));
        row(table, label, body, "5. Importer", c.element5Importer() == null ? "Unknown" : party(c.element5Importer()));
        row(table, label, body, "6. Description; HS classification", c.element6Description() + "\nHS " + c.element6HsCode());
        row(table, label, body, "7. Origin criterion", c.element7OriginCriterion());
        row(table, label, body, "8. Blanket period", c.element8BlanketPeriod() == null ? "Single shipment"
                : c.element8BlanketPeriod().from() + " to " + c.element8BlanketPeriod().to());
        row(table, label, body, "9. Authorized signature and date", c.element9Signature().statement() + "\n\n"
                + c.element9Signature().signatory() + "          Date: " + c.element9Signature().date() + "\n\n________________________________ (signature)");
        document.add(table);
        document.add(new Paragraph(" ", body));
        document.add(new Paragraph("Issued by OriginCheck from determination " + c.determinationId() + " (" + c.rulePack() + "), "
                + c.issuedAt() + ", by " + c.issuedBy() + ".", small));
        document.close();
        return out.toByteArray();
    }

    private static void row(PdfPTable table, Font label, Font body, String name, String value) {
        PdfPCell left = new PdfPCell(new Paragraph(name, label));
        left.setPadding(5);
        PdfPCell right = new PdfPCell(new Paragraph(value == null ? "" : value, body));
        right.setPadding(5);
        table.addCell(left);
        table.addCell(right);
    }

    private static String party(Party p) {
        if (p == null) return "";
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {p.name(), p.title(), p.address(), p.telephone(), p.email()}) {
            if (s != null && !s.isBlank()) parts.add(s);
        }
        return String.join("\n", parts);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
