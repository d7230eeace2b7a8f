package org.origincheck.determination.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.origincheck.api.ApiException;
import org.origincheck.api.DateBounds;
import org.origincheck.api.Identifiers;
import org.origincheck.api.Problem;
import org.origincheck.api.ProblemMappers;
import org.origincheck.config.LimitsConfig;
import org.origincheck.determination.StoredDeterminations;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Costs;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.hs.HsCode;

/**
 * The one place where a submission (the REST records, from JSON or CSV) becomes the domain's bill of materials:
 * strict parsing, Bean Validation and the cross-field checks, each error with its field path; the materials, at every
 * level and with the evidence they point to, by {@link MaterialTreeMapper}. Used by the
 * determination and evaluation endpoints and by re-determination, so all three read a submission alike.
 */
@ApplicationScoped
public class SubmissionMapper {

    private final Validator validator;
    private final ObjectReader submissionReader;
    private final LimitsConfig limits;
    private final StoredDeterminations storedDeterminations;
    private final MaterialTreeMapper tree;
    private final Clock clock = Clock.systemUTC();

    public SubmissionMapper(Validator validator, ObjectMapper mapper, LimitsConfig limits, StoredDeterminations storedDeterminations,
                            MaterialTreeMapper tree) {
        this.validator = validator;
        this.tree = tree;
        this.limits = limits;
        this.storedDeterminations = storedDeterminations;
        // Strict: a misspelt field ("netcost") or a duplicated key must not be silently ignored.
        this.submissionReader = mapper.readerFor(BomSubmission.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    public BomSubmission parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("$", "the request body is empty: send a BOM submission as JSON");
        }
        try {
            return submissionReader.readValue(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ProblemMappers.jsonProblem(e));
        }
    }

    public BillOfMaterials toBom(BomSubmission submission, String tenant) {
        Set<ConstraintViolation<BomSubmission>> violations = validator.validate(submission);
        List<Problem.FieldError> errors = new ArrayList<>(ProblemMappers.fieldErrors(violations));
        List<MaterialInput> inputs = submission.materials() == null ? List.of() : submission.materials();
        if (inputs.size() > limits.maxMaterials()) {
            errors.add(new Problem.FieldError("materials", "at most " + limits.maxMaterials()
                    + " materials per submission; got " + inputs.size() + " (roll sub-assemblies up into originating materials)"));
        }
        GoodInput g = submission.good();
        // The cross-field checks run only on figures that passed their own bounds: an absurd number (1e200000000)
        // must not be subtracted or printed. Their messages never echo a figure (costs are confidential).
        boolean goodFiguresValid = errors.stream().noneMatch(e -> e.field().startsWith("good."));
        if (g != null && goodFiguresValid) {
            CostsInput costs = g.costs();
            if (costs != null && costs.totalCost() != null && costs.excludedCosts() != null
                    && costs.excludedCosts().compareTo(costs.totalCost()) >= 0) {
                errors.add(new Problem.FieldError("good.costs.excludedCosts", "must be less than totalCost: net cost = totalCost - excludedCosts must be positive"));
            }
            if (g.netCost() != null && costs != null && costs.totalCost() != null) {
                BigDecimal derived = costs.totalCost().subtract(costs.excludedCosts() == null ? BigDecimal.ZERO : costs.excludedCosts());
                if (derived.compareTo(g.netCost()) != 0) {
                    errors.add(new Problem.FieldError("good.netCost", "does not equal totalCost - excludedCosts; send one or make them agree"));
                }
            }
        }
        if (g != null) {
            Identifiers.check("good.partNumber", g.partNumber(), errors);
        }
        Identifiers.check("reference", submission.reference(), errors);
        AutomotiveFacts automotive = toAutomotive(submission.automotive(), tenant, errors);
        if (!DateBounds.withinAsOfRange(submission.asOf())) {
            errors.add(new Problem.FieldError("asOf", DateBounds.OUTSIDE_AS_OF_RANGE));
        } else {
            tree.checkTree(inputs, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        LocalDate asOf = submission.asOf() != null ? submission.asOf() : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Costs costs = g.costs() == null ? null : new Costs(g.costs().totalCost(), g.costs().excludedCosts());
        VehicleFacts vehicle = g.vehicle() == null ? null : new VehicleFacts(g.vehicle().offRoad(), g.vehicle().compressionIgnition(),
                g.vehicle().bodyType(), g.vehicle().passengerCapacity());
        Good good = new Good(g.partNumber(), g.description(), HsCode.parse(g.hsCode()), g.endUse(), g.producerCountry(),
                g.currency(), g.transactionValue(), g.netCost(), costs, g.whollyObtained(), vehicle, g.weight(),
                g.importingCountry(), g.importedFrom(), g.declarations(), Boolean.TRUE.equals(g.classifiedAsSet()));
        // Evidence is resolved and the component tree mapped here; intermediate materials are evaluated by the service.
        List<Material> materials = tree.level(inputs, "materials", good.currency(), asOf, tenant, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new BillOfMaterials(submission.reference(), asOf, good, materials, automotive);
    }

    /**
     * The automotive facts, with the checks Bean Validation cannot make: periods that end before they begin, a
     * plant named twice, wage data given neither way, a stored determination that does not exist. Errors are
     * added with their field path; nothing here echoes a wage or cost figure.
     */
    private AutomotiveFacts toAutomotive(AutomotiveInput input, String tenant, List<Problem.FieldError> errors) {
        if (input == null) {
            return null;
        }
        List<AutomotiveTable> declared = input.declaredTables() == null ? null
                : input.declaredTables().stream().filter(java.util.Objects::nonNull).map(t -> AutomotiveTable.byId(t).orElse(null))
                .filter(java.util.Objects::nonNull).toList();
        AutomotiveFacts.CoreParts coreParts = null;
        if (input.coreParts() != null) {
            List<AutomotiveFacts.CorePart> parts = new ArrayList<>();
            List<AutomotiveInput.CorePartInput> given = input.coreParts().parts() == null ? List.of() : input.coreParts().parts();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.CorePartInput p = given.get(i);
                if (p == null) continue;
                Identifiers.check("automotive.coreParts.parts[" + i + "].partNumber", p.partNumber(), errors);
                AutomotiveFacts.StoredDetermination stored = null;
                if (p.determinationId() != null) {
                    stored = storedDeterminations.forCorePart(p.determinationId(), tenant).orElse(null);
                    if (stored == null) {
                        errors.add(new Problem.FieldError("automotive.coreParts.parts[" + i + "].determinationId",
                                "no determination " + p.determinationId() + " is stored here"));
                    }
                }
                parts.add(new AutomotiveFacts.CorePart(i, p.category(), p.partNumber(), p.netCost(), p.valueOfNonOriginatingMaterials(),
                        p.valueOfNonOriginatingComponents(), stored));
            }
            coreParts = new AutomotiveFacts.CoreParts(input.coreParts().vnmMethod(), Boolean.TRUE.equals(input.coreParts().superCore()), parts,
                    input.coreParts().notCoreParts());
        }
        AutomotiveFacts.SteelAndAluminumPurchases steel = null;
        if (input.steelAndAluminum() != null) {
            AutomotiveInput.SteelAndAluminumInput s = input.steelAndAluminum();
            if (s.periodFrom() != null && s.periodTo() != null && s.periodTo().isBefore(s.periodFrom())) {
                errors.add(new Problem.FieldError("automotive.steelAndAluminum.periodTo", "ends before periodFrom"));
            }
            List<AutomotiveFacts.Purchase> purchases = new ArrayList<>();
            List<AutomotiveInput.PurchaseInput> given = s.purchases() == null ? List.of() : s.purchases();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.PurchaseInput p = given.get(i);
                if (p == null || p.hsCode() == null || p.value() == null || p.originating() == null
                        || !RequestFormats.isHsCode(p.hsCode())) continue;
                purchases.add(new AutomotiveFacts.Purchase(i, p.description(), HsCode.parse(p.hsCode()), p.metal(), p.value(), p.originating(),
                        p.meltedAndPouredInRegion(), p.metalValue()));
            }
            steel = new AutomotiveFacts.SteelAndAluminumPurchases(s.periodFrom(), s.periodTo(), purchases);
        }
        AutomotiveFacts.LaborValueContent lvc = null;
        if (input.laborValueContent() != null) {
            AutomotiveInput.LaborValueContentInput l = input.laborValueContent();
            List<AutomotiveFacts.Plant> plants = new ArrayList<>();
            Set<String> ids = new java.util.HashSet<>();
            List<AutomotiveInput.PlantInput> given = l.plants() == null ? List.of() : l.plants();
            for (int i = 0; i < given.size(); i++) {
                AutomotiveInput.PlantInput p = given.get(i);
                if (p == null) continue;
                String field = "automotive.laborValueContent.plants[" + i + "]";
                if (p.id() != null && !ids.add(p.id())) {
                    errors.add(new Problem.FieldError(field + ".id", "plant '" + p.id() + "' is listed twice"));
                }
                if (p.averageBaseHourlyWage() == null && (p.baseWages() == null || p.directProductionHours() == null)) {
                    errors.add(new Problem.FieldError(field, "give averageBaseHourlyWage, or baseWages and directProductionHours (s.12 \"average base hourly wage rate\")"));
                }
                if (p.averageBaseHourlyWage() != null && (p.baseWages() != null || p.directProductionHours() != null)) {
                    errors.add(new Problem.FieldError(field, "give averageBaseHourlyWage or baseWages and directProductionHours, not both"));
                }
                plants.add(new AutomotiveFacts.Plant(i, p.id(), p.country(), p.currency(), p.averageBaseHourlyWage(), p.baseWages(), p.directProductionHours()));
            }
            if (l.assemblyPlant() != null && l.assemblyPlant().plantId() != null && !ids.contains(l.assemblyPlant().plantId())) {
                errors.add(new Problem.FieldError("automotive.laborValueContent.assemblyPlant.plantId",
                        "plant '" + l.assemblyPlant().plantId() + "' is not among laborValueContent.plants: list it with its wage data"));
            }
            AutomotiveFacts.AssemblyPlant assembly = l.assemblyPlant() == null ? null : new AutomotiveFacts.AssemblyPlant(l.assemblyPlant().plantId(),
                    Boolean.TRUE.equals(l.assemblyPlant().operatedByProducer()), l.assemblyPlant().contractYears(),
                    orZero(l.assemblyPlant().engineCapacity()), orZero(l.assemblyPlant().transmissionCapacity()), orZero(l.assemblyPlant().advancedBatteryPackCapacity()));
            AutomotiveFacts.TechnologyExpenditures technology = l.technology() == null ? null
                    : new AutomotiveFacts.TechnologyExpenditures(l.technology().researchAndInformationTechnologyWages(), l.technology().directProductionWages());
            lvc = new AutomotiveFacts.LaborValueContent(l.basis(), plants, amounts(l.highWageMaterials()), amounts(l.highWageLabourCosts()),
                    l.highWageTransport(), l.netCost(), l.totalAnnualPurchaseValue(), Boolean.TRUE.equals(l.includeLabourCostsInPurchaseValue()),
                    technology, assembly);
        }
        AutomotiveFacts.StagingRegime staging = input.alternativeStagingRegime() == null || input.alternativeStagingRegime().approved() == null ? null
                : new AutomotiveFacts.StagingRegime(input.alternativeStagingRegime().approved(), input.alternativeStagingRegime().approvedUntil(),
                Boolean.TRUE.equals(input.alternativeStagingRegime().steelAndAluminumExempt()));
        return new AutomotiveFacts(declared, input.forVehicleClass(), coreParts, steel, lvc, staging, input.corePartsRollUp(),
                input.steelAndAluminumShare());
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static List<AutomotiveFacts.PlantAmount> amounts(List<AutomotiveInput.PlantAmountInput> inputs) {
        List<AutomotiveFacts.PlantAmount> out = new ArrayList<>();
        if (inputs == null) return out;
        for (int i = 0; i < inputs.size(); i++) {
            AutomotiveInput.PlantAmountInput a = inputs.get(i);
            if (a != null && a.amount() != null) {
                out.add(new AutomotiveFacts.PlantAmount(i, a.plantId(), a.amount()));
            }
        }
        return out;
    }
}
