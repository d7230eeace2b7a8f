package org.origincheck.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;

/**
 * "except from more than one of the following" (GN 11(o), e.g. 8458.11) against its plain reading on random bills of
 * materials: with precise classifications, a material fails exactly when it is in a listed group and the materials come
 * from two or more groups; with a coarse classification, an answer given is the answer for every classification the coarse
 * code could stand for.
 */
class MoreThanOneOfProperties {

    private static final HsCode GOOD = HsCode.parse("8458.11");
    private static final TariffShift SHIFT = new TariffShift(List.of(new ShiftSource.AnyOther(HsLevel.HEADING)), List.of(), List.of(),
            new MoreThanOneOf(List.of(
                    new MoreThanOneOf.Group("A", List.of(HsRange.parse("8413.50-8413.60"))),
                    new MoreThanOneOf.Group("B", List.of(HsRange.parse("8466.93.15"), HsRange.parse("8466.93.30"), HsRange.parse("8466.93.53"))),
                    new MoreThanOneOf.Group("C", List.of(HsRange.parse("8501.32"), HsRange.parse("8501.52"))),
                    new MoreThanOneOf.Group("D", List.of(HsRange.parse("8537.10"))))));

    /** Precise codes: in group A, B, C or D, or in none (and of another heading than the good). */
    private static final List<String> PRECISE = List.of("8413.50.00", "8413.60.10", "8466.93.15", "8466.93.53", "8466.93.98",
            "8501.32.20", "8501.52.40", "8537.10.90", "8537.20.00", "7325.99.10", "8483.40.50", "8413.70.20");
    private static final Map<String, String> GROUP = Map.of("8413.50.00", "A", "8413.60.10", "A", "8466.93.15", "B",
            "8466.93.53", "B", "8501.32.20", "C", "8501.52.40", "C", "8537.10.90", "D");
    /** Coarse codes (6 digits, the least a submission may give) and precise codes they may stand for. */
    private static final Map<String, List<String>> COARSE = Map.of("8466.93", List.of("8466.93.15", "8466.93.53", "8466.93.98"),
            "8413.60", List.of("8413.60.10", "8413.60.90"), "8537.10", List.of("8537.10.30", "8537.10.90"));

    @Provide
    Arbitrary<List<String>> preciseBoms() {
        return Arbitraries.of(PRECISE).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 500)
    void aMaterialFailsExactlyWhenItIsInAGroupAndTwoGroupsArePresent(@ForAll("preciseBoms") List<String> bom) {
        List<HsCode> codes = bom.stream().map(HsCode::parse).toList();
        MoreThanOneOf.Presence presence = SHIFT.exceptMoreThanOne().presence(codes);
        Set<String> groups = new HashSet<>();
        bom.stream().filter(GROUP::containsKey).forEach(c -> groups.add(GROUP.get(c)));
        for (String code : bom) {
            ShiftOutcome outcome = SHIFT.test(GOOD, HsCode.parse(code), Map.of(), presence);
            ShiftOutcome plain = GROUP.containsKey(code) && groups.size() >= 2 ? ShiftOutcome.EXCEPTED : ShiftOutcome.ALLOWED;
            assertThat(outcome).as("%s in %s", code, bom).isEqualTo(plain);
        }
    }

    @Provide
    Arbitrary<List<String>> bomsWithACoarseCode() {
        return Arbitraries.of(PRECISE).list().ofMinSize(0).ofMaxSize(5).flatMap(precise ->
                Arbitraries.of(List.copyOf(COARSE.keySet())).map(coarse -> {
                    List<String> bom = new ArrayList<>(precise);
                    bom.add(coarse);
                    return bom;
                }));
    }

    @Property(tries = 500)
    void anAnswerGivenDespiteACoarseCodeHoldsForEveryCodeItMayStandFor(@ForAll("bomsWithACoarseCode") List<String> bom) {
        String coarse = bom.get(bom.size() - 1);
        List<HsCode> codes = bom.stream().map(HsCode::parse).toList();
        MoreThanOneOf.Presence presence = SHIFT.exceptMoreThanOne().presence(codes);
        for (int i = 0; i < bom.size(); i++) {
            ShiftOutcome answer = SHIFT.test(GOOD, codes.get(i), Map.of(), presence);
            if (answer == ShiftOutcome.UNDETERMINED) {
                continue;
            }
            for (String refined : COARSE.get(coarse)) {
                List<HsCode> refinedCodes = new ArrayList<>(codes);
                refinedCodes.set(bom.size() - 1, HsCode.parse(refined));
                ShiftOutcome then = SHIFT.test(GOOD, refinedCodes.get(i), Map.of(), SHIFT.exceptMoreThanOne().presence(refinedCodes));
                assertThat(then).as("material %d of %s with %s as %s", i, bom, coarse, refined).isEqualTo(answer);
            }
        }
    }
}
