package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsCorrelation;
import org.origincheck.domain.rules.ProductRule;
import org.origincheck.domain.rules.RulePack;

/**
 * Around any {@link OriginEngine}: the rule texts are written in HS 2017 (the pack's GN 11(o) texts) and a US importer classifies
 * in the HTSUS in force, HS 2022 since 27 January 2022. A subheading of the good or of a
 * non-originating material that is not a subheading of HS 2017 is read as its HS 2017 counterpart, from the pack's correlation
 * table, and the rule is evaluated with it:
 * <ul>
 *   <li>one counterpart: it is applied, and a {@link ReasonCode#HS_EDITION_CORRELATED} reason says the code was correlated;</li>
 *   <li>several: each is evaluated; if all give the same status and criterion, that is the answer and the reason says it holds
 *   for every counterpart; otherwise the answer is INSUFFICIENT_DATA, asking which HS 2017 subheading the material (or good) is
 *   in, with the rule's words and the counterparts as the values;</li>
 *   <li>a subheading of neither edition: INSUFFICIENT_DATA, never a definite answer drawn from a code the nomenclature does not
 *   have.</li>
 * </ul>
 * A rule whose text names a subheading created by HS 2022 is applied to the codes as submitted; one written in an earlier edition
 * (the s.13 table, or a text naming a subheading that neither edition has) cannot be applied to a correlated code, so the
 * answer is INSUFFICIENT_DATA naming it. Motor vehicles of 87.01-87.06 keep their own code: their class is decided by
 * {@code VehicleClassification}, which already refers the HS 2022 truck subheadings to a compliance officer.
 */
public final class CorrelatingHsEditions implements OriginEngine {

    /** At most this many combinations of counterparts are evaluated for one answer; past it, the counterparts are asked. */
    public static final int MAX_COMBINATIONS = 16;

    private final OriginEngine engine;

    public CorrelatingHsEditions(OriginEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    /** A subheading of the submission read in HS 2017: where it is ({@code field}), who it is, what it was and can be. */
    private record Correlated(String field, String label, HsCode submitted, List<String> counterparts, int materialIndex) {
        boolean several() {
            return counterparts.size() > 1;
        }
    }

    private record Plan(List<Correlated> correlated, List<Correlated> inNeither) {
        boolean nothing() {
            return correlated.isEmpty() && inNeither.isEmpty();
        }
    }

    @Override
    public Evaluation evaluate(BillOfMaterials bom, RulePack pack) {
        Plan plan = plan(bom, pack);
        return plan.nothing() ? engine.evaluate(bom, pack) : correlate(bom, pack, plan);
    }

    /** The submissions with nothing to correlate go to the engine together (one rules session); the others one by one. */
    @Override
    public List<Evaluation> evaluateAll(List<BillOfMaterials> boms, RulePack pack) {
        List<Plan> plans = boms.stream().map(b -> plan(b, pack)).toList();
        List<BillOfMaterials> plain = new ArrayList<>();
        for (int i = 0; i < boms.size(); i++) {
            if (plans.get(i).nothing()) {
                plain.add(boms.get(i));
            }
        }
        List<Evaluation> plainAnswers = plain.isEmpty() ? List.of() : engine.evaluateAll(plain, pack);
        List<Evaluation> out = new ArrayList<>(boms.size());
        int next = 0;
        for (int i = 0; i < boms.size(); i++) {
            out.add(plans.get(i).nothing() ? plainAnswers.get(next++) : correlate(boms.get(i), pack, plans.get(i)));
        }
        return out;
    }

    private static Plan plan(BillOfMaterials bom, RulePack pack) {
        HsCorrelation table = pack == null ? null : pack.hsCorrelation();
        List<Correlated> correlated = new ArrayList<>();
        List<Correlated> inNeither = new ArrayList<>();
        if (table == null) {
            return new Plan(correlated, inNeither);
        }
        HsCode goodCode = bom.good().hsCode();
        if (goodCode != null && !isMotorVehicle(goodCode)) {
            sort(table.read(goodCode, bom.asOf()), "good.hsCode", "the good", goodCode, -1, correlated, inNeither);
        }
        for (int i = 0; i < bom.materials().size(); i++) {
            Material material = bom.materials().get(i);
            // The shift applies only to non-originating materials (Annex 4-B Section A): another material's code decides nothing.
            if (material.hsCode() != null && material.subjectToTariffShift()) {
                sort(table.read(material.hsCode(), bom.asOf()), material.field("hsCode"), "material " + material.label(),
                        material.hsCode(), i, correlated, inNeither);
            }
        }
        return new Plan(correlated, inNeither);
    }

    private static void sort(HsCorrelation.Reading reading, String field, String label, HsCode code, int index, List<Correlated> correlated,
                             List<Correlated> inNeither) {
        if (reading instanceof HsCorrelation.Counterparts c) {
            correlated.add(new Correlated(field, label, code, c.hs2017(), index));
        } else if (reading instanceof HsCorrelation.InNeither) {
            inNeither.add(new Correlated(field, label, code, List.of(), index));
        }
    }

    private static boolean isMotorVehicle(HsCode code) {
        String heading = code.heading();
        return heading.compareTo("8701") >= 0 && heading.compareTo("8706") <= 0;
    }

    private Evaluation correlate(BillOfMaterials bom, RulePack pack, Plan plan) {
        HsCorrelation table = pack.hsCorrelation();
        if (!plan.inNeither().isEmpty()) {
            return inNeither(engine.evaluate(bom, pack), plan.inNeither(), table);
        }
        List<Correlated> items = plan.correlated();
        long combinations = 1;
        for (Correlated item : items) {
            combinations *= item.counterparts().size();
            if (combinations > MAX_COMBINATIONS) {
                break;
            }
        }
        if (combinations > MAX_COMBINATIONS) {
            Evaluation first = engine.evaluate(assume(bom, items, firstChoice(items)), pack);
            return tooMany(first, items, table);
        }
        List<Map<Correlated, String>> choices = choices(items);
        List<Evaluation> answers = new ArrayList<>();
        for (Map<Correlated, String> choice : choices) {
            Evaluation answer = engine.evaluate(assume(bom, items, choice), pack);
            ProductRule rule = appliedRule(answer, pack);
            if (rule != null) {
                HsCorrelation.RuleEdition edition = table.editionOf(rule.id(), rule.hsScope(), rule.text());
                if (edition == HsCorrelation.RuleEdition.HS2022) {
                    // The text already speaks HS 2022: the codes are applied as submitted.
                    return engine.evaluate(bom, pack);
                }
                if (edition == HsCorrelation.RuleEdition.EARLIER) {
                    return earlierEdition(engine.evaluate(bom, pack), items, rule, table);
                }
            }
            answers.add(answer);
        }
        Evaluation first = answers.get(0);
        boolean agree = answers.stream().allMatch(a -> a.status() != DeterminationStatus.INSUFFICIENT_DATA
                && a.status() == first.status() && a.originCriterion() == first.originCriterion());
        if (answers.size() == 1 || agree) {
            return holds(first, items, choices.get(0), answers.size() > 1, table, answers.stream().anyMatch(Evaluation::provisional));
        }
        return depends(first, items, choices, answers, table, pack);
    }

    private static Map<Correlated, String> firstChoice(List<Correlated> items) {
        Map<Correlated, String> out = new LinkedHashMap<>();
        items.forEach(i -> out.put(i, i.counterparts().get(0)));
        return out;
    }

    /** Every combination of one counterpart per correlated code, the first counterparts first. */
    private static List<Map<Correlated, String>> choices(List<Correlated> items) {
        List<Map<Correlated, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Correlated item : items) {
            List<Map<Correlated, String>> next = new ArrayList<>();
            for (Map<Correlated, String> partial : out) {
                for (String counterpart : item.counterparts()) {
                    Map<Correlated, String> extended = new LinkedHashMap<>(partial);
                    extended.put(item, counterpart);
                    next.add(extended);
                }
            }
            out = next;
        }
        return out;
    }

    /** The bill of materials with each correlated code replaced by the chosen HS 2017 subheading (six digits: national digits are of HS 2022). */
    private static BillOfMaterials assume(BillOfMaterials bom, List<Correlated> items, Map<Correlated, String> choice) {
        Good good = bom.good();
        List<Material> materials = new ArrayList<>(bom.materials());
        for (Correlated item : items) {
            HsCode code = new HsCode(choice.get(item));
            if (item.materialIndex() < 0) {
                good = new Good(good.partNumber(), good.description(), code, good.endUse(), good.producerCountry(), good.currency(),
                        good.transactionValue(), good.netCost(), good.costs(), good.whollyObtained(), good.vehicle(), good.weight(),
                        good.importingCountry(), good.importedFrom(), good.declarations(), good.classifiedAsSet());
            } else {
                Material m = materials.get(item.materialIndex());
                materials.set(item.materialIndex(), new Material(m.index(), m.partNumber(), m.description(), code, m.origin(),
                        m.countryOfOrigin(), m.value(), m.quantity(), m.unit(), m.kind(), m.partOfGood(), m.weight(),
                        m.accumulatedNonOriginatingValue(), m.evidence(), m.intermediate(), m.declarations()));
            }
        }
        return new BillOfMaterials(bom.reference(), bom.asOf(), good, materials, bom.automotive());
    }

    private static ProductRule appliedRule(Evaluation answer, RulePack pack) {
        if (answer.productRule() == null || pack.productRules() == null) {
            return null;
        }
        String id = answer.productRule().id();
        return pack.productRules().all().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    private static String read(Correlated item, String counterpart) {
        return item.label() + ": HS 2022 subheading " + HsCode.format(item.submitted().subheading()) + " read as HS 2017 subheading "
                + HsCode.format(counterpart);
    }

    private static String counterpartsOf(Correlated item) {
        return String.join(", ", item.counterparts().stream().map(HsCode::format).toList());
    }

    private static Evaluation holds(Evaluation answer, List<Correlated> items, Map<Correlated, String> shown, boolean tried,
                                    HsCorrelation table, boolean provisional) {
        List<String> parts = new ArrayList<>();
        for (Correlated item : items) {
            parts.add(item.several()
                    ? item.label() + ": HS 2022 subheading " + HsCode.format(item.submitted().subheading()) + " corresponds to HS 2017 subheadings "
                    + counterpartsOf(item) + ", and each was tried"
                    : read(item, item.counterparts().get(0)));
        }
        String message = "The rule text is written in HS 2017 and the submission's codes are read in HS 2022: " + String.join("; ", parts)
                + (tried ? ". Every counterpart gives " + WrappedAnswers.answer(answer) + ", so the answer holds whichever it is; the reasons shown are"
                + " those found with " + String.join(", ", shown.entrySet().stream().map(e -> e.getKey().label() + " in "
                + HsCode.format(e.getValue())).toList()) : "") + ".";
        Outcome outcome = switch (answer.status()) {
            case ORIGINATING -> Outcome.PASS;
            case NOT_ORIGINATING -> Outcome.FAIL;
            default -> Outcome.INFO;
        };
        Reason reason = new Reason(ReasonCode.HS_EDITION_CORRELATED, outcome, message, table.citation(),
                items.stream().map(Correlated::label).toList(), null);
        Evaluation e = with(answer, WrappedAnswers.insertBeforeConclusion(answer.reasons(), reason), answer.missingData(), answer.status(),
                answer.originCriterion());
        return provisional ? e.asProvisional() : e;
    }

    private static Evaluation depends(Evaluation first, List<Correlated> items, List<Map<Correlated, String>> choices,
                                      List<Evaluation> answers, HsCorrelation table, RulePack pack) {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            Evaluation a = answers.get(i);
            outcomes.add(String.join(", ", choices.get(i).entrySet().stream().map(e -> e.getKey().label() + " in "
                    + HsCode.format(e.getValue())).toList()) + ": " + (a.status() == DeterminationStatus.INSUFFICIENT_DATA
                    ? "undetermined without " + String.join(", ", a.missingData().stream().map(MissingData::field).toList())
                    : WrappedAnswers.answer(a)));
        }
        List<MissingData> missing = new ArrayList<>();
        String legalText = first.productRule() == null ? null : first.productRule().citation() + ": " + first.productRule().text();
        for (Correlated item : items) {
            if (item.several()) {
                missing.add(asked(item, legalText));
            }
        }
        // A figure missing under some counterpart is still missing whichever the counterpart is.
        for (Evaluation a : answers) {
            for (MissingData m : a.missingData()) {
                if (missing.stream().noneMatch(x -> x.field().equals(m.field()))) {
                    missing.add(m);
                }
            }
        }
        Reason reason = new Reason(ReasonCode.HS_EDITION_CORRELATED, Outcome.INSUFFICIENT_DATA,
                "The rule text is written in HS 2017 and the submission's codes are read in HS 2022; the answer depends on the HS 2017"
                        + " subheading: " + String.join("; ", outcomes) + ".", table.citation(),
                items.stream().filter(Correlated::several).map(Correlated::label).toList(), null);
        String summary = "Origin cannot be determined without: " + String.join("; ", missing.stream().map(m -> m.field() + " ("
                + m.message() + ")").toList()) + ".";
        Evaluation e = with(first, WrappedAnswers.insertBeforeConclusion(first.reasons(), reason, summary, Outcome.INSUFFICIENT_DATA),
                missing, DeterminationStatus.INSUFFICIENT_DATA,
                null);
        return answers.stream().anyMatch(Evaluation::provisional) ? e.asProvisional() : e;
    }

    private static MissingData asked(Correlated item, String legalText) {
        return new MissingData(item.field(), "HS 2022 subheading " + HsCode.format(item.submitted().subheading())
                + " corresponds to HS 2017 subheadings " + counterpartsOf(item) + " and the rule text is written in HS 2017; the answer"
                + " differs between them: give the HS 2017 subheading the " + (item.materialIndex() < 0 ? "good" : "material")
                + " falls in as its hsCode", item.field(), legalText, item.counterparts().stream().map(HsCode::format).toList());
    }

    private static Evaluation tooMany(Evaluation first, List<Correlated> items, HsCorrelation table) {
        String legalText = first.productRule() == null ? null : first.productRule().citation() + ": " + first.productRule().text();
        List<MissingData> missing = new ArrayList<>();
        items.stream().filter(Correlated::several).forEach(i -> missing.add(asked(i, legalText)));
        Reason reason = new Reason(ReasonCode.HS_EDITION_CORRELATED, Outcome.INSUFFICIENT_DATA,
                "The rule text is written in HS 2017 and the submission's codes are read in HS 2022; trying every combination of the"
                        + " HS 2017 counterparts would take more than " + MAX_COMBINATIONS + " evaluations, so each is asked instead.",
                table.citation(), items.stream().filter(Correlated::several).map(Correlated::label).toList(), null);
        String summary = "Origin cannot be determined without: " + String.join("; ", missing.stream().map(MissingData::field).toList()) + ".";
        return with(first, WrappedAnswers.insertBeforeConclusion(first.reasons(), reason, summary, Outcome.INSUFFICIENT_DATA),
                missing, DeterminationStatus.INSUFFICIENT_DATA, null);
    }

    private static Evaluation inNeither(Evaluation answer, List<Correlated> items, HsCorrelation table) {
        List<MissingData> missing = new ArrayList<>();
        for (Correlated item : items) {
            missing.add(new MissingData(item.field(), HsCode.format(item.submitted().subheading())
                    + " is a subheading of neither HS 2022 nor HS 2017: give the " + (item.materialIndex() < 0 ? "good's" : "material's")
                    + " classification"));
        }
        answer.missingData().stream().filter(m -> missing.stream().noneMatch(x -> x.field().equals(m.field()))).forEach(missing::add);
        Reason reason = new Reason(ReasonCode.HS_EDITION_CORRELATED, Outcome.INSUFFICIENT_DATA,
                "No answer is drawn from a classification the nomenclature does not have: "
                        + String.join("; ", items.stream().map(i -> i.label() + " in " + HsCode.format(i.submitted().subheading())).toList())
                        + " is a subheading of neither HS 2022 nor HS 2017.", table.citation(), items.stream().map(Correlated::label).toList(), null);
        String summary = "Origin cannot be determined without: " + String.join("; ", missing.stream().map(MissingData::field).toList()) + ".";
        return with(answer, WrappedAnswers.insertBeforeConclusion(answer.reasons(), reason, summary, Outcome.INSUFFICIENT_DATA),
                missing, DeterminationStatus.INSUFFICIENT_DATA, null);
    }

    private static Evaluation earlierEdition(Evaluation answer, List<Correlated> items, ProductRule rule, HsCorrelation table) {
        List<MissingData> missing = new ArrayList<>();
        for (Correlated item : items) {
            missing.add(new MissingData(item.field(), "HS 2022 subheading " + HsCode.format(item.submitted().subheading())
                    + " is not a subheading of HS 2017, and rule " + rule.id() + " (" + rule.citation() + ") is written in an earlier"
                    + " edition of the nomenclature, to which the pack has no correlation: a compliance officer must classify the "
                    + (item.materialIndex() < 0 ? "good" : "material") + " in that edition", item.field(), rule.citation() + ": " + rule.text(),
                    List.of()));
        }
        answer.missingData().stream().filter(m -> missing.stream().noneMatch(x -> x.field().equals(m.field()))).forEach(missing::add);
        Reason reason = new Reason(ReasonCode.HS_EDITION_CORRELATED, Outcome.INSUFFICIENT_DATA,
                "The rule text (" + rule.citation() + ") is written in an earlier edition of the nomenclature than HS 2017, and "
                        + String.join("; ", items.stream().map(i -> i.label() + " is classified in HS 2022 subheading "
                        + HsCode.format(i.submitted().subheading())).toList()) + ", which HS 2017 does not have: the pack has no"
                        + " correlation to that edition, so no answer is drawn from it.", table.citation(),
                items.stream().map(Correlated::label).toList(), null);
        String summary = "Origin cannot be determined without: " + String.join("; ", missing.stream().map(MissingData::field).toList()) + ".";
        return with(answer, WrappedAnswers.insertBeforeConclusion(answer.reasons(), reason, summary, Outcome.INSUFFICIENT_DATA),
                missing, DeterminationStatus.INSUFFICIENT_DATA, null);
    }

    private static Evaluation with(Evaluation e, List<Reason> reasons, List<MissingData> missing, DeterminationStatus status,
                                   OriginCriterion criterion) {
        return new Evaluation(e.reference(), e.asOf(), e.rulePack(), status, criterion, e.productRule(), e.regionalValueContent(), reasons,
                missing, e.automotive(), e.provisional());
    }
}
