package org.origincheck.rulepack;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.hs.HsCorrelation;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.evaluation.LegalStep;
import org.origincheck.domain.rules.ChapterNote;
import org.origincheck.domain.rules.ParseStatus;
import org.origincheck.rulepack.text.ParseResult;
import org.origincheck.rulepack.text.PsrTextParser;
import org.origincheck.domain.dated.DatedValue;
import org.origincheck.domain.rules.DeMinimisExclusion;
import org.origincheck.domain.rules.ScheduleTwoGood;
import org.origincheck.domain.rules.Parameter;
import org.origincheck.domain.rules.Parameters;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.ProductRuleBook;
import org.origincheck.domain.rules.RuleAlternative;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.rules.RvcRequirement;
import org.origincheck.domain.rules.ShiftSource;
import org.origincheck.domain.rules.SourceDocument;
import org.origincheck.domain.rules.TariffShift;
import org.origincheck.domain.dated.Threshold;

/**
 * Reads and validates a rule pack. Every problem is collected with its file and line, and the pack is
 * either loaded whole or not at all: a pack with any problem throws {@link RulePackException}.
 */
public final class RulePackLoader {

    public static final String MANIFEST = "pack.yaml";
    private static final List<String> REQUIRED_PARAMETERS =
            List.of(Parameters.DE_MINIMIS_SHARE, Parameters.TEXTILE_DE_MINIMIS_WEIGHT, Parameters.TEXTILE_DE_MINIMIS_ELASTOMERIC,
                    Parameters.PARTS_RULE_TV, Parameters.PARTS_RULE_NC, Parameters.SET_MAX_NON_ORIGINATING);

    private final PsrTextParser textParser = new PsrTextParser();

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public LoadedRulePack load(PackSource source) {
        return load(source, null);
    }

    /**
     * The pack with a deployer's overlay of product-specific rules ({@link RulePackOverlay}; null for none): overlay rules
     * replace the bundled rule of the same id or are added, and are validated with the rest, so an overlay that breaks any
     * check (including a scope overlapping a bundled rule of another id) stops the whole pack.
     */
    public LoadedRulePack load(PackSource source, RulePackOverlay overlay) {
        return load(source, overlay, new TreeMap<>());
    }

    /** {@code files} receives every file read (path in the pack -> bytes), the files the pack's SHA-256 covers. */
    LoadedRulePack load(PackSource source, RulePackOverlay overlay, TreeMap<String, byte[]> files) {
        Problems problems = new Problems();
        PackDocuments.Manifest manifest = readWhole(source, MANIFEST, PackDocuments.Manifest.class, files, problems);
        String name = manifest != null && manifest.id() != null ? manifest.id() : source.describe();
        if (manifest == null) {
            throw new RulePackException(name, problems.list);
        }
        checkManifest(manifest, problems);

        Parameters parameters = readParameters(source, manifest, files, problems);
        List<DeMinimisExclusion> exclusions = readExclusions(source, manifest, files, problems);
        List<ScheduleTwoGood> scheduleTwo = readScheduleTwo(source, manifest, files, problems);
        HsCorrelation hsCorrelation = readHsCorrelation(source, "", MANIFEST, manifest.hsEditions(), files, problems);
        List<String> warnings = new ArrayList<>();
        if (overlay != null && overlay.hasHsEditions()) {
            // The bundled block (if any) is still validated above, as the shipped pack; the deployer's replaces it whole: a
            // correlation table is one document of one source, and rows of two tables mixed would cite neither.
            hsCorrelation = overlaidHsCorrelation(overlay, manifest.hsEditions() != null, files, warnings, problems);
        }
        List<ProductRule> rules = new ArrayList<>();
        List<ChapterNote> notes = new ArrayList<>();
        for (String file : nullToEmpty(manifest.productRules())) {
            rules.addAll(readProductRules(source, file, manifest, files, notes, warnings, problems));
        }
        if (overlay != null) {
            rules = overlaid(rules, overlay, manifest, files, notes, warnings, problems);
        }
        // The chapter rules of chapters 61-63 govern every rule of their chapter, overlay rules included.
        ChapterRulesLoader.Loaded chapterRules = ChapterRulesLoader.Loaded.none();
        if (!blank(manifest.chapterRules())) {
            chapterRules = ChapterRulesLoader.read(readWhole(source, manifest.chapterRules(), PackDocuments.ChapterRulesDoc.class, files, problems),
                    notes, manifest.chapterRules(), problems);
        }
        rules = ChapterRulesLoader.attach(rules, chapterRules, notes);
        new RuleBookValidator(problems).validate(rules);
        AutomotiveRules automotive = manifest.automotive() == null ? null
                : new AutomotiveLoader(this, source, manifest.effectiveFrom(), files, problems).load(manifest.automotive());
        Map<String, String> drl = new LinkedHashMap<>();
        for (String file : nullToEmpty(manifest.drl())) {
            byte[] bytes = readBytes(source, file, files, problems);
            if (bytes != null) {
                String text = new String(bytes, StandardCharsets.UTF_8);
                checkLegalSteps(file, text, problems);
                drl.put(file, text);
            }
        }
        if (drl.isEmpty()) {
            problems.add(MANIFEST, 0, "the pack lists no DRL file: the engine would have no rules");
        }
        if (!problems.list.isEmpty()) {
            // The overlay's files are named overlay/<file>: say which folder that is, so a deployer can find the line.
            throw new RulePackException(overlay == null ? name : name + " with the overlay " + overlay.folder() + " (overlay/)", problems.list);
        }
        List<SourceDocument> sources = manifest.sources().stream()
                .map(s -> new SourceDocument(s.id(), s.title(), s.revision(), s.url())).toList();
        RulePack pack = new RulePack(manifest.id(), manifest.version(), sha256(files), manifest.effectiveFrom(),
                manifest.effectiveTo(), sources, parameters, new ProductRuleBook(rules), exclusions, notes,
                manifest.options() == null ? Map.of() : manifest.options(), automotive, scheduleTwo, hsCorrelation);
        return new LoadedRulePack(pack, drl, warnings);
    }

    private static final java.util.regex.Pattern RULE_START = java.util.regex.Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");
    private static final java.util.regex.Pattern AGENDA_GROUP = java.util.regex.Pattern.compile("^\\s*agenda-group\\s+\"([^\"]*)\"");
    private static final java.util.regex.Pattern SALIENCE = java.util.regex.Pattern.compile("^\\s*salience\\b");

    /**
     * Every rule belongs to one of the law's steps (its agenda group names a {@link LegalStep}); the order of the steps is
     * the engine's, so a rule may not reorder itself with a salience. A rule outside every step would run in no
     * defined order.
     */
    static void checkLegalSteps(String file, String drl, Problems problems) {
        java.util.Set<String> steps = new java.util.HashSet<>();
        for (LegalStep step : LegalStep.values()) {
            steps.add(step.agendaGroup());
        }
        String[] lines = drl.split("\n", -1);
        String rule = null;
        int ruleLine = 0;
        boolean grouped = false;
        for (int i = 0; i < lines.length; i++) {
            java.util.regex.Matcher start = RULE_START.matcher(lines[i]);
            if (start.find()) {
                if (rule != null && !grouped) {
                    problems.add(file, ruleLine, "rule \"" + rule + "\" names no agenda-group: every rule belongs to one of the legal steps");
                }
                rule = start.group(1);
                ruleLine = i + 1;
                grouped = false;
                continue;
            }
            java.util.regex.Matcher group = AGENDA_GROUP.matcher(lines[i]);
            if (group.find()) {
                grouped = true;
                if (!steps.contains(group.group(1))) {
                    problems.add(file, i + 1, "agenda-group \"" + group.group(1) + "\" is not one of the legal steps " + steps.stream().sorted().toList());
                }
            } else if (SALIENCE.matcher(lines[i]).find()) {
                problems.add(file, i + 1, "salience is not used: the order of the legal steps decides when a rule runs");
            }
        }
        if (rule != null && !grouped) {
            problems.add(file, ruleLine, "rule \"" + rule + "\" names no agenda-group: every rule belongs to one of the legal steps");
        }
    }

    private List<ProductRule> overlaid(List<ProductRule> bundled, RulePackOverlay overlay, PackDocuments.Manifest manifest,
                                       Map<String, byte[]> files, List<ChapterNote> notes, List<String> warnings, Problems problems) {
        PackSource source = overlay.source();
        List<ProductRule> added = new ArrayList<>();
        for (String name : overlay.productRuleFiles()) {
            added.addAll(readProductRules(source, RulePackOverlay.PREFIX + name, manifest, files, notes, warnings, problems));
        }
        Map<String, ProductRule> byId = new LinkedHashMap<>();
        for (ProductRule rule : added) {
            byId.putIfAbsent(rule.id(), rule); // a second overlay rule of the same id is reported by the validator
        }
        List<ProductRule> out = new ArrayList<>();
        for (ProductRule rule : bundled) {
            ProductRule replacement = byId.get(rule.id());
            if (replacement == null) {
                out.add(rule);
            } else {
                warnings.add(replacement.location() + ": rule " + rule.id() + " replaces the bundled rule at " + rule.location());
            }
        }
        for (ProductRule rule : added) {
            if (bundled.stream().noneMatch(b -> b.id().equals(rule.id()))) {
                warnings.add(rule.location() + ": rule " + rule.id() + " is added by the overlay");
            }
        }
        out.addAll(added);
        return out;
    }

    /** What the pack does with a rule whose text is not verified against the official text (pack.yaml {@code options.unverifiedRules}). */
    public enum UnverifiedRules {
        /** Apply its structure; the determination is provisional and always reviewed (the default). */
        APPLY_PROVISIONALLY,
        /** Hold it for manual review: determinations under it answer INSUFFICIENT_DATA naming the rule. */
        REFUSE
    }

    public static final String UNVERIFIED_RULES_OPTION = "unverifiedRules";

    static UnverifiedRules unverifiedRules(PackDocuments.Manifest manifest) {
        String value = manifest.options() == null ? null : manifest.options().get(UNVERIFIED_RULES_OPTION);
        if (value == null) {
            return UnverifiedRules.APPLY_PROVISIONALLY;
        }
        try {
            return UnverifiedRules.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // reported by checkManifest
        }
    }

    /** SHA-256 over every file of the pack, in path order: path, a zero byte, length, then content. */
    static String sha256(Map<String, byte[]> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Long.toString(file.getValue().length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(file.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void checkManifest(PackDocuments.Manifest m, Problems problems) {
        if (blank(m.id())) problems.add(MANIFEST, 0, "'id' is required");
        if (blank(m.version())) problems.add(MANIFEST, 0, "'version' is required");
        if (m.effectiveFrom() == null) problems.add(MANIFEST, 0, "'effectiveFrom' is required");
        if (m.effectiveFrom() != null && m.effectiveTo() != null && m.effectiveTo().isBefore(m.effectiveFrom())) {
            problems.add(MANIFEST, 0, "'effectiveTo' " + m.effectiveTo() + " is before 'effectiveFrom' " + m.effectiveFrom());
        }
        if (m.sources() == null || m.sources().isEmpty()) problems.add(MANIFEST, 0, "'sources' must name the legal documents encoded");
        if (blank(m.parameters())) problems.add(MANIFEST, 0, "'parameters' file is required");
        if (unverifiedRules(m) == null) {
            problems.add(MANIFEST, 0, "options." + UNVERIFIED_RULES_OPTION + " '" + m.options().get(UNVERIFIED_RULES_OPTION)
                    + "' is not one of " + java.util.Arrays.toString(UnverifiedRules.values()));
        }
    }

    private Parameters readParameters(PackSource source, PackDocuments.Manifest manifest, Map<String, byte[]> files, Problems problems) {
        if (blank(manifest.parameters())) {
            return new Parameters(Map.of());
        }
        Map<String, PackDocuments.ParameterDoc> docs = readWhole(source, manifest.parameters(),
                TypeFactory.defaultInstance().constructMapType(LinkedHashMap.class, String.class, PackDocuments.ParameterDoc.class),
                files, problems);
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (docs == null) {
            return new Parameters(out);
        }
        for (Map.Entry<String, PackDocuments.ParameterDoc> entry : docs.entrySet()) {
            PackDocuments.ParameterDoc doc = entry.getValue();
            String where = "parameter " + entry.getKey() + ": ";
            if (doc == null || doc.values() == null || doc.values().isEmpty()) {
                problems.add(manifest.parameters(), 0, where + "has no dated values");
                continue;
            }
            if (blank(doc.reference())) {
                problems.add(manifest.parameters(), 0, where + "has no legal 'reference'");
            }
            List<DatedValue> values = new ArrayList<>();
            for (Map.Entry<LocalDate, BigDecimal> value : new TreeMap<>(doc.values()).entrySet()) {
                checkPercent(value.getValue(), manifest.parameters(), 0, where, problems);
                values.add(new DatedValue(value.getKey(), null, value.getValue()));
            }
            out.put(entry.getKey(), new Parameter(entry.getKey(), doc.description(), doc.reference(), new Threshold(values)));
        }
        for (String required : REQUIRED_PARAMETERS) {
            if (!out.containsKey(required)) {
                problems.add(manifest.parameters(), 0, "required parameter " + required + " is missing");
            }
        }
        return new Parameters(out);
    }

    private static final java.util.regex.Pattern SIX_DIGITS = java.util.regex.Pattern.compile("\\d{6}");
    private static final java.util.Set<String> CORRELATION_RELATIONSHIPS = java.util.Set.of("1:1", "1:n", "n:1", "n:n");

    /**
     * The HS 2022 - HS 2017 correlation table (rules/usmca/README.md, "HS editions"), null when the manifest names none. Its
     * file is one of the pack's files, so it is in the pack's SHA-256; every row is checked, with its line.
     */
    private HsCorrelation readHsCorrelation(PackSource source, String prefix, String where,
                                                                      PackDocuments.HsEditionsDoc doc, Map<String, byte[]> files, Problems problems) {
        if (doc == null) {
            return null;
        }
        if (blank(doc.correlation()) || blank(doc.citation()) || doc.hs2022From() == null) {
            problems.add(where, 0, "hsEditions needs its correlation table, the citation of it and hs2022From");
            return null;
        }
        String table = prefix + doc.correlation();
        byte[] bytes = readBytes(source, table, files, problems);
        if (bytes == null) {
            return null;
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1);
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int problemsBefore = problems.list.size();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 3 || !SIX_DIGITS.matcher(cells[0]).matches() || !SIX_DIGITS.matcher(cells[1]).matches()
                    || !CORRELATION_RELATIONSHIPS.contains(cells[2])) {
                problems.add(table, i + 1, "a correlation row is an HS 2022 subheading, an HS 2017 subheading (six digits each)"
                        + " and a relationship (1:1, 1:n, n:1 or n:n), separated by tabs");
                continue;
            }
            if (!seen.add(cells[0] + cells[1])) {
                problems.add(table, i + 1, "the row " + cells[0] + " - " + cells[1] + " is listed twice");
                continue;
            }
            rows.add(Map.entry(cells[0], cells[1]));
        }
        if (rows.isEmpty() && problems.list.size() == problemsBefore) {
            problems.add(table, 1, "the correlation table has no row");
        }
        return new HsCorrelation(rows, doc.hs2022From(), doc.citation(), nullToEmpty(doc.earlierEditionRules()));
    }

    /**
     * The overlay's {@value RulePackOverlay#HS_EDITIONS}: the keys of {@code hsEditions}, its table a file of the overlay folder.
     * Read and checked like the bundled block, both files under {@code overlay/} in the pack's SHA-256.
     */
    private HsCorrelation overlaidHsCorrelation(RulePackOverlay overlay, boolean bundled, Map<String, byte[]> files,
                                                                          List<String> warnings, Problems problems) {
        String file = RulePackOverlay.PREFIX + RulePackOverlay.HS_EDITIONS;
        int problemsBefore = problems.list.size();
        PackDocuments.HsEditionsDoc doc = readWhole(overlay.source(), file, PackDocuments.HsEditionsDoc.class, files, problems);
        if (doc == null) {
            if (problems.list.size() == problemsBefore) {
                problems.add(file, 0, "the file is empty: it needs correlation, citation and hs2022From");
            }
            return null;
        }
        HsCorrelation correlation = readHsCorrelation(overlay.source(), RulePackOverlay.PREFIX, file, doc, files, problems);
        warnings.add(file + ": the HS 2022 - HS 2017 correlation " + RulePackOverlay.PREFIX + doc.correlation()
                + (bundled ? " replaces the bundled one" : " is added by the overlay") + " (" + doc.citation() + ")");
        return correlation;
    }

    private List<ScheduleTwoGood> readScheduleTwo(PackSource source, PackDocuments.Manifest manifest, Map<String, byte[]> files, Problems problems) {
        if (blank(manifest.scheduleTwo())) {
            return List.of();
        }
        String file = manifest.scheduleTwo();
        PackDocuments.ScheduleTwoDoc doc = readWhole(source, file, PackDocuments.ScheduleTwoDoc.class, files, problems);
        List<ScheduleTwoGood> out = new ArrayList<>();
        if (doc == null || doc.goods() == null || doc.goods().isEmpty() || blank(doc.citation())) {
            problems.add(file, 0, "a Schedule 2 file needs its citation and its goods (SOR/2020-155 s.3(7))");
            return out;
        }
        for (PackDocuments.ScheduleTwoEntryDoc g : doc.goods()) {
            if (g.subheading() == null || !g.subheading().matches("\\d{4}\\.\\d{2}") || blank(g.group())) {
                problems.add(file, 0, "Schedule 2 entry " + g.subheading() + ": needs a subheading written 'dddd.dd' and its group");
                continue;
            }
            out.add(new ScheduleTwoGood(g.subheading(), g.group(), g.narrowedTo()));
        }
        return out;
    }

    private List<DeMinimisExclusion> readExclusions(PackSource source, PackDocuments.Manifest manifest,
                                                    Map<String, byte[]> files, Problems problems) {
        if (blank(manifest.deMinimisExclusions())) {
            return List.of();
        }
        String file = manifest.deMinimisExclusions();
        PackDocuments.ExclusionsDoc doc = readWhole(source, file, PackDocuments.ExclusionsDoc.class, files, problems);
        List<DeMinimisExclusion> out = new ArrayList<>();
        if (doc == null || doc.exclusions() == null) {
            return out;
        }
        for (PackDocuments.ExclusionDoc e : doc.exclusions()) {
            String where = "exclusion " + e.id() + ": ";
            if (blank(e.citation())) problems.add(file, 0, where + "has no citation");
            List<HsRange> goods = ranges(e.goods(), file, 0, where + "goods ", problems);
            List<HsRange> materials = ranges(e.materials(), file, 0, where + "materials ", problems);
            if (goods.isEmpty()) {
                problems.add(file, 0, where + "names no goods");
                continue;
            }
            List<DeMinimisExclusion.Condition> conditions = new ArrayList<>();
            for (PackDocuments.ConditionDoc c : nullToEmpty(e.conditions())) {
                if (blank(c.text())) problems.add(file, 0, where + "every condition needs the 'text' of the law");
                conditions.add(new DeMinimisExclusion.Condition(ranges(c.goods(), file, 0, where + "condition goods ", problems),
                        ranges(c.materials(), file, 0, where + "condition materials ", problems), c.text()));
            }
            out.add(new DeMinimisExclusion(e.id(), e.citation(), goods, materials,
                    Boolean.TRUE.equals(e.unlessDifferentSubheading()), conditions, Boolean.TRUE.equals(e.weightBased())));
        }
        return out;
    }

    private List<ProductRule> readProductRules(PackSource source, String file, PackDocuments.Manifest manifest,
                                               Map<String, byte[]> files, List<ChapterNote> notes, List<String> warnings,
                                               Problems problems) {
        String chapter = null;
        byte[] bytes = readBytes(source, file, files, problems);
        List<ProductRule> out = new ArrayList<>();
        if (bytes == null) {
            return out;
        }
        try (JsonParser parser = yaml.getFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(file, line(parser.currentTokenLocation()), "expected a mapping with 'chapter' and 'rules'");
                return out;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("rules".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        problems.add(file, line(parser.currentTokenLocation()), "'rules' must be a list");
                        parser.skipChildren();
                        continue;
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        int line = line(parser.currentTokenLocation());
                        PackDocuments.RuleDoc doc;
                        try {
                            doc = yaml.readValue(parser, PackDocuments.RuleDoc.class);
                        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
                            // Jackson reports unknown record properties only after reading the whole rule,
                            // at the next rule's line: name the rule's own line instead.
                            problems.add(file, line, "unknown field '" + e.getPropertyName() + "' in this rule; known fields: "
                                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
                            return out;
                        } catch (JsonProcessingException e) {
                            problems.add(file, line(e.getLocation()), e.getOriginalMessage());
                            return out;
                        }
                        ProductRule rule = toRule(doc, file, line, manifest, warnings, problems);
                        if (rule != null) {
                            out.add(rule);
                        }
                    }
                } else if ("chapter".equals(field)) {
                    chapter = parser.getValueAsString();
                } else if ("notes".equals(field)) {
                    int line = line(parser.currentTokenLocation());
                    try {
                        List<PackDocuments.NoteDoc> docs = yaml.readValue(parser, TypeFactory.defaultInstance()
                                .constructCollectionType(List.class, PackDocuments.NoteDoc.class));
                        for (PackDocuments.NoteDoc note : docs) {
                            if (blank(note.id()) || blank(note.text()) || blank(note.citation())) {
                                problems.add(file, line, "every note needs an id, a citation and its text");
                            } else {
                                notes.add(new ChapterNote(note.id(), chapter, note.citation(), note.scope(), note.text().trim()));
                            }
                        }
                    } catch (JsonProcessingException e) {
                        problems.add(file, line(e.getLocation()), e.getOriginalMessage());
                        return out;
                    }
                } else {
                    problems.add(file, line(parser.currentTokenLocation()), "unknown field '" + field + "' (expected 'chapter', 'notes' or 'rules')");
                    parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(file, line(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read: " + e.getMessage());
        }
        return out;
    }

    private ProductRule toRule(PackDocuments.RuleDoc doc, String file, int line, PackDocuments.Manifest manifest,
                               List<String> warnings, Problems problems) {
        String where = "rule " + (doc.id() == null ? "(no id)" : doc.id()) + ": ";
        int before = problems.list.size();
        if (blank(doc.id())) problems.add(file, line, where + "'id' is required");
        if (blank(doc.text())) problems.add(file, line, where + "the verbatim legal 'text' is required");
        else if (!statesARule(doc.text())) {
            problems.add(file, line, where + "the 'text' \"" + abbreviated(doc.text()) + "\" states neither a change in tariff"
                    + " classification nor a regional value content: it is not a rule of Annex 4-B (a truncated transcription?)");
        }
        if (blank(doc.citation())) problems.add(file, line, where + "a 'citation' is required");
        if (blank(doc.source())) problems.add(file, line, where + "a 'source' is required");
        List<HsRange> scope = ranges(doc.scope(), file, line, where + "scope ", problems);
        if (scope.isEmpty()) problems.add(file, line, where + "'scope' must name at least one HS provision");
        if (!scope.isEmpty() && scope.stream().map(HsRange::level).distinct().count() > 1) {
            problems.add(file, line, where + "'scope' mixes chapters, headings, subheadings or tariff items");
        }
        if (doc.effectiveFrom() != null && doc.effectiveTo() != null && doc.effectiveTo().isBefore(doc.effectiveFrom())) {
            problems.add(file, line, where + "'effectiveTo' is before 'effectiveFrom'");
        }
        List<RuleAlternative> alternatives = new ArrayList<>();
        ParseStatus status = ParseStatus.HAND_ENCODED;
        String parseNote = null;
        // A rule dated in the file was printed under a period heading ("the following rule of origin shall apply to ..."), which
        // the file keeps as its dates: a lone "(a)" is then the whole rule (the phase 1 steel rules of chapter 73).
        // Likewise a rule with a direction of trade was printed under "For the purposes of trade between ...", kept as its 'trade'.
        boolean dated = doc.effectiveTo() != null || doc.trade() != null;
        ParseResult parsed = blank(doc.text()) ? null : textParser.parse(doc.text(), manifest.effectiveFrom(), dated);
        if (doc.unverified() != null && blank(doc.unverified())) {
            problems.add(file, line, where + "'unverified' must say why the text is not verified against the official text");
        }
        boolean refuseUnverified = doc.unverified() != null && unverifiedRules(manifest) == UnverifiedRules.REFUSE;
        if (refuseUnverified && doc.manualReview() == null) {
            // The pack's choice (pack.yaml options.unverifiedRules: REFUSE): an unverified text is held for manual review, not applied.
            status = ParseStatus.MANUAL_REVIEW;
            parseNote = doc.unverified();
        } else if (doc.manualReview() != null) {
            if (doc.alternatives() != null) {
                problems.add(file, line, where + "a rule marked for manual review may not also have alternatives");
            }
            status = ParseStatus.MANUAL_REVIEW;
            parseNote = doc.manualReview();
        } else if (doc.alternatives() == null) {
            // The verbatim text is the source of truth: parse it; what cannot be parsed is kept for review, never dropped.
            String periodMismatch = parsed instanceof ParseResult.Parsed ok ? periodMismatch(ok.period(), doc, scope) : null;
            if (periodMismatch == null && parsed instanceof ParseResult.Parsed ok) {
                periodMismatch = endUseMismatch(ok.forUse(), doc, scope);
            }
            if (periodMismatch == null && parsed instanceof ParseResult.Parsed ok) {
                periodMismatch = tradeMismatch(ok.forTrade(), doc, scope);
            }
            if (periodMismatch != null) {
                // The text states its own period; a rule dated otherwise would apply the text on days it does not cover.
                status = ParseStatus.MANUAL_REVIEW;
                parseNote = "not applied: " + periodMismatch;
            } else if (parsed instanceof ParseResult.Parsed ok) {
                alternatives.addAll(ok.alternatives());
                status = ParseStatus.PARSED;
            } else if (parsed instanceof ParseResult.Unparsed no) {
                status = ParseStatus.MANUAL_REVIEW;
                parseNote = "not parsed: " + no.reason();
            }
        } else if (doc.alternatives().isEmpty()) {
            problems.add(file, line, where + "needs at least one alternative");
        } else {
            List<String> labels = new ArrayList<>();
            for (PackDocuments.AlternativeDoc alt : doc.alternatives()) {
                String altWhere = where + "alternative " + alt.label() + ": ";
                if (blank(alt.label())) problems.add(file, line, where + "every alternative needs a 'label'");
                else if (labels.contains(alt.label())) problems.add(file, line, altWhere + "label used twice");
                labels.add(alt.label());
                TariffShift shift = alt.tariffShift() == null ? null : toShift(alt.tariffShift(), file, line, altWhere, problems);
                RvcRequirement rvc = alt.regionalValueContent() == null ? null
                        : toRvc(alt.regionalValueContent(), manifest.effectiveFrom(), file, line, altWhere, problems);
                if (alt.tariffShift() == null && alt.regionalValueContent() == null) {
                    problems.add(file, line, altWhere + "requires neither a tariffShift nor a regionalValueContent");
                } else if ((alt.tariffShift() == null || shift != null) && (alt.regionalValueContent() == null || rvc != null)) {
                    alternatives.add(new RuleAlternative(alt.label(), shift, rvc));
                }
            }
        }
        if (problems.list.size() > before) {
            return null;
        }
        boolean handEncoded = status == ParseStatus.HAND_ENCODED;
        if (doc.unverified() != null && status != ParseStatus.MANUAL_REVIEW) {
            // Applied from its structure, but only provisionally: the determination says so and always goes to an officer.
            status = ParseStatus.PROVISIONAL;
            parseNote = doc.unverified();
        } else if (doc.unverified() != null && !doc.unverified().equals(parseNote)) {
            parseNote = parseNote + "; and " + doc.unverified();
        }
        if (handEncoded && doc.notes() == null) {
            if (parsed instanceof ParseResult.Unparsed no) {
                warnings.add(file + ":" + line + ": rule " + doc.id() + " is hand-encoded but its text does not parse (" + no.reason() + ")");
            } else if (parsed instanceof ParseResult.Parsed ok && !ok.alternatives().equals(alternatives)) {
                warnings.add(file + ":" + line + ": rule " + doc.id() + " is hand-encoded differently from what its text parses to; explain it in 'notes' or fix it");
            }
        }
        return new ProductRule(doc.id(), scope, doc.endUses() == null ? null : java.util.Set.copyOf(doc.endUses()),
                doc.vehicleClasses() == null ? null : java.util.Set.copyOf(doc.vehicleClasses()),
                doc.effectiveFrom(), doc.effectiveTo(), doc.text().trim(), doc.citation(), doc.source(), doc.verification(), alternatives,
                doc.notes(), doc.partsRuleUnavailable(), status, parseNote, file, line, doc.trade());
    }

    /**
     * Why a text's direction-of-trade preamble ("For the purposes of trade between the territory of Canada and the territory of
     * the United States of goods of subheading 5112.11 the following rule of origin applies:") disagrees with the rule's scope or
     * {@code trade}, or null when it agrees. A text without a preamble takes the rule's {@code trade} (the transcription prints
     * the preamble of most of these texts outside its quote).
     */
    static String tradeMismatch(ParseResult.ForTrade forTrade, PackDocuments.RuleDoc doc, List<HsRange> scope) {
        if (forTrade == null) {
            return null;
        }
        if (!forTrade.provisions().equals(scope)) {
            return "the text's preamble \"" + forTrade.words() + "\" names " + forTrade.provisions() + " but the rule's scope is " + scope;
        }
        if (forTrade.trade() != doc.trade()) {
            return "the text's preamble \"" + forTrade.words() + "\" is for " + forTrade.trade().words() + " but the rule is for "
                    + (doc.trade() == null ? "all trade (no 'trade')" : doc.trade().words());
        }
        return null;
    }

    /**
     * Why a text's end-use preamble ("For a good of subheading 8708.50 for use in a heavy truck:") disagrees with the rule's
     * scope or {@code endUses}, or null when it agrees (or states none). "For any other good of ...:" is the rule for the end
     * uses no other rule names, so the rule must name none.
     */
    static String endUseMismatch(ParseResult.ForUse forUse, PackDocuments.RuleDoc doc, List<HsRange> scope) {
        if (forUse == null) {
            return null;
        }
        if (!forUse.provisions().equals(scope)) {
            return "the text's preamble \"" + forUse.words() + "\" names " + forUse.provisions() + " but the rule's scope is " + scope;
        }
        java.util.Set<org.origincheck.domain.automotive.EndUse> declared = doc.endUses() == null ? java.util.Set.of() : java.util.Set.copyOf(doc.endUses());
        if (!forUse.endUses().equals(declared)) {
            return "the text's preamble \"" + forUse.words() + "\" is for " + (forUse.anyOther() ? "the end uses no other rule names"
                    : new java.util.TreeSet<>(forUse.endUses()).toString()) + " but the rule is for end uses "
                    + (declared.isEmpty() ? "(any)" : new java.util.TreeSet<>(declared).toString());
        }
        return null;
    }

    /** Why a text's stated period disagrees with the rule's scope or dates, or null when it agrees (or states none). */
    static String periodMismatch(ParseResult.Period period, PackDocuments.RuleDoc doc, List<HsRange> scope) {
        if (period == null) {
            return null;
        }
        if (!period.provisions().equals(scope)) {
            return "the text applies to " + period.provisions() + " but the rule's scope is " + scope;
        }
        if (!period.from().equals(doc.effectiveFrom()) || !java.util.Objects.equals(period.to(), doc.effectiveTo())) {
            return "the text states the period " + period.from() + " to " + (period.to() == null ? "(open)" : period.to())
                    + " but the rule is dated " + doc.effectiveFrom() + " to " + (doc.effectiveTo() == null ? "(open)" : doc.effectiveTo());
        }
        return null;
    }

    private TariffShift toShift(PackDocuments.ShiftDoc doc, String file, int line, String where, Problems problems) {
        if (doc.from() == null || doc.from().isEmpty()) {
            problems.add(file, line, where + "tariffShift needs at least one 'from' clause");
            return null;
        }
        List<ShiftSource> sources = new ArrayList<>();
        for (PackDocuments.FromDoc from : doc.from()) {
            int set = (from.anyOther() != null ? 1 : 0) + (from.outside() != null ? 1 : 0) + (from.provisions() != null ? 1 : 0);
            if (set != 1) {
                problems.add(file, line, where + "each 'from' clause takes exactly one of anyOther, outside, provisions");
                continue;
            }
            if (from.anyOther() != null) {
                sources.add(new ShiftSource.AnyOther(from.anyOther()));
            } else if (from.outside() != null) {
                List<HsRange> ranges = ranges(from.outside(), file, line, where + "outside ", problems);
                if (!ranges.isEmpty()) sources.add(new ShiftSource.Outside(ranges));
            } else {
                List<HsRange> ranges = ranges(from.provisions(), file, line, where + "provisions ", problems);
                if (!ranges.isEmpty()) sources.add(new ShiftSource.From(ranges));
            }
        }
        List<HsRange> except = ranges(doc.except(), file, line, where + "except ", problems);
        return sources.size() == doc.from().size() ? new TariffShift(sources, except) : null;
    }

    private RvcRequirement toRvc(PackDocuments.RvcDoc doc, LocalDate packStart, String file, int line, String where, Problems problems) {
        Threshold tv = threshold(doc.transactionValue(), packStart, file, line, where + "transactionValue ", problems);
        Threshold nc = threshold(doc.netCost(), packStart, file, line, where + "netCost ", problems);
        if (tv == null && nc == null) {
            problems.add(file, line, where + "regionalValueContent needs transactionValue and/or netCost");
            return null;
        }
        return new RvcRequirement(tv, nc);
    }

    Threshold threshold(JsonNode node, LocalDate packStart, String file, int line, String where, Problems problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            checkPercent(value, file, line, where, problems);
            return Threshold.constant(packStart == null ? LocalDate.of(2020, 7, 1) : packStart, value);
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(file, line, where + "must be a percentage or a list of {from, to, value}");
            return null;
        }
        List<DatedValue> entries = new ArrayList<>();
        for (JsonNode entry : node) {
            try {
                LocalDate from = LocalDate.parse(entry.path("from").asText());
                LocalDate to = entry.hasNonNull("to") ? LocalDate.parse(entry.get("to").asText()) : null;
                if (!entry.path("value").isNumber()) {
                    problems.add(file, line, where + "entry from " + from + " has no numeric 'value'");
                    continue;
                }
                BigDecimal value = entry.get("value").decimalValue();
                checkPercent(value, file, line, where, problems);
                if (to != null && to.isBefore(from)) {
                    problems.add(file, line, where + "entry " + from + " ends before it begins (" + to + ")");
                }
                entries.add(new DatedValue(from, to, value));
            } catch (DateTimeParseException e) {
                problems.add(file, line, where + "has an invalid date: " + e.getParsedString());
            }
        }
        Threshold threshold = new Threshold(entries);
        List<DatedValue> sorted = threshold.schedule();
        for (int i = 1; i < sorted.size(); i++) {
            DatedValue previous = sorted.get(i - 1);
            if (previous.to() == null || !previous.to().isBefore(sorted.get(i).from())) {
                problems.add(file, line, where + "periods overlap: the entry from " + previous.from()
                        + " must end before " + sorted.get(i).from());
            }
        }
        return threshold;
    }

    private static void checkPercent(BigDecimal value, String file, int line, String where, Problems problems) {
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(file, line, where + "threshold " + value.toPlainString() + " is outside 0-100");
        }
    }

    /**
     * Every product-specific rule of Annex 4-B requires a change in tariff classification, a regional value
     * content, or states that no change is required; a text with none of these words is a fragment (the
     * transcription's row for 8414.59-8414.80 read only "subheading 8414.90") and must not load as a rule.
     */
    static boolean statesARule(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("change") || lower.contains("regional value content");
    }

    private static String abbreviated(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    private static List<HsRange> ranges(List<String> texts, String file, int line, String where, Problems problems) {
        List<HsRange> out = new ArrayList<>();
        for (String text : nullToEmpty(texts)) {
            try {
                out.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(file, line, where + e.getMessage());
            }
        }
        return out;
    }

    <T> T readWhole(PackSource source, String file, Class<T> type, Map<String, byte[]> files, Problems problems) {
        return readWhole(source, file, TypeFactory.defaultInstance().constructType(type), files, problems);
    }

    private <T> T readWhole(PackSource source, String file, com.fasterxml.jackson.databind.JavaType type,
                            Map<String, byte[]> files, Problems problems) {
        byte[] bytes = readBytes(source, file, files, problems);
        if (bytes == null) {
            return null;
        }
        try {
            return yaml.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            problems.add(file, line(e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file, 0, "cannot be read: " + e.getMessage());
        }
        return null;
    }

    private static byte[] readBytes(PackSource source, String file, Map<String, byte[]> files, Problems problems) {
        try {
            byte[] bytes = source.read(file);
            files.put(file, bytes);
            return bytes;
        } catch (IOException e) {
            problems.add(file, 0, "listed in the manifest but cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : location.getLineNr();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** Problems as "file:line: message", in the order found. */
    static final class Problems {
        final List<String> list = new ArrayList<>();

        void add(String file, int line, String message) {
            list.add(file + (line > 0 ? ":" + line : "") + ": " + message);
        }
    }
}
