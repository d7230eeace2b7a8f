package org.origincheck.supplier.rest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.origincheck.api.ApiException;
import org.origincheck.api.DateBounds;
import org.origincheck.api.Identifiers;
import org.origincheck.api.Problem;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.supplier.SupplierDeclaration;

/**
 * Checks a submitted declaration and maps it to the domain. Every error names its field and the reason, all at once;
 * no message repeats a submitted figure. The same checks serve JSON and CSV (where the field is "line N, column X").
 */
public final class SupplierDeclarationMapper {

    public static final String CSV_MEDIA_TYPE = "text/csv";
    public static final List<String> CSV_COLUMNS = List.of("supplierId", "supplierName", "supplierCountry", "partNumber", "hsCode", "origin",
            "originCriterion", "nonOriginatingValue", "currency", "validFrom", "validTo", "certifierName", "certifierTitle", "certifierEmail", "issuedAt");
    private static final Set<String> CSV_REQUIRED = Set.of("supplierId", "supplierName", "supplierCountry", "partNumber", "hsCode", "origin",
            "validFrom", "validTo", "certifierName", "certifierEmail", "issuedAt");
    static final int MAX_ITEMS = 10_000;
    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000000");
    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES);

    private SupplierDeclarationMapper() {
    }

    public static SupplierDeclaration toDomain(SupplierDeclarationInput in, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SupplierDeclaration d = check(in, today, UnaryOperator.identity(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return d;
    }

    private static SupplierDeclaration check(SupplierDeclarationInput in, LocalDate today, UnaryOperator<String> field, List<Problem.FieldError> errors) {
        if (in == null) {
            errors.add(new Problem.FieldError(field.apply("$"), "a declaration is required"));
            return null;
        }
        int before = errors.size();
        SupplierDeclarationInput.Supplier s = in.supplier();
        if (s == null) {
            errors.add(new Problem.FieldError(field.apply("supplier"), "is required: {id, name, country}"));
        } else {
            if (text(s.id(), 100, field.apply("supplier.id"), errors)) {
                Identifiers.check(field.apply("supplier.id"), s.id().strip(), errors);
            }
            text(s.name(), 200, field.apply("supplier.name"), errors);
            if (s.country() == null || !s.country().matches("[A-Z]{2}")) {
                errors.add(new Problem.FieldError(field.apply("supplier.country"), "must be an ISO 3166-1 alpha-2 code such as MX"));
            }
        }
        List<SupplierDeclaration.Item> items = new ArrayList<>();
        if (in.items() == null || in.items().isEmpty()) {
            errors.add(new Problem.FieldError(field.apply("items"), "at least one part is required"));
        } else if (in.items().size() > MAX_ITEMS) {
            errors.add(new Problem.FieldError(field.apply("items"), "at most " + MAX_ITEMS + " parts per declaration"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < in.items().size(); i++) {
                String at = "items[" + i + "].";
                SupplierDeclarationInput.Item item = in.items().get(i);
                if (item == null) {
                    errors.add(new Problem.FieldError(field.apply("items[" + i + "]"), "is empty"));
                    continue;
                }
                if (text(item.partNumber(), 200, field.apply(at + "partNumber"), errors)
                        && Identifiers.check(field.apply(at + "partNumber"), item.partNumber().strip(), errors) && !seen.add(item.partNumber().strip())) {
                    errors.add(new Problem.FieldError(field.apply(at + "partNumber"), "appears more than once in the declaration"));
                }
                String hs = null;
                try {
                    hs = HsCode.parse(item.hsCode()).formatted();
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(field.apply(at + "hsCode"), "must be an HS code of 6, 8 or 10 digits, dots optional (e.g. 8708.40)"));
                }
                if (item.origin() == null) {
                    errors.add(new Problem.FieldError(field.apply(at + "origin"), "is required: ORIGINATING or NON_ORIGINATING"));
                }
                String criterion = item.originCriterion() == null || item.originCriterion().isBlank() ? null : item.originCriterion().strip();
                if (criterion != null && !criterion.matches("[ABCD]")) {
                    errors.add(new Problem.FieldError(field.apply(at + "originCriterion"), "must be A, B, C or D (USMCA Art. 4.2)"));
                } else if (criterion != null && item.origin() == SupplierDeclaration.Origin.NON_ORIGINATING) {
                    errors.add(new Problem.FieldError(field.apply(at + "originCriterion"), "only an ORIGINATING part has an origin criterion"));
                }
                String currency = item.currency() == null || item.currency().isBlank() ? null : item.currency().strip();
                if (item.nonOriginatingValue() != null) {
                    if (item.origin() == SupplierDeclaration.Origin.ORIGINATING) {
                        errors.add(new Problem.FieldError(field.apply(at + "nonOriginatingValue"),
                                "only a NON_ORIGINATING part carries a non-originating value for accumulation (an originating part counts as originating whole)"));
                    } else if (item.nonOriginatingValue().signum() < 0) {
                        errors.add(new Problem.FieldError(field.apply(at + "nonOriginatingValue"), "may not be negative"));
                    } else if (item.nonOriginatingValue().compareTo(MAX_MONEY) > 0 || item.nonOriginatingValue().scale() > 6) {
                        errors.add(new Problem.FieldError(field.apply(at + "nonOriginatingValue"), "must be below 10^15 with at most 6 decimals"));
                    }
                    if (currency == null) {
                        errors.add(new Problem.FieldError(field.apply(at + "currency"), "is required with nonOriginatingValue (ISO 4217, e.g. MXN)"));
                    }
                }
                if (currency != null && !currency.matches("[A-Z]{3}")) {
                    errors.add(new Problem.FieldError(field.apply(at + "currency"), "must be an ISO 4217 code such as USD"));
                }
                items.add(new SupplierDeclaration.Item(item.partNumber() == null ? null : item.partNumber().strip(), hs, item.origin(), criterion,
                        item.nonOriginatingValue(), currency));
            }
        }
        if (in.validFrom() == null) {
            errors.add(new Problem.FieldError(field.apply("validFrom"), "is required (ISO date)"));
        }
        if (in.validTo() == null) {
            errors.add(new Problem.FieldError(field.apply("validTo"), "is required (ISO date)"));
        }
        // Dates PostgreSQL cannot store were a 500, and years 1 or 10000 were recorded (security review 2026-12-05, finding 1).
        boolean inRange = inRange(in.validFrom(), field.apply("validFrom"), errors) & inRange(in.validTo(), field.apply("validTo"), errors);
        if (in.validFrom() != null && in.validTo() != null && inRange) {
            if (in.validTo().isBefore(in.validFrom())) {
                errors.add(new Problem.FieldError(field.apply("validTo"), "ends before validFrom"));
            } else if (in.validTo().isAfter(SupplierDeclaration.lastDayAllowed(in.validFrom()))) {
                errors.add(new Problem.FieldError(field.apply("validTo"), "a blanket period covers at most 12 months (USMCA Annex 5-A, element 8)"));
            }
        }
        SupplierDeclarationInput.Certifier c = in.certifier();
        if (c == null) {
            errors.add(new Problem.FieldError(field.apply("certifier"), "is required: {name, title, email} of the person who signed for the supplier"));
        } else {
            text(c.name(), 200, field.apply("certifier.name"), errors);
            if (c.title() != null && c.title().length() > 200) {
                errors.add(new Problem.FieldError(field.apply("certifier.title"), "at most 200 characters"));
            }
            if (c.email() == null || !c.email().strip().matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
                errors.add(new Problem.FieldError(field.apply("certifier.email"), "must be an e-mail address"));
            }
        }
        if (in.issuedAt() == null) {
            errors.add(new Problem.FieldError(field.apply("issuedAt"), "is required: the date the supplier signed (ISO date)"));
        } else if (in.issuedAt().isAfter(today)) {
            errors.add(new Problem.FieldError(field.apply("issuedAt"), "is after today: a declaration is recorded once signed"));
        } else {
            inRange(in.issuedAt(), field.apply("issuedAt"), errors);
        }
        if (errors.size() > before) {
            return null;
        }
        return new SupplierDeclaration(null, new SupplierDeclaration.Supplier(s.id().strip(), s.name().strip(), s.country()), List.copyOf(items),
                in.validFrom(), in.validTo(), new SupplierDeclaration.Certifier(c.name().strip(), blankToNull(c.title()), c.email().strip()),
                in.issuedAt(), null, null, null);
    }

    /**
     * A CSV of declarations (RFC 4180, UTF-8, a header line naming the columns in any order): one line per part; lines
     * with the same supplier, period, certifier and issue date form one declaration. All lines are checked; nothing is
     * stored unless every line is right.
     */
    public static List<SupplierDeclaration> fromCsv(String csv, LocalDate today) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("line 1", "the CSV is empty: the first line names the columns (" + String.join(",", CSV_COLUMNS) + ")");
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            CsvSchema header = (CsvSchema) it.getParserSchema();
            Set<String> columns = new HashSet<>();
            header.forEach(col -> columns.add(col.getName()));
            for (String name : columns) {
                if (!CSV_COLUMNS.contains(name)) {
                    errors.add(new Problem.FieldError("line 1", "unknown column '" + name + "'; known columns: " + String.join(", ", CSV_COLUMNS)));
                }
            }
            for (String required : CSV_REQUIRED) {
                if (!columns.contains(required)) {
                    errors.add(new Problem.FieldError("line 1", "the column " + required + " is required"));
                }
            }
            if (!errors.isEmpty()) {
                throw ApiException.invalid(errors);
            }
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
                if (rows.size() > MAX_ITEMS) {
                    throw ApiException.invalid("line " + (rows.size() + 1), "at most " + MAX_ITEMS + " lines per upload");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("line 1", "the CSV cannot be read: each line needs as many fields as the header, quotes closed");
        }
        if (rows.isEmpty()) {
            throw ApiException.invalid("line 2", "the CSV names its columns but has no declaration lines");
        }
        Map<List<Object>, List<SupplierDeclaration>> groups = new LinkedHashMap<>();
        Map<List<Object>, Set<String>> partsInGroup = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            int line = i + 2;
            UnaryOperator<String> field = path -> "line " + line + ", column " + column(path);
            SupplierDeclarationInput in = new SupplierDeclarationInput(
                    new SupplierDeclarationInput.Supplier(cell(row, "supplierId"), cell(row, "supplierName"), cell(row, "supplierCountry")),
                    List.of(new SupplierDeclarationInput.Item(cell(row, "partNumber"), cell(row, "hsCode"), enumCell(row, "origin", field, errors),
                            cell(row, "originCriterion"), decimalCell(row, "nonOriginatingValue", field, errors), cell(row, "currency"))),
                    dateCell(row, "validFrom", field, errors), dateCell(row, "validTo", field, errors),
                    new SupplierDeclarationInput.Certifier(cell(row, "certifierName"), cell(row, "certifierTitle"), cell(row, "certifierEmail")),
                    dateCell(row, "issuedAt", field, errors));
            int before = errors.size();
            SupplierDeclaration d = check(in, today, field, errors);
            if (d == null || errors.size() > before) {
                continue;
            }
            List<Object> key = List.of(d.supplier(), d.validFrom(), d.validTo(), d.certifier(), d.issuedAt());
            if (!partsInGroup.computeIfAbsent(key, k -> new HashSet<>()).add(d.items().get(0).partNumber())) {
                errors.add(new Problem.FieldError(field.apply("partNumber"), "the part appears twice in the same declaration"));
                continue;
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        if (!errors.isEmpty()) {
            // A cell that could not be read is reported once, not again as missing.
            Map<String, Problem.FieldError> first = new LinkedHashMap<>();
            errors.forEach(e -> first.putIfAbsent(e.field(), e));
            throw ApiException.invalid(List.copyOf(first.values()));
        }
        List<SupplierDeclaration> out = new ArrayList<>();
        for (List<SupplierDeclaration> group : groups.values()) {
            SupplierDeclaration first = group.get(0);
            out.add(new SupplierDeclaration(null, first.supplier(), group.stream().map(d -> d.items().get(0)).toList(), first.validFrom(),
                    first.validTo(), first.certifier(), first.issuedAt(), null, null, null));
        }
        return out;
    }

    private static String column(String path) {
        return switch (path) {
            case "supplier", "supplier.id" -> "supplierId";
            case "supplier.name" -> "supplierName";
            case "supplier.country" -> "supplierCountry";
            case "certifier", "certifier.name" -> "certifierName";
            case "certifier.title" -> "certifierTitle";
            case "certifier.email" -> "certifierEmail";
            default -> path.startsWith("items[0].") ? path.substring("items[0].".length()) : path;
        };
    }

    private static String cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    private static SupplierDeclaration.Origin enumCell(Map<String, String> row, String column, UnaryOperator<String> field, List<Problem.FieldError> errors) {
        String value = cell(row, column);
        if (value == null) {
            return null;
        }
        try {
            return SupplierDeclaration.Origin.valueOf(value);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(field.apply("items[0]." + column), "must be ORIGINATING or NON_ORIGINATING"));
            return null;
        }
    }

    private static BigDecimal decimalCell(Map<String, String> row, String column, UnaryOperator<String> field, List<Problem.FieldError> errors) {
        String value = cell(row, column);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(field.apply("items[0]." + column), "must be a plain decimal number such as 1200.50"));
            return null;
        }
    }

    /** The dates a declaration may name: the range of a submission's asOf, which is what a declaration is evidence for. */
    private static boolean inRange(LocalDate date, String field, List<Problem.FieldError> errors) {
        if (!DateBounds.withinAsOfRange(date)) {
            errors.add(new Problem.FieldError(field, DateBounds.OUTSIDE_AS_OF_RANGE));
            return false;
        }
        return true;
    }

    private static LocalDate dateCell(Map<String, String> row, String column, UnaryOperator<String> field, List<Problem.FieldError> errors) {
        String value = cell(row, column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field.apply(column), "must be an ISO date such as 2026-07-01"));
            return null;
        }
    }

    private static boolean text(String value, int max, String field, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return false;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters, no control characters"));
            return false;
        }
        return true;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
