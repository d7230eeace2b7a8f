package org.origincheck.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.origincheck.api.ApiException;
import org.origincheck.determination.AuditFile;
import org.origincheck.determination.DeterminationRecord;
import org.origincheck.review.CertificationService;
import org.origincheck.review.ReviewService;

/**
 * The PDF of one determination for the audit file: the answer, the rule applied with its text, every reason with its
 * citation, the bill of materials as submitted, the regional value content, the review timeline, the certifications
 * issued, and the rule pack's version and SHA-256. Everything is read from what is stored; nothing is re-evaluated.
 * Text is printed as text (a PDF has no markup to inject), stripped of control characters and cut at {@link #MAX_TEXT}
 * characters (a material's fields at {@link #MAX_MATERIAL_TEXT}); the bill of materials at {@link #MAX_MATERIALS} lines,
 * saying so. The submission as stored keeps everything.
 */
@ApplicationScoped
public class DeterminationPdf {

    static final int MAX_TEXT = 4_000;
    static final int MAX_MATERIAL_TEXT = 200;
    static final int MAX_MATERIALS = 2_000;

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 8);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);

    private final ObjectMapper mapper;
    private final ReviewService reviews;
    private final CertificationService certifications;

    public DeterminationPdf(ObjectMapper mapper, ReviewService reviews, CertificationService certifications) {
        this.mapper = mapper;
        this.reviews = reviews;
        this.certifications = certifications;
    }

    private record Content(DeterminationRecord record, ReviewService.ReviewView review, List<CertificationService.IssuedCertification> certifications) {
    }

    public byte[] render(AuditFile file) {
        Content content = QuarkusTransaction.requiringNew().call(() -> {
            DeterminationRecord record = DeterminationRecord.findInTenant(file.determinationId(), file.tenant());
            if (record == null) {
                throw ApiException.notFound("no determination " + file.determinationId());
            }
            return new Content(record, reviews.view(record), certifications.list(record.id, file.tenant()));
        });
        try {
            return write(content);
        } catch (IOException e) {
            throw new IllegalStateException("the stored determination " + file.determinationId() + " could not be read", e);
        }
    }

    private byte[] write(Content c) throws IOException {
        JsonNode d = mapper.readTree(c.record().response);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.LETTER.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.addTitle("OriginCheck determination " + c.record().id);
        document.add(new Paragraph("USMCA origin determination " + c.record().id, TITLE));
        document.add(new Paragraph("For the audit file. Created " + c.record().createdAt + "; as of " + text(d, "asOf")
                + (d.hasNonNull("reference") ? "; reference " + clean(d.get("reference").asText()) : ""), SMALL));

        heading(document, "Answer");
        PdfPTable answer = table(1.2f, 4f);
        row(answer, "Engine's answer", text(d, "status") + (d.hasNonNull("originCriterion") ? ", criterion " + text(d, "originCriterion")
                + " (USMCA Art. 4.2(" + text(d, "originCriterion").toLowerCase(java.util.Locale.ROOT) + "))" : ""));
        row(answer, "Standing conclusion", c.review().conclusion() + (c.review().conclusionCriterion() == null ? "" : ", criterion " + c.review().conclusionCriterion())
                + " · review " + c.review().state());
        JsonNode rule = d.path("productRule");
        if (!rule.isMissingNode() && !rule.isNull()) {
            row(answer, "Product-specific rule", text(rule, "id") + " (" + text(rule, "hsScope") + ")\n" + text(rule, "text") + "\n" + text(rule, "citation"));
        } else {
            row(answer, "Product-specific rule", "none applied");
        }
        for (JsonNode m : d.path("missingData")) {
            row(answer, "Missing", text(m, "field") + ": " + text(m, "message"));
        }
        row(answer, "Rule pack", text(d.path("rulePack"), "id") + " " + text(d.path("rulePack"), "version") + "\nsha256 " + text(d.path("rulePack"), "sha256"));
        document.add(answer);

        heading(document, "Reasons (every test applied, with its legal citation)");
        PdfPTable reasons = table(1.6f, 0.8f, 0.4f, 4f, 1.8f);
        header(reasons, "Test", "Outcome", "Alt.", "Why", "Citation");
        for (JsonNode r : d.path("reasons")) {
            String materials = r.path("materials").isEmpty() ? "" : "\nMaterials: " + join(r.path("materials"));
            cells(reasons, text(r, "code"), text(r, "outcome"), text(r, "alternative"), text(r, "message") + materials, text(r, "citation"));
        }
        document.add(reasons);

        if (!d.path("regionalValueContent").isEmpty()) {
            heading(document, "Regional value content (unrounded values compared with the threshold; shown to 2 decimals)");
            PdfPTable rvc = table(1.4f, 0.5f, 1.2f, 0.8f, 0.8f, 0.6f, 0.8f, 2f);
            header(rvc, "Requirement", "Alt.", "Method", "Value", "Threshold", "Met", "Points short", "Citation");
            for (JsonNode e : d.path("regionalValueContent")) {
                cells(rvc, text(e, "requirement"), text(e, "alternative"), text(e, "method"), percent(e.path("value")), percent(e.path("threshold")),
                        e.path("met").asBoolean() ? "yes" : "no", e.hasNonNull("pointsShort") ? percent(e.path("pointsShort")) : "", text(e, "citation"));
            }
            document.add(rvc);
        }

        heading(document, "Bill of materials as submitted (" + c.record().submissionMediaType + ")");
        billOfMaterials(document, c.record());

        heading(document, "Review timeline");
        PdfPTable timeline = table(0.3f, 1.8f, 1.2f, 1.4f, 1.2f, 1.2f, 3f, 1.2f);
        header(timeline, "#", "When (UTC)", "Who", "Action", "From", "To", "Why", "Override");
        for (ReviewService.EventView e : c.review().events()) {
            cells(timeline, String.valueOf(e.seq()), e.at().toString(), e.actor(), e.action(), e.fromState(), e.toState(), e.justification(),
                    e.overrideStatus() == null ? "" : e.overrideStatus() + (e.overrideCriterion() == null ? "" : " / " + e.overrideCriterion()));
        }
        document.add(timeline);

        heading(document, "Certifications of origin issued from this determination");
        if (c.certifications().isEmpty()) {
            document.add(new Paragraph("None.", BODY));
        } else {
            PdfPTable certs = table(2.2f, 1.4f, 1f, 1f, 3f);
            header(certs, "Certification", "Issued (UTC)", "By", "Status", "Certifier; period; end");
            for (CertificationService.IssuedCertification ic : c.certifications()) {
                CertificationService.Certification cert = ic.certification();
                String detail = cert.element1CertifierRole() + " " + (cert.element2Certifier() == null ? "" : cert.element2Certifier().name())
                        + "; " + (cert.element8BlanketPeriod() == null ? "single shipment" : cert.element8BlanketPeriod().from() + " to " + cert.element8BlanketPeriod().to())
                        + (ic.revocation() == null ? "" : "; " + ic.status().toLowerCase(java.util.Locale.ROOT) + " " + ic.revocation().at() + " by "
                        + ic.revocation().by() + ": " + ic.revocation().reason());
                cells(certs, cert.id(), cert.issuedAt().toString(), cert.issuedBy(), ic.status(), detail);
            }
            document.add(certs);
        }
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Printed by OriginCheck from the stored determination (its JSON as returned when it was made); the rule pack "
                + c.record().rulePackId + " " + c.record().rulePackVersion + " has SHA-256 " + c.record().rulePackSha256 + ".", SMALL));
        document.close();
        return out.toByteArray();
    }

    private void billOfMaterials(Document document, DeterminationRecord record) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if ("application/json".equals(record.submissionMediaType)) {
            JsonNode submission = mapper.readTree(record.submission);
            JsonNode good = submission.path("good");
            document.add(new Paragraph("Good: " + text(good, "partNumber") + " " + text(good, "description") + " · HS " + text(good, "hsCode")
                    + " · produced in " + text(good, "producerCountry") + " · " + text(good, "currency")
                    + (good.hasNonNull("transactionValue") ? " · transaction value " + text(good, "transactionValue") : "")
                    + (good.hasNonNull("netCost") ? " · net cost " + text(good, "netCost") : ""), BODY));
            for (JsonNode m : submission.path("materials")) {
                Map<String, String> row = new java.util.LinkedHashMap<>();
                m.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()));
                rows.add(row);
            }
        } else {
            document.add(new Paragraph("Good (query string): " + clean(record.submissionParameters == null ? "" : java.net.URLDecoder.decode(record.submissionParameters,
                    java.nio.charset.StandardCharsets.UTF_8)), BODY));
            String csv = record.submission.startsWith("\uFEFF") ? record.submission.substring(1) : record.submission;
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
                while (it.hasNext()) rows.add(it.next());
            }
        }
        PdfPTable bom = table(0.3f, 1.2f, 2.2f, 0.9f, 1.1f, 0.5f, 0.9f, 0.9f);
        header(bom, "#", "Part number", "Description", "HS", "Origin", "Country", "Value", "Kind");
        int i = 0;
        for (Map<String, String> m : rows) {
            if (i == MAX_MATERIALS) break;
            cells(bom, String.valueOf(i++), cut(m.get("partNumber")), cut(m.get("description")), cut(m.get("hsCode")), cut(m.get("origin")),
                    cut(m.get("countryOfOrigin")), cut(m.get("value")), cut(m.getOrDefault("kind", "DIRECT")));
        }
        document.add(bom);
        if (rows.size() > MAX_MATERIALS) {
            document.add(new Paragraph("The first " + MAX_MATERIALS + " of " + rows.size() + " materials are printed; the submission as stored "
                    + "(GET /api/v1/determinations/{id}/submission) holds them all.", SMALL));
        }
    }

    private static void heading(Document document, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        document.add(p);
    }

    private static PdfPTable table(float... widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(0);
        return table;
    }

    private static void header(PdfPTable table, String... names) {
        for (String name : names) {
            PdfPCell cell = new PdfPCell(new Phrase(name, LABEL));
            cell.setBackgroundColor(new Color(0xE8, 0xEC, 0xF0));
            cell.setPadding(3);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
    }

    private static void cells(PdfPTable table, String... values) {
        for (String value : values) {
            PdfPCell cell = new PdfPCell(new Phrase(clean(value), BODY));
            cell.setPadding(3);
            cell.setVerticalAlignment(Element.ALIGN_TOP);
            table.addCell(cell);
        }
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell left = new PdfPCell(new Phrase(label, LABEL));
        left.setPadding(4);
        table.addCell(left);
        cells(table, value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? "" : clean(value.asText());
    }

    private static String percent(JsonNode value) {
        return value.isNumber() || value.isTextual() ? new java.math.BigDecimal(value.asText()).setScale(2, java.math.RoundingMode.HALF_UP) + "%" : "";
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(n -> parts.add(n.asText()));
        return String.join(", ", parts);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_MATERIAL_TEXT ? value : value.substring(0, MAX_MATERIAL_TEXT) + " … (cut at " + MAX_MATERIAL_TEXT + " characters)";
    }

    /** Submitted text as plain text: control characters (other than line breaks) removed, cut at {@link #MAX_TEXT} characters. */
    static String clean(String value) {
        if (value == null) return "";
        String text = value.replaceAll("[\\p{Cntrl}&&[^\n]]", " ");
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + " … (cut at " + MAX_TEXT + " characters)" : text;
    }
}
