package org.origincheck.domain.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.origincheck.domain.automotive.VehicleClass;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;

/**
 * A product-specific rule of Annex 4-B, kept with its verbatim legal text and where it came from.
 * {@code endUses} empty means the rule applies whatever the end use. {@code notes} explains where another
 * provision changes how the text applies (e.g. SOR/2020-155 s.15(4)); {@code partsRuleUnavailable}, when
 * set, is why Art. 4.2(d) may not be used for the good, with its citation.
 */
public record ProductRule(String id, List<HsRange> scope, Set<EndUse> endUses, Set<VehicleClass> vehicleClasses, LocalDate effectiveFrom,
                          LocalDate effectiveTo, String text, String citation, String source, String verification,
                          List<RuleAlternative> alternatives, String notes, String partsRuleUnavailable,
                          ParseStatus parseStatus, String parseNote, String file, int line) {

    public ProductRule {
        scope = List.copyOf(scope);
        endUses = endUses == null ? Set.of() : Set.copyOf(endUses);
        vehicleClasses = vehicleClasses == null ? Set.of() : Set.copyOf(vehicleClasses);
        alternatives = List.copyOf(alternatives);
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("rule " + id + " covers no HS provision");
        }
        HsLevel level = scope.get(0).level();
        if (scope.stream().anyMatch(r -> r.level() != level)) {
            throw new IllegalArgumentException("rule " + id + " mixes levels in its scope");
        }
        if (alternatives.isEmpty() && parseStatus != ParseStatus.MANUAL_REVIEW) {
            throw new IllegalArgumentException("rule " + id + " has no alternative");
        }
    }

    /** Whether the rule has a structured form the engine can apply (not awaiting manual review). */
    public boolean isApplicable() {
        return parseStatus != ParseStatus.MANUAL_REVIEW;
    }

    /** Applied from a text not verified against the official text: determinations under it are provisional (see {@link ParseStatus#PROVISIONAL}). */
    public boolean isProvisional() {
        return parseStatus == ParseStatus.PROVISIONAL;
    }

    public HsLevel level() {
        return scope.get(0).level();
    }

    public boolean inForceOn(LocalDate date) {
        return (effectiveFrom == null || !date.isBefore(effectiveFrom)) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean appliesTo(EndUse endUse) {
        return endUses.isEmpty() || (endUse != null && endUses.contains(endUse));
    }

    public boolean appliesTo(VehicleClass vehicleClass) {
        return vehicleClasses.isEmpty() || (vehicleClass != null && vehicleClasses.contains(vehicleClass));
    }

    /** The same rule with other alternatives (the automotive thresholds that replace the rule's own), a note and citation. */
    public ProductRule withAlternatives(List<RuleAlternative> replaced, String addedCitation, String partsRuleBar) {
        return new ProductRule(id, scope, endUses, vehicleClasses, effectiveFrom, effectiveTo, text,
                addedCitation == null ? citation : citation + "; " + addedCitation, source, verification, replaced, notes,
                partsRuleBar == null ? partsRuleUnavailable : partsRuleBar, parseStatus, parseNote, file, line);
    }

    public String hsScope() {
        return String.join(", ", scope.stream().map(HsRange::toString).toList());
    }

    public String location() {
        return file + ":" + line;
    }
}
