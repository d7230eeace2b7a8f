package org.origincheck.rulepack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.origincheck.domain.automotive.AutomotiveRules;
import org.origincheck.domain.automotive.AutomotiveTable;
import org.origincheck.domain.automotive.AutomotiveTables;
import org.origincheck.domain.automotive.CorePartsRollUp;
import org.origincheck.domain.automotive.LaborValueContentRequirement;
import org.origincheck.domain.automotive.PartSchedule;
import org.origincheck.domain.automotive.SteelAndAluminumShare;
import org.origincheck.domain.automotive.TableEntry;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.WageFloor;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.dated.Threshold;

/** Reads the automotive files of a pack (requirements and tables), adding every problem with its file. */
final class AutomotiveLoader {

    private final RulePackLoader loader;
    private final PackSource source;
    private final LocalDate packStart;
    private final Map<String, byte[]> files;
    private final RulePackLoader.Problems problems;

    AutomotiveLoader(RulePackLoader loader, PackSource source, LocalDate packStart, Map<String, byte[]> files,
                     RulePackLoader.Problems problems) {
        this.loader = loader;
        this.source = source;
        this.packStart = packStart;
        this.files = files;
        this.problems = problems;
    }

    AutomotiveRules load(PackDocuments.AutomotiveFiles manifest) {
        int before = problems.list.size();
        if (manifest.requirements() == null || manifest.tables() == null) {
            problems.add(RulePackLoader.MANIFEST, 0, "'automotive' needs both 'requirements' and 'tables' files");
            return null;
        }
        AutomotiveTables tables = tables(manifest.tables());
        PackDocuments.RequirementsDoc doc = loader.readWhole(source, manifest.requirements(), PackDocuments.RequirementsDoc.class, files, problems);
        if (doc == null || tables == null) {
            return null;
        }
        String file = manifest.requirements();
        Map<String, PartSchedule> schedules = new LinkedHashMap<>();
        Map<String, PackDocuments.ScheduleDoc> given = doc.partSchedules() == null ? Map.of() : doc.partSchedules();
        for (String id : AutomotiveRules.SCHEDULES) {
            PackDocuments.ScheduleDoc s = given.get(id);
            if (s == null) {
                problems.add(file, 0, "partSchedules." + id + " is missing");
                continue;
            }
            Threshold nc = loader.threshold(s.netCost(), packStart, file, 0, "partSchedules." + id + ".netCost ", problems);
            Threshold tv = loader.threshold(s.transactionValue(), packStart, file, 0, "partSchedules." + id + ".transactionValue ", problems);
            if (nc == null) problems.add(file, 0, "partSchedules." + id + " needs a netCost threshold");
            if (blank(s.citation())) problems.add(file, 0, "partSchedules." + id + " needs a citation");
            schedules.put(id, new PartSchedule(id, s.description(), s.citation(), nc, tv, s.mandatory()));
        }
        for (String id : given.keySet()) {
            if (!AutomotiveRules.SCHEDULES.contains(id)) problems.add(file, 0, "partSchedules." + id + " is not a schedule the engine knows: " + AutomotiveRules.SCHEDULES);
        }
        Map<VehicleClass, LaborValueContentRequirement> lvc = new EnumMap<>(VehicleClass.class);
        for (VehicleClass cls : List.of(VehicleClass.PASSENGER_VEHICLE, VehicleClass.LIGHT_TRUCK, VehicleClass.HEAVY_TRUCK)) {
            PackDocuments.LvcDoc l = doc.laborValueContent() == null ? null : doc.laborValueContent().get(cls);
            if (l == null) {
                problems.add(file, 0, "laborValueContent." + cls + " is missing");
                continue;
            }
            Threshold total = loader.threshold(l.total(), packStart, file, 0, "laborValueContent." + cls + ".total ", problems);
            Threshold floor = loader.threshold(l.highWageMinimum(), packStart, file, 0, "laborValueContent." + cls + ".highWageMinimum ", problems);
            if (total == null || floor == null) problems.add(file, 0, "laborValueContent." + cls + " needs total and highWageMinimum");
            if (blank(l.citation())) problems.add(file, 0, "laborValueContent." + cls + " needs a citation");
            lvc.put(cls, new LaborValueContentRequirement(cls, total, floor, l.citation()));
        }
        PackDocuments.CreditsDoc c = doc.credits();
        if (c == null || c.technologyMaximum() == null || c.assemblyCredit() == null || c.passengerVehicleOrLightTruckParts() == null
                || c.heavyTruckParts() == null) {
            problems.add(file, 0, "credits needs technologyMaximum, assemblyCredit and the plant capacities");
        }
        List<WageFloor> floors = new ArrayList<>();
        for (PackDocuments.WageFloorDoc w : doc.wageFloors() == null ? List.<PackDocuments.WageFloorDoc>of() : doc.wageFloors()) {
            if (blank(w.country()) || blank(w.currency()) || w.amount() == null || blank(w.citation())) {
                problems.add(file, 0, "every wage floor needs country, currency, amount and citation");
            } else {
                floors.add(new WageFloor(w.country(), w.currency(), w.amount(), w.citation()));
            }
        }
        if (floors.size() != 3) problems.add(file, 0, "wageFloors must give the US, Canadian and Mexican floors (s.12)");
        PackDocuments.SteelDoc steel = doc.steelAndAluminum();
        if (steel == null || steel.share() == null || steel.meltedAndPouredFrom() == null || blank(steel.citation())) {
            problems.add(file, 0, "steelAndAluminum needs share, meltedAndPouredFrom and citation");
        }
        PackDocuments.StagingDoc staging = doc.stagingRegime();
        if (staging == null || staging.from() == null || staging.to() == null || staging.laborValueContent() == null
                || staging.highWageMinimum() == null || blank(staging.citation())) {
            problems.add(file, 0, "stagingRegime needs from, to, laborValueContent, highWageMinimum and citation");
        }
        Map<String, org.origincheck.domain.automotive.AutomotiveFacts.CorePartCategory> corePartSubheadings = new java.util.HashMap<>();
        PackDocuments.CorePartSubheadingsDoc cps = doc.corePartSubheadings();
        if (cps == null || blank(cps.citation()) || cps.parts() == null || cps.parts().isEmpty()) {
            problems.add(file, 0, "corePartSubheadings needs a citation and the subheadings of each core part of Table A.2");
        } else {
            cps.parts().forEach((category, subheadings) -> {
                for (String sub : subheadings == null ? List.<String>of() : subheadings) {
                    if (sub == null || !sub.matches("\\d{4}\\.\\d{2}")) {
                        problems.add(file, 0, "corePartSubheadings." + category + ": '" + sub + "' is not a subheading such as 8407.33");
                    } else if (corePartSubheadings.put(sub.replace(".", ""), category) != null) {
                        problems.add(file, 0, "corePartSubheadings: " + sub + " is given for two core parts");
                    }
                }
            });
        }
        PackDocuments.OptionsDoc options = doc.options();
        if (options == null || options.corePartsRollUp() == null || options.steelAndAluminumShare() == null
                || options.partsRuleForListedParts() == null) {
            problems.add(file, 0, "options must state corePartsRollUp, steelAndAluminumShare and partsRuleForListedParts: the law is read in more than one way, so the pack says which reading it takes");
        }
        if (problems.list.size() > before) {
            return null;
        }
        return new AutomotiveRules(tables, schedules, lvc,
                new AutomotiveRules.Credits(c.technologyMaximum(), c.assemblyCredit(), capacity(c.passengerVehicleOrLightTruckParts()),
                        capacity(c.heavyTruckParts()), c.minimumContractYears(), c.technologyCitation(), c.assemblyCitation()),
                floors, new AutomotiveRules.SteelAndAluminum(steel.share(), steel.meltedAndPouredFrom(),
                        steel.rawMaterialHeadings() == null ? List.of() : steel.rawMaterialHeadings(), steel.citation()),
                new AutomotiveRules.StagingRegime(staging.from(), staging.to(), staging.laborValueContent(), staging.highWageMinimum(), staging.citation()),
                options.corePartsRollUp(), options.steelAndAluminumShare(), options.partsRuleForListedParts(), corePartSubheadings);
    }

    private static AutomotiveRules.Capacity capacity(PackDocuments.CapacityDoc doc) {
        return new AutomotiveRules.Capacity(doc.engines(), doc.transmissions(), doc.advancedBatteryPacks());
    }

    private AutomotiveTables tables(String file) {
        PackDocuments.TablesDoc doc = loader.readWhole(source, file, PackDocuments.TablesDoc.class, files, problems);
        if (doc == null || doc.tables() == null) {
            return null;
        }
        List<TableEntry> entries = new ArrayList<>();
        for (PackDocuments.TableDoc table : doc.tables()) {
            Optional<AutomotiveTable> id = AutomotiveTable.byId(table.table());
            if (id.isEmpty()) {
                problems.add(file, 0, "table '" + table.table() + "' is not one of A.1, A.2, B, C, D, E, F, G, S");
                continue;
            }
            for (PackDocuments.EntryDoc entry : table.entries() == null ? List.<PackDocuments.EntryDoc>of() : table.entries()) {
                try {
                    String group = id.get() == AutomotiveTable.A_2 ? entry.part() : id.get() == AutomotiveTable.S ? entry.metal() : null;
                    if ((id.get() == AutomotiveTable.A_2 || id.get() == AutomotiveTable.S) && blank(group)) {
                        problems.add(file, 0, "Table " + table.table() + " line " + entry.hs() + " needs its " + (id.get() == AutomotiveTable.S ? "metal" : "part"));
                    }
                    if (id.get() == AutomotiveTable.S && group != null) {
                        group = group.equals("ALUMINUM") ? "Aluminum" : "Steel";
                    }
                    entries.add(new TableEntry(id.get(), HsRange.parse(entry.hs()), entry.ex(), entry.description(), group));
                } catch (IllegalArgumentException e) {
                    problems.add(file, 0, "Table " + table.table() + ": " + e.getMessage());
                }
            }
        }
        return new AutomotiveTables(entries);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

}
