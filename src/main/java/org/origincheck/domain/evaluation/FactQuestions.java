package org.origincheck.domain.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.automotive.AutomotiveFacts;
import org.origincheck.domain.automotive.VehicleBodyType;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.VehicleFacts;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;

/**
 * The facts a submission may leave out that can take only a few values (an end use, yes or no, a country group), as
 * opposed to figures such as a cost or a weight. For each: the stable question id, the values it can take, the words of
 * the law it decides when the place that asks has nothing more precise, and how to assume one value in a bill of
 * materials, so that {@link DecidingOverUnknownFacts} can try every value instead of asking.
 */
public final class FactQuestions {

    /** Stands for any country other than the three CUSMA countries (any other ISO 3166-1 alpha-2 code answers the same). */
    public static final String OTHER_COUNTRY = "OTHER";
    public static final List<String> CUSMA_COUNTRIES = List.of("US", "CA", "MX");

    private static final List<String> YES_NO = List.of("true", "false");
    private static final Pattern MATERIAL_FIELD = Pattern.compile("materials\\[(\\d+)]\\.(partOfGood|declarations\\.(.+))");
    private static final String GOOD_DECLARATION = "good.declarations.";

    /** What is asked: a stable id, the answers it can take, and the law's words it decides. */
    public record Question(String question, List<String> values, String legalText) {
    }

    private static final Map<String, Question> GOOD_FACTS = new HashMap<>();

    static {
        GOOD_FACTS.put("good.endUse", new Question("good.endUse", Arrays.stream(EndUse.values()).map(Enum::name).toList(),
                "SOR/2020-155 s.12: \"aftermarket part means a good that is not for use as original equipment in the production of "
                        + "passenger vehicles, light trucks or heavy trucks\""));
        GOOD_FACTS.put("good.importingCountry", new Question("good.importingCountry", CUSMA_COUNTRIES,
                "the CUSMA country into whose territory the good is imported"));
        List<String> countries = new ArrayList<>(CUSMA_COUNTRIES);
        countries.add(OTHER_COUNTRY);
        GOOD_FACTS.put("good.importedFrom", new Question("good.importedFrom", List.copyOf(countries),
                "SOR/2020-155 s.3(7): \"A good is originating in the territory of a CUSMA country if the good is referred to in "
                        + "Schedule 2 and is imported from the territory of a CUSMA country.\""));
        GOOD_FACTS.put("good.vehicle.offRoad", new Question("good.vehicle.offRoad", YES_NO,
                "SOR/2020-155 s.12: a passenger vehicle, light truck or heavy truck excludes \"a vehicle that is solely or principally for off-road use\""));
        GOOD_FACTS.put("good.vehicle.compressionIgnition", new Question("good.vehicle.compressionIgnition", YES_NO,
                "SOR/2020-155 s.12 \"passenger vehicle\" (a): \"a vehicle with a compression-ignition engine of subheadings 8703.31 through "
                        + "8703.33 or a vehicle of subheading 8703.90 with both a compression-ignition engine and an electric motor for propulsion\""));
        GOOD_FACTS.put("good.vehicle.bodyType", new Question("good.vehicle.bodyType", Arrays.stream(VehicleBodyType.values()).map(Enum::name).toList(),
                "SOR/2020-155 s.12 \"passenger vehicle\": except for \"(b) a three- or four-wheeled motorcycle; ... (d) a motorhome or "
                        + "entertainer coach; and (e) an ambulance, hearse or prison van\""));
        GOOD_FACTS.put("automotive.forVehicleClass", new Question("automotive.forVehicleClass",
                List.of(VehicleClass.OTHER_VEHICLE_SECTION_20_2.name(), VehicleClass.OTHER_VEHICLE_SECTION_20_3.name()),
                "SOR/2020-155 s.20(2)(h): \"a good of heading 84.07 or 84.08 or subheading 8708.40, that is for use in a motor vehicle "
                        + "referred to in paragraphs (a) to (g)\"; s.20(3)(b): \"... that is for use in a motor vehicle in paragraph (a)\""));
    }

    private FactQuestions() {
    }

    /** The question behind a missing field, when the fact has a few values; empty for a figure or a fact not enumerable. */
    public static Optional<Question> of(String field) {
        if (field == null) {
            return Optional.empty();
        }
        Question known = GOOD_FACTS.get(field);
        if (known != null) {
            return Optional.of(known);
        }
        if (field.startsWith(GOOD_DECLARATION) && field.length() > GOOD_DECLARATION.length()) {
            return Optional.of(new Question(field.substring(GOOD_DECLARATION.length()), YES_NO, null));
        }
        Matcher m = MATERIAL_FIELD.matcher(field);
        if (m.matches()) {
            if (m.group(3) != null) {
                return Optional.of(new Question(m.group(3), YES_NO, null));
            }
            return Optional.of(new Question(field, YES_NO, "SOR/2020-155 s.3(4)(a): the non-originating materials \"cannot satisfy the change in "
                    + "tariff classification requirements set out in Schedule 1 because both the good and its materials are classified in the same "
                    + "subheading or same heading that is not further subdivided into subheadings\"; s.3(5)(a): \"whether a heading or subheading "
                    + "provides for a good and its parts\""));
        }
        return Optional.empty();
    }

    /** The bill of materials with {@code value} assumed for {@code field}; empty when the field cannot be set this way. */
    public static Optional<BillOfMaterials> assume(BillOfMaterials bom, String field, String value) {
        Good g = bom.good();
        switch (field) {
            case "good.endUse" -> {
                return Optional.of(withGood(bom, g.withEndUse(EndUse.valueOf(value))));
            }
            case "good.importingCountry" -> {
                return Optional.of(withGood(bom, g.withImportingCountry(value)));
            }
            case "good.importedFrom" -> {
                return Optional.of(withGood(bom, g.withImportedFrom(value)));
            }
            case "good.vehicle.offRoad", "good.vehicle.compressionIgnition", "good.vehicle.bodyType" -> {
                VehicleFacts v = g.vehicle() == null ? new VehicleFacts(null, null, null, null) : g.vehicle();
                VehicleFacts assumed = switch (field) {
                    case "good.vehicle.offRoad" -> new VehicleFacts(Boolean.valueOf(value), v.compressionIgnition(), v.bodyType(), v.passengerCapacity());
                    case "good.vehicle.compressionIgnition" -> new VehicleFacts(v.offRoad(), Boolean.valueOf(value), v.bodyType(), v.passengerCapacity());
                    default -> new VehicleFacts(v.offRoad(), v.compressionIgnition(), VehicleBodyType.valueOf(value), v.passengerCapacity());
                };
                return Optional.of(withGood(bom, g.withVehicle(assumed)));
            }
            case "automotive.forVehicleClass" -> {
                AutomotiveFacts a = bom.automotive();
                AutomotiveFacts assumed = a == null
                        ? new AutomotiveFacts(null, VehicleClass.valueOf(value), null, null, null, null, null, null)
                        : new AutomotiveFacts(a.declaredTables(), VehicleClass.valueOf(value), a.coreParts(), a.steelAndAluminum(),
                        a.laborValueContent(), a.stagingRegime(), a.corePartsRollUp(), a.steelAndAluminumShare());
                return Optional.of(new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), bom.materials(), assumed));
            }
            default -> {
                // handled below
            }
        }
        if (field.startsWith(GOOD_DECLARATION)) {
            Map<String, Boolean> declarations = new HashMap<>(g.declarations());
            declarations.put(field.substring(GOOD_DECLARATION.length()), Boolean.valueOf(value));
            return Optional.of(withGood(bom, g.withDeclarations(declarations)));
        }
        Matcher m = MATERIAL_FIELD.matcher(field);
        if (!m.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(m.group(1));
        List<Material> materials = new ArrayList<>(bom.materials());
        boolean found = false;
        for (int i = 0; i < materials.size(); i++) {
            Material x = materials.get(i);
            if (x.index() != index) {
                continue;
            }
            Boolean partOfGood = x.partOfGood();
            Map<String, Boolean> declarations = x.declarations();
            if (m.group(3) == null) {
                partOfGood = Boolean.valueOf(value);
            } else {
                declarations = new HashMap<>(declarations);
                declarations.put(m.group(3), Boolean.valueOf(value));
            }
            materials.set(i, new Material(x.index(), x.partNumber(), x.description(), x.hsCode(), x.origin(), x.countryOfOrigin(), x.value(),
                    x.quantity(), x.unit(), x.kind(), partOfGood, x.weight(), x.accumulatedNonOriginatingValue(), x.evidence(), x.intermediate(),
                    declarations));
            found = true;
        }
        return found ? Optional.of(new BillOfMaterials(bom.reference(), bom.asOf(), bom.good(), materials, bom.automotive()))
                : Optional.empty();
    }

    private static BillOfMaterials withGood(BillOfMaterials bom, Good good) {
        return new BillOfMaterials(bom.reference(), bom.asOf(), good, bom.materials(), bom.automotive());
    }
}
