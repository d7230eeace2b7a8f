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

    /**
     * What the officer fills in. Where Annex 5-A lets an element be left out, the request says so explicitly instead of
     * leaving it blank: {@code exporterStatement} SAME_AS_CERTIFIER, {@code producerStatement} VARIOUS, AVAILABLE_UPON_REQUEST or
     * SAME_AS_CERTIFIER, {@code importerStatement} UNKNOWN. {@code replaces} (with {@code replacementReason}) issues this one in place
     * of an active certification of the same determination, which then ends as REPLACED.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CertificationRequest")
    public record Request(CertifierRole certifierRole, @Valid Party certifier, @Valid Party exporter, @Valid Party producer,
                          @Size(max = 50) String producerStatement, @Valid Party importer,
                          @Size(max = 1000) String description, LocalDate blanketFrom, LocalDate blanketTo, @Size(max = 200) String signatory,
                          @Size(max = 50) String exporterStatement,
                          @Size(max = 50) String importerStatement,
                          UUID replaces,
                          @Size(max = 4000) String replacementReason) {
    }

    /** Why a certification ended: revoked, or replaced by another ({@code replacedBy}). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CertificationRevocation")
    public record Revocation(Instant at, String by, String reason, String replacedBy) {
    }

    /** A certification as issued, with its standing: ACTIVE, REVOKED or REPLACED (computed; the certification never changes). */
    public record IssuedCertification(@com.fasterxml.jackson.annotation.JsonUnwrapped Certification certification, String status, Revocation revocation) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "CertificationRevocationRequest")
    public record RevocationRequest(@Size(max = 4000) String reason) {
    }

    /** The certification as issued: the nine data elements, numbered as in Annex 5-A, and where they came from. */
    public record Certification(String id, String determinationId, Instant issuedAt, String issuedBy,
                                String element1CertifierRole, Party element2Certifier, Object element3Exporter, Object element4Producer,
                                Object element5Importer, String element6Description, String element6HsCode, String element7OriginCriterion,
                                Period element8BlanketPeriod, Signature element9Signature, String rulePack, String citation,
                                String replaces) {
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

    public IssuedCertification issue(UUID determinationId, String tenant, String actor, Request request) {
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
            List<IssuedCertification> issued = list(determinationId, tenant);
            IssuedCertification replaced = request.replaces() == null ? null : issued.stream()
                    .filter(c -> c.certification().id().equals(request.replaces().toString())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("replaces", "is not a certification of this determination"));
            if (replaced != null && !"ACTIVE".equals(replaced.status())) {
                throw conflict("replaces", "certification " + replaced.certification().id() + " is already " + replaced.status() + ": only an active one can be replaced");
            }
            for (IssuedCertification other : issued) {
                if (other != replaced && "ACTIVE".equals(other.status()) && duplicates(other.certification(), request)) {
                    throw conflict("certification", "certification " + other.certification().id() + " of this determination, by the same "
                            + "certifier role, is active for the same " + (request.blanketFrom() == null ? "single shipment" : "period")
                            + ": revoke it, or issue this one in its place with replaces and replacementReason");
                }
            }
            Object producer = request.producer() != null ? request.producer() : request.producerStatement();
            Object exporter = request.exporter() != null ? request.exporter() : request.exporterStatement();
            Object importer = request.importer() != null ? request.importer() : request.importerStatement();
            Certification certification = new Certification(id.toString(), determinationId.toString(), now, actor,
                    request.certifierRole().name(), request.certifier(), exporter, producer, importer, description,
                    HsCode.format(determination.hsCode.substring(0, 6)), review.conclusionCriterion(),
                    request.blanketFrom() == null ? null : new Period(request.blanketFrom(), request.blanketTo()),
                    new Signature(request.signatory().strip(), LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), STATEMENT),
                    determination.rulePackId + " " + determination.rulePackVersion + " sha256:" + determination.rulePackSha256,
                    "USMCA Art. 5.2, Annex 5-A",
                    replaced == null ? null : replaced.certification().id());
            CertificationRecord record = new CertificationRecord();
            record.id = id;
            record.tenantId = tenant;
            record.determinationId = determinationId;
            record.issuedAt = now;
            record.issuedBy = actor;
            record.content = write(certification);
            record.persist();
            if (replaced != null) {
                CertificationRecord.getEntityManager().flush(); // the revocation row references the new certification
                end(UUID.fromString(replaced.certification().id()), tenant, actor, now, request.replacementReason().strip(), id);
            }
            return new IssuedCertification(certification, "ACTIVE", null);
        });
    }

    private static void check(Request r, String description) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.certifierRole() == null) errors.add(new Problem.FieldError("certifierRole", "is required: IMPORTER, EXPORTER or PRODUCER (element 1)"));
        if (r.certifier() == null) {
            errors.add(new Problem.FieldError("certifier", "is required: name, title, address, telephone and e-mail of the certifier (element 2)"));
        } else {
            // Annex 5-A element 2 names all five (usmca-brief.md s.5).
            if (blank(r.certifier().name())) errors.add(new Problem.FieldError("certifier.name", "is required (element 2)"));
            if (blank(r.certifier().title())) errors.add(new Problem.FieldError("certifier.title", "is required (element 2)"));
            if (blank(r.certifier().address())) errors.add(new Problem.FieldError("certifier.address", "is required (element 2)"));
            if (blank(r.certifier().telephone())) errors.add(new Problem.FieldError("certifier.telephone", "is required (element 2)"));
            if (blank(r.certifier().email())) errors.add(new Problem.FieldError("certifier.email", "is required (element 2)"));
        }
        party(errors, "exporter", r.exporter(), r.exporterStatement(), List.of("SAME_AS_CERTIFIER"), "element 3");
        party(errors, "producer", r.producer(), r.producerStatement(), List.of("VARIOUS", "AVAILABLE_UPON_REQUEST", "SAME_AS_CERTIFIER"), "element 4");
        party(errors, "importer", r.importer(), r.importerStatement(), List.of("UNKNOWN"), "element 5");
        if (r.replaces() != null && blank(r.replacementReason())) {
            errors.add(new Problem.FieldError("replacementReason", "is required when a certification replaces another"));
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

    /**
     * A party of elements 3-5: given (name and address at least: the brief lists "details" without naming them, so the
     * two a party cannot be identified without are required, telephone and e-mail accepted), or one of the statements
     * the element allows; never both, never neither.
     */
    private static void party(List<Problem.FieldError> errors, String field, Party party, String statement, List<String> statements, String element) {
        String statementField = field + "Statement";
        if (party != null && statement != null) {
            errors.add(new Problem.FieldError(field, "give either " + field + " or " + statementField + ", not both (" + element + ")"));
        } else if (party == null && statement == null) {
            errors.add(new Problem.FieldError(field, "is required: give the " + field + ", or " + statementField + " " + String.join(" or ", statements) + " (" + element + ")"));
        } else if (party == null && !statements.contains(statement)) {
            errors.add(new Problem.FieldError(statementField, "must be " + String.join(" or ", statements) + " (" + element + ")"));
        } else if (party != null) {
            if (blank(party.name())) errors.add(new Problem.FieldError(field + ".name", "is required (" + element + ")"));
            if (blank(party.address())) errors.add(new Problem.FieldError(field + ".address", "is required (" + element + ")"));
        }
    }

    /** Same certifier role and the same shipment or an overlapping blanket period: the same certification issued twice. */
    private static boolean duplicates(Certification existing, Request request) {
        if (!existing.element1CertifierRole().equals(request.certifierRole().name())) return false;
        Period period = existing.element8BlanketPeriod();
        if (period == null || request.blanketFrom() == null) return period == null && request.blanketFrom() == null;
        return !request.blanketFrom().isAfter(period.to()) && !request.blanketTo().isBefore(period.from());
    }

    private static ApiException conflict(String field, String detail) {
        return new ApiException(new Problem("https://origincheck.org/problems/duplicate-certification", "Certification refused", 409, detail, null,
                List.of(new Problem.FieldError(field, detail))));
    }

    /** The certifications issued from one determination, oldest first, each with its standing. */
    public List<IssuedCertification> list(UUID determinationId, String tenant) {
        List<CertificationRecord> records = CertificationRecord.<CertificationRecord>find("determinationId = ?1 and tenantId = ?2 order by issuedAt, id",
                determinationId, tenant).list();
        java.util.Map<UUID, CertificationRevocationRecord> ends = new java.util.HashMap<>();
        if (!records.isEmpty()) {
            CertificationRevocationRecord.<CertificationRevocationRecord>find("certificationId in ?1 and tenantId = ?2",
                    records.stream().map(r -> r.id).toList(), tenant).list().forEach(e -> ends.put(e.certificationId, e));
        }
        return records.stream().map(r -> standing(read(r), ends.get(r.id))).toList();
    }

    private static IssuedCertification standing(Certification c, CertificationRevocationRecord end) {
        if (end == null) return new IssuedCertification(c, "ACTIVE", null);
        return new IssuedCertification(c, end.replacedBy == null ? "REVOKED" : "REPLACED",
                new Revocation(end.revokedAt, end.revokedBy, end.reason, end.replacedBy == null ? null : end.replacedBy.toString()));
    }

    /** Revokes an active certification with a reason: 409 if it has already ended. The certification stays as issued. */
    public IssuedCertification revoke(UUID certificationId, String tenant, String actor, RevocationRequest request) {
        if (request == null || blank(request.reason())) {
            throw ApiException.invalid("reason", "is required: why the certification is revoked");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            CertificationRecord record = CertificationRecord.<CertificationRecord>find("id = ?1 and tenantId = ?2", certificationId, tenant).firstResult();
            if (record == null) {
                throw ApiException.notFound("no certification " + certificationId);
            }
            ReviewStatusRecord.lock(record.determinationId, tenant); // one change at a time per determination, as when issuing
            CertificationRevocationRecord existing = CertificationRevocationRecord.findById(certificationId);
            if (existing != null) {
                throw conflict("certification", "certification " + certificationId + " is already " + (existing.replacedBy == null ? "REVOKED" : "REPLACED"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            CertificationRevocationRecord end = end(certificationId, tenant, actor, now, request.reason().strip(), null);
            return standing(read(record), end);
        });
    }

    private static CertificationRevocationRecord end(UUID certificationId, String tenant, String actor, Instant at, String reason, UUID replacedBy) {
        CertificationRevocationRecord end = new CertificationRevocationRecord();
        end.certificationId = certificationId;
        end.tenantId = tenant;
        end.revokedAt = at;
        end.revokedBy = actor;
        end.reason = reason;
        end.replacedBy = replacedBy;
        end.persist();
        return end;
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

    public IssuedCertification find(UUID certificationId, String tenant) {
        CertificationRecord record = CertificationRecord.<CertificationRecord>find("id = ?1 and tenantId = ?2", certificationId, tenant).firstResult();
        if (record == null) {
            throw ApiException.notFound("no certification " + certificationId);
        }
        return standing(read(record), CertificationRevocationRecord.findById(certificationId));
    }

    private Certification read(CertificationRecord record) {
        try {
            return mapper.readValue(record.content, Certification.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A printable PDF of the certification: the nine elements in a table, the statement, the signature line. */
    public byte[] pdf(IssuedCertification issued) {
        Certification c = issued.certification();
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
        if (issued.revocation() != null) {
            // A revoked or replaced certification is still printable (it is evidence) but must not pass for one in force.
            document.add(new Paragraph(issued.status() + " on " + issued.revocation().at() + " by " + issued.revocation().by() + ": " + issued.revocation().reason()
                    + (issued.revocation().replacedBy() == null ? "" : " (replaced by certification " + issued.revocation().replacedBy() + ")"),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11, java.awt.Color.RED)));
        }
        document.add(new Paragraph(" ", body));
        PdfPTable table = new PdfPTable(new float[] {1.3f, 3f});
        table.setWidthPercentage(100);
        row(table, label, body, "1. Certifier", c.element1CertifierRole());
        row(table, label, body, "2. Certifier details", party(c.element2Certifier()));
        row(table, label, body, "3. Exporter", statementOrParty(c.element3Exporter(), "Same as certifier"));
        row(table, label, body, "4. Producer", statementOrParty(c.element4Producer(), ""));
        row(table, label, body, "5. Importer", statementOrParty(c.element5Importer(), "Unknown"));
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

    /** A party, or the statement given instead (VARIOUS -> "Various"); {@code absent} for certifications issued before the statements existed. */
    private String statementOrParty(Object element, String absent) {
        if (element == null) return absent;
        if (element instanceof String s) {
            String words = s.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return party(mapper.convertValue(element, Party.class));
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
