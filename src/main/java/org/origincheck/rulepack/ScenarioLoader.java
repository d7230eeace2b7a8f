package org.origincheck.rulepack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.rules.RulePack;
import org.origincheck.domain.scenario.OriginCap;
import org.origincheck.domain.scenario.Scenario;
import org.origincheck.domain.scenario.ScenarioChange;

/**
 * Reads and validates a pack's scenario packs ({@code scenarios/index.yaml} and the files it lists, beside the pack; format
 * in rules/README.md and docs/scenarios.md). A pack without the index has no scenarios. Validation is as strict as the pack's:
 * any problem stops startup naming the file and the reason, and every change must name something the pack has (a parameter,
 * a rule id, an automotive schedule, a wage floor's country).
 */
public final class ScenarioLoader {

    public static final String INDEX = "scenarios/index.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    record IndexDoc(List<String> scenarios) {
    }

    record ScenarioDoc(String id, String title, String basePack, Scenario.Label label, String summary, List<SourceDoc> sources,
                       List<ChangeDoc> changes, List<ConditionDoc> conditions) {
    }

    record SourceDoc(String status, String date, String source, String confidence, String note) {
    }

    record ChangeDoc(String description, ParameterDoc parameter, RuleRvcDoc productRuleRvc, ScheduleDoc partSchedule, WageDoc wageFloor) {
    }

    record ParameterDoc(String name, BigDecimal value) {
    }

    record RuleRvcDoc(List<String> rules, BigDecimal netCost, BigDecimal transactionValue) {
    }

    record ScheduleDoc(String schedule, BigDecimal netCost, BigDecimal transactionValue) {
    }

    record WageDoc(String country, BigDecimal amount) {
    }

    record ConditionDoc(String id, String description, List<String> countries, List<String> materials, BigDecimal maxPercent,
                        List<OriginCap.Basis> percentOf) {
    }

    /** The scenarios of the pack (empty when it has no index), or a {@link RulePackException} listing every problem. */
    public List<Scenario> load(PackSource source, RulePack pack) {
        byte[] indexBytes;
        try {
            indexBytes = source.read(INDEX);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new RulePackException(pack.id() + " scenarios", List.of(INDEX + ": cannot be read: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        IndexDoc index = read(indexBytes, INDEX, IndexDoc.class, problems);
        List<Scenario> scenarios = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (index != null) {
            if (index.scenarios() == null || index.scenarios().isEmpty()) {
                problems.add(INDEX + ": 'scenarios' must list the scenario files");
            }
            for (String name : index.scenarios() == null ? List.<String>of() : index.scenarios()) {
                String file = "scenarios/" + name;
                byte[] bytes;
                try {
                    bytes = source.read(file);
                } catch (IOException e) {
                    problems.add(file + ": listed in " + INDEX + " but cannot be read (" + e.getMessage() + ")");
                    continue;
                }
                ScenarioDoc doc = read(bytes, file, ScenarioDoc.class, problems);
                if (doc == null) {
                    continue;
                }
                int before = problems.size();
                Scenario scenario = toScenario(doc, file, pack, problems, RulePackLoader.sha256(java.util.Map.of(file, bytes)));
                if (scenario != null && problems.size() == before) {
                    if (!ids.add(scenario.id())) {
                        problems.add(file + ": id '" + scenario.id() + "' is already used by another scenario");
                    }
                    scenarios.add(scenario);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(pack.id() + " scenarios", problems);
        }
        return scenarios;
    }

    private <T> T read(byte[] bytes, String file, Class<T> type, List<String> problems) {
        try {
            return yaml.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            problems.add(file + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            problems.add(file + ": cannot be read: " + e.getMessage());
        }
        return null;
    }

    private Scenario toScenario(ScenarioDoc doc, String file, RulePack pack, List<String> problems, String digest) {
        if (doc.id() == null || !ID.matcher(doc.id()).matches()) problems.add(file + ": 'id' is required: lower-case letters, digits and '-'");
        if (blank(doc.title())) problems.add(file + ": 'title' is required");
        if (doc.label() == null) problems.add(file + ": 'label' is required: PROPOSAL, REPORTED_OR_STAKEHOLDER_PROPOSAL or STRESS_TEST (a scenario is never law)");
        if (blank(doc.summary())) problems.add(file + ": 'summary' is required: what the scenario changes, in words");
        if (!pack.id().equals(doc.basePack())) problems.add(file + ": 'basePack' must be '" + pack.id() + "', the pack whose folder holds it (was '" + doc.basePack() + "')");
        if (doc.sources() == null || doc.sources().isEmpty()) {
            problems.add(file + ": 'sources' must name where the proposal comes from (or say that a stress test has none)");
        } else {
            for (int i = 0; i < doc.sources().size(); i++) {
                SourceDoc s = doc.sources().get(i);
                if (s == null || blank(s.source()) || blank(s.status())) problems.add(file + ": sources[" + i + "] needs 'status' and 'source'");
            }
        }
        List<ScenarioChange> changes = new ArrayList<>();
        List<ChangeDoc> changeDocs = doc.changes() == null ? List.of() : doc.changes();
        for (int i = 0; i < changeDocs.size(); i++) {
            ScenarioChange change = change(changeDocs.get(i), file + ": changes[" + i + "]", pack, problems);
            if (change != null) changes.add(change);
        }
        List<OriginCap> conditions = new ArrayList<>();
        List<ConditionDoc> conditionDocs = doc.conditions() == null ? List.of() : doc.conditions();
        for (int i = 0; i < conditionDocs.size(); i++) {
            OriginCap cap = condition(conditionDocs.get(i), file + ": conditions[" + i + "]", problems);
            if (cap != null) conditions.add(cap);
        }
        if (changeDocs.isEmpty() && conditionDocs.isEmpty()) problems.add(file + ": a scenario needs at least one of 'changes' and 'conditions'");
        if (doc.id() == null || doc.label() == null || doc.sources() == null) {
            return null;
        }
        List<Scenario.ProposalSource> sources = doc.sources().stream().filter(s -> s != null)
                .map(s -> new Scenario.ProposalSource(s.status(), s.date(), s.source(), s.confidence(), s.note())).toList();
        return new Scenario(doc.id(), doc.title(), doc.basePack(), doc.label(), doc.summary(), sources, changes, conditions, "rules/" + pack.id() + "/" + file, digest);
    }

    private ScenarioChange change(ChangeDoc c, String where, RulePack pack, List<String> problems) {
        if (c == null) {
            problems.add(where + ": empty change");
            return null;
        }
        int kinds = (c.parameter() != null ? 1 : 0) + (c.productRuleRvc() != null ? 1 : 0) + (c.partSchedule() != null ? 1 : 0) + (c.wageFloor() != null ? 1 : 0);
        if (kinds != 1) {
            problems.add(where + ": give exactly one of 'parameter', 'productRuleRvc', 'partSchedule', 'wageFloor'");
            return null;
        }
        if (blank(c.description())) {
            problems.add(where + ": 'description' is required: what the change does, in words");
        }
        if (c.parameter() != null) {
            ParameterDoc p = c.parameter();
            if (p.name() == null || !pack.parameters().byName().containsKey(p.name())) {
                problems.add(where + ": parameter '" + p.name() + "' is not a parameter of pack " + pack.id());
                return null;
            }
            if (!percent(p.value())) {
                problems.add(where + ": parameter value must be a percentage from 0 to 100");
                return null;
            }
            return new ScenarioChange.ParameterValue(p.name(), p.value(), c.description());
        }
        if (c.productRuleRvc() != null) {
            RuleRvcDoc r = c.productRuleRvc();
            if (r.rules() == null || r.rules().isEmpty()) {
                problems.add(where + ": productRuleRvc.rules must list rule ids");
                return null;
            }
            Set<String> known = new HashSet<>();
            pack.productRules().all().forEach(rule -> known.add(rule.id()));
            for (String id : r.rules()) {
                if (!known.contains(id)) problems.add(where + ": rule '" + id + "' is not in pack " + pack.id());
                else if (pack.productRules().all().stream().filter(rule -> rule.id().equals(id))
                        .noneMatch(rule -> rule.alternatives().stream().anyMatch(a -> a.regionalValueContent() != null))) {
                    problems.add(where + ": rule '" + id + "' has no regional value content to change");
                }
            }
            if (!thresholds(r.netCost(), r.transactionValue(), where, problems)) return null;
            return new ScenarioChange.ProductRuleRvc(r.rules(), r.netCost(), r.transactionValue(), c.description());
        }
        if (c.partSchedule() != null) {
            ScheduleDoc s = c.partSchedule();
            if (pack.automotive() == null || s.schedule() == null || !pack.automotive().partSchedules().containsKey(s.schedule())) {
                problems.add(where + ": '" + s.schedule() + "' is not an automotive part schedule of pack " + pack.id());
                return null;
            }
            if (s.transactionValue() != null && pack.automotive().schedule(s.schedule()).transactionValue() == null) {
                problems.add(where + ": schedule " + s.schedule() + " has no transaction value method to change");
                return null;
            }
            if (!thresholds(s.netCost(), s.transactionValue(), where, problems)) return null;
            return new ScenarioChange.PartScheduleRvc(s.schedule(), s.netCost(), s.transactionValue(), c.description());
        }
        WageDoc w = c.wageFloor();
        if (pack.automotive() == null || w.country() == null || pack.automotive().wageFloor(w.country()).isEmpty()) {
            problems.add(where + ": pack " + pack.id() + " has no wage floor for '" + w.country() + "'");
            return null;
        }
        if (w.amount() == null || w.amount().signum() <= 0) {
            problems.add(where + ": wageFloor.amount must be a positive amount in the country's currency");
            return null;
        }
        return new ScenarioChange.WageFloorChange(w.country(), w.amount(), c.description());
    }

    private OriginCap condition(ConditionDoc c, String where, List<String> problems) {
        if (c == null) {
            problems.add(where + ": empty condition");
            return null;
        }
        int before = problems.size();
        if (c.id() == null || !ID.matcher(c.id()).matches()) problems.add(where + ": 'id' is required: lower-case letters, digits and '-'");
        if (blank(c.description())) problems.add(where + ": 'description' is required");
        if (c.countries() == null || c.countries().isEmpty() || !c.countries().stream().allMatch(x -> x != null && COUNTRY.matcher(x).matches())) {
            problems.add(where + ": 'countries' must list ISO 3166 alpha-2 codes in capitals (e.g. CN)");
        } else if (c.countries().stream().anyMatch(x -> x.equals("US") || x.equals("CA") || x.equals("MX"))) {
            problems.add(where + ": 'countries' names a USMCA country: the cap is on non-regional content");
        }
        if (!percent(c.maxPercent())) problems.add(where + ": 'maxPercent' must be a percentage from 0 to 100");
        if (c.maxPercent() != null && c.maxPercent().signum() > 0 && (c.percentOf() == null || c.percentOf().isEmpty())) {
            problems.add(where + ": 'percentOf' must say of which value the cap is a share (TRANSACTION_VALUE, NET_COST, in the order tried)");
        }
        List<HsRange> ranges = new ArrayList<>();
        for (String text : c.materials() == null ? List.<String>of() : c.materials()) {
            try {
                ranges.add(HsRange.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(where + ": materials: " + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new OriginCap(c.id(), Set.copyOf(c.countries()), ranges, c.maxPercent(), c.percentOf() == null ? List.of() : c.percentOf(), c.description());
    }

    private static boolean thresholds(BigDecimal nc, BigDecimal tv, String where, List<String> problems) {
        if (nc == null && tv == null) {
            problems.add(where + ": give 'netCost' and/or 'transactionValue'");
            return false;
        }
        if ((nc != null && !percent(nc)) || (tv != null && !percent(tv))) {
            problems.add(where + ": thresholds must be percentages from 0 to 100");
            return false;
        }
        return true;
    }

    private static boolean percent(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
