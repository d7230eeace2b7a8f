package org.origincheck.rulepack.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.origincheck.domain.automotive.EndUse;
import org.origincheck.domain.hs.HsRange;

/**
 * Reads the end-use preamble of a GN 11(o) rule for a part of heading 87.08: "For a good of subheading 8708.50 for use in a
 * heavy truck: (A) ..." and "For any other good of subheading 8708.50: (A) ...". The rule's own text is what follows the
 * colon; the preamble says which end uses it is for, and the loader checks that against the rule's {@code endUses} (the
 * pack's selection by {@code good.endUse}), so a text is never applied to an end use it does not name. Called by
 * {@link PsrTextParser#parse} before the rule is read (the hook is at the top of {@code parse}).
 *
 * <p>"for use in a heavy truck" is read as the pack's {@code HEAVY_TRUCK_OE}, "a passenger vehicle or light truck" as
 * {@code PASSENGER_VEHICLE_OE} and {@code LIGHT_TRUCK_OE}: the end uses the pack already gives these rules (rules/usmca/README.md,
 * "End-use preambles"). "For any other good of subheading ...:" is the rule for every end use no other rule of the provision
 * names. "For any other good of subheading 8708.29 for use in ..." is refused: its "any other good" is a good another rule
 * describes in words (a body stamping), which an end use cannot say.
 */
final class EndUsePreambles {

    private static final Pattern PREAMBLE = Pattern.compile(
            "For (a|any other) good of ((?:chapter|heading|subheading|tariff item)s? [0-9.]+(?: through [0-9.]+)?)(?: for use in (a [a-z ,]+?))?: ");

    private static final Map<String, Set<EndUse>> VEHICLES = Map.of(
            "a heavy truck", EnumSet.of(EndUse.HEAVY_TRUCK_OE),
            "a passenger vehicle or light truck", EnumSet.of(EndUse.PASSENGER_VEHICLE_OE, EndUse.LIGHT_TRUCK_OE),
            "a passenger vehicle, light truck or heavy truck",
            EnumSet.of(EndUse.PASSENGER_VEHICLE_OE, EndUse.LIGHT_TRUCK_OE, EndUse.HEAVY_TRUCK_OE));

    /** The preamble: the provisions it names, the end uses ({@code anyOther}: the end uses no other rule names), its words. */
    record Preamble(List<HsRange> provisions, Set<EndUse> endUses, boolean anyOther, String words) {
        Preamble {
            provisions = List.copyOf(provisions);
            endUses = endUses.isEmpty() ? Set.of() : Set.copyOf(endUses);
        }
    }

    private EndUsePreambles() {
    }

    static PreambleReading<Preamble> read(String text) {
        Matcher m = PREAMBLE.matcher(text);
        if (!m.lookingAt()) {
            return new PreambleReading.NoPreamble<>();
        }
        Optional<List<HsRange>> provisions = PsrTextParser.provisionsOf(m.group(2));
        if (provisions.isEmpty()) {
            return new PreambleReading.Refused<>("the preamble's provisions are not HS provisions");
        }
        boolean anyOther = m.group(1).equals("any other");
        Set<EndUse> uses = EnumSet.noneOf(EndUse.class);
        if (m.group(3) != null) {
            Set<EndUse> named = VEHICLES.get(m.group(3));
            if (named == null) {
                return new PreambleReading.Refused<>("the vehicles '" + m.group(3) + "' are not a recognised end use");
            }
            if (anyOther) {
                return new PreambleReading.Refused<>("'any other good ... for use in' refers to goods another rule describes in words");
            }
            uses.addAll(named);
        } else if (!anyOther) {
            return new PreambleReading.NoPreamble<>();
        }
        String words = m.group().substring(0, m.group().length() - 2);
        return new PreambleReading.Read<>(new Preamble(provisions.get(), uses, anyOther, words), text.substring(m.end()));
    }
}
