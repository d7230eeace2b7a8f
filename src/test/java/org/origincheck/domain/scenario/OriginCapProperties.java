package org.origincheck.domain.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.domain.bom.Good;
import org.origincheck.domain.bom.Material;
import org.origincheck.domain.bom.MaterialKind;
import org.origincheck.domain.bom.OriginStatus;
import org.origincheck.domain.hs.HsCode;

/**
 * The cap on non-originating value of a named origin, against a plain recomputation on random bills of materials:
 * FAIL exactly when the named value is over the cap, UNDETERMINED exactly when only materials of unknown country could
 * push it over, and never a definite PASS that a missing country of origin could turn into a FAIL.
 */
class OriginCapProperties {

    private static final OriginCap CAP = new OriginCap("cap", Set.of("CN"), List.of(), new BigDecimal("10"),
            List.of(OriginCap.Basis.TRANSACTION_VALUE, OriginCap.Basis.NET_COST), "test cap");

    record Line(String country, OriginStatus origin, int cents) {
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> country = Arbitraries.of("CN", "DE", "MX", null);
        Arbitrary<OriginStatus> origin = Arbitraries.of(OriginStatus.ORIGINATING, OriginStatus.NON_ORIGINATING, OriginStatus.UNKNOWN);
        Arbitrary<Integer> cents = Arbitraries.integers().between(0, 50_000);
        return net.jqwik.api.Combinators.combine(country, origin, cents).as(Line::new).list().ofMaxSize(12);
    }

    @Property(tries = 500)
    void agreesWithAPlainRecomputation(@ForAll("lines") List<Line> lines, @ForAll("basis") int basisCents) {
        List<Material> materials = new ArrayList<>();
        long named = 0, unknown = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            materials.add(new Material(i, "M" + i, null, HsCode.parse("7602.00"), l.origin(), l.country(), BigDecimal.valueOf(l.cents(), 2),
                    null, null, MaterialKind.DIRECT));
            if (l.origin() != OriginStatus.ORIGINATING) {
                if ("CN".equals(l.country())) named += l.cents();
                if (l.country() == null) unknown += l.cents();
            }
        }
        Good good = new Good("G", null, HsCode.parse("7603.10"), null, "MX", "USD", BigDecimal.valueOf(basisCents, 2), null, null, null);
        OriginCap.Outcome outcome = CAP.test(new BillOfMaterials("p", java.time.LocalDate.of(2026, 7, 1), good, materials));
        // 10% of the basis, compared in cents times 10 to stay in integers.
        long limitTimes10 = basisCents;
        OriginCap.Result expected = named * 10 > limitTimes10 ? OriginCap.Result.FAIL
                : (named + unknown) * 10 > limitTimes10 ? OriginCap.Result.UNDETERMINED : OriginCap.Result.PASS;
        assertThat(outcome.result()).as("named %d, unknown %d, basis %d", named, unknown, basisCents).isEqualTo(expected);
        assertThat(outcome.value()).isEqualByComparingTo(BigDecimal.valueOf(named, 2));
    }

    @Provide
    Arbitrary<Integer> basis() {
        return Arbitraries.integers().between(1, 1_000_000);
    }
}
