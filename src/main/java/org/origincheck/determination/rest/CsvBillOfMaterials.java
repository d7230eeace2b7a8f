package org.origincheck.determination.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.origincheck.api.ApiException;
import org.origincheck.api.Problem;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;

/**
 * A bill of materials uploaded as CSV (RFC 4180; UTF-8): one line per material, the first line naming the
 * columns, in any order. The good is given in query parameters. Errors name the line and the column
 * ("line 7, column value") and are all reported at once.
 *
 * <pre>
 * partNumber,description,hsCode,origin,countryOfOrigin,value,quantity,unit,kind,partOfGood
 * CASE-01,Gearbox housing casting,8708.99,NON_ORIGINATING,CN,280.00,1,EA,DIRECT,
 * </pre>
 */
public final class CsvBillOfMaterials {

    public static final String MEDIA_TYPE = "text/csv";
    public static final List<String> COLUMNS = List.of("partNumber", "description", "hsCode", "origin", "countryOfOrigin", "value",
            "quantity", "unit", "kind", "partOfGood",
            "supplierId");
    private static final Set<String> REQUIRED = Set.of("value");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);

    private CsvBillOfMaterials() {
    }

    /** The good's fields, from the query string. */
    public record GoodParameters(String reference, String asOf, String rulePack, String partNumber, String description, String hsCode,
                                 String endUse, String producerCountry, String currency, String transactionValue, String netCost) {
    }

    public static BomSubmission read(String csv, GoodParameters good) {
        List<Problem.FieldError> errors = new ArrayList<>();
        GoodInput goodInput = good(good, errors);
        List<MaterialInput> materials = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("line 1", "the CSV is empty: the first line names the columns (" + String.join(",", COLUMNS) + ")");
        }
        int unstorable = org.origincheck.api.StorableText.firstUnstorable(csv);
        if (unstorable >= 0) {
            long line = 1 + csv.substring(0, unstorable).chars().filter(c -> c == '\n').count();
            throw ApiException.invalid("line " + line, org.origincheck.api.StorableText.REASON);
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1); // a byte-order mark some spreadsheets write
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class).with(schema).readValues(csv)) {
            List<String> header = new ArrayList<>();
            ((CsvSchema) rows.getParserSchema()).forEach(c -> header.add(c.getName()));
            for (String column : new java.util.HashSet<>(header)) {
                if (java.util.Collections.frequency(header, column) > 1) {
                    errors.add(new Problem.FieldError("line 1, column " + column, "the column is named twice"));
                }
            }
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    errors.add(new Problem.FieldError("line 1, column " + column, "unknown column; the columns are " + String.join(", ", COLUMNS)));
                }
            }
            for (String required : REQUIRED) {
                if (!header.contains(required)) {
                    errors.add(new Problem.FieldError("line 1", "the column '" + required + "' is required"));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            int line = 1;
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (IOException | RuntimeException e) {
                    errors.add(new Problem.FieldError("line " + line, "cannot be read as CSV: " + firstLine(e.getMessage())));
                    break;
                }
                if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue; // a blank line, e.g. at the end of the file
                }
                materials.add(material(row, line, errors));
            }
        } catch (IOException e) {
            throw ApiException.invalid("line 1", "cannot be read as CSV: " + firstLine(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new BomSubmission(good.reference(), date(good.asOf(), errors), good.rulePack(), goodInput, materials, null);
    }

    private static MaterialInput material(Map<String, String> row, int line, List<Problem.FieldError> errors) {
        String where = "line " + line + ", column ";
        return new MaterialInput(blankToNull(row.get("partNumber")), blankToNull(row.get("description")), blankToNull(row.get("hsCode")),
                enumOf(OriginStatus.class, row.get("origin"), where + "origin", errors, blankToNull(row.get("supplierId")) == null),
                blankToNull(row.get("countryOfOrigin")), decimal(row.get("value"), where + "value", errors, true),
                decimal(row.get("quantity"), where + "quantity", errors, false), blankToNull(row.get("unit")),
                enumOf(MaterialKind.class, row.get("kind"), where + "kind", errors, false), bool(row.get("partOfGood"), where + "partOfGood", errors), null,
                blankToNull(row.get("supplierId")), null, null, null, null, null);
    }

    private static GoodInput good(GoodParameters g, List<Problem.FieldError> errors) {
        return new GoodInput(g.partNumber(), g.description(), g.hsCode(), enumOf(EndUse.class, g.endUse(), "endUse", errors, false),
                g.producerCountry(), g.currency(), decimal(g.transactionValue(), "transactionValue", errors, false),
                decimal(g.netCost(), "netCost", errors, false), null, null, null);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String field, List<Problem.FieldError> errors, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static BigDecimal decimal(String text, String field, List<Problem.FieldError> errors, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field, "must be a decimal number with a dot, no thousands separators (e.g. 1234.50)"));
            return null;
        }
    }

    private static Boolean bool(String text, String field, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        if (text.trim().equalsIgnoreCase("true")) return Boolean.TRUE;
        if (text.trim().equalsIgnoreCase("false")) return Boolean.FALSE;
        errors.add(new Problem.FieldError(field, "must be true, false or empty"));
        return null;
    }

    private static LocalDate date(String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("asOf", "must be an ISO date such as 2026-07-01");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Jackson's CSV messages quote the cell they choke on (an extra cell may be a cost): the quote is dropped. */
    private static String firstLine(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        return first.replaceAll("\\(value #\\d+ \\(\\d+ chars\\) \"[^\"]*\"\\)", "").replaceAll("\"[^\"]*\"", "a value")
                .replaceAll("'[^']*'", "a value").trim();
    }

    /** Problems found by validation name materials[i].field; in a CSV the user needs the line and column. */
    public static ApiException toLines(ApiException e) {
        Problem p = e.problem();
        if (p.errors() == null) return e;
        List<Problem.FieldError> mapped = new ArrayList<>();
        for (Problem.FieldError error : p.errors()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^materials\\[(\\d+)\\]\\.?(.*)$").matcher(error.field());
            if (m.matches()) {
                int line = Integer.parseInt(m.group(1)) + 2;
                mapped.add(new Problem.FieldError("line " + line + (m.group(2).isEmpty() ? "" : ", column " + m.group(2)), error.message()));
            } else if (error.field().startsWith("good.")) {
                mapped.add(new Problem.FieldError(error.field().substring(5) + " (query parameter)", error.message()));
            } else {
                mapped.add(error);
            }
        }
        String detail = mapped.size() == 1 ? mapped.get(0).field() + ": " + mapped.get(0).message() : mapped.size() + " fields are invalid; see errors";
        return new ApiException(new Problem(p.type(), p.title(), p.status(), detail, p.instance(), mapped));
    }
}
