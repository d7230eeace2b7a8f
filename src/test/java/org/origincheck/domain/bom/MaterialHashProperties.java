package org.origincheck.domain.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.origincheck.domain.hs.HsCode;

/**
 * {@link Material#hashCode}: equal materials hash alike, as a record's must, but an intermediate material's hash does not read
 * its components. The rules engine hashes every non-originating material it reads (Drools' {@code from}), and the record's own
 * hash walked the whole tree beneath a sub-assembly each time.
 */
class MaterialHashProperties {

    @Property(tries = 300)
    void equalMaterialsHashAlike(@ForAll("materials") Material material) {
        Material copy = new Material(material.index(), material.partNumber(), material.description(), material.hsCode(), material.origin(),
                material.countryOfOrigin(), material.value(), material.quantity(), material.unit(), material.kind(), material.partOfGood(),
                material.weight(), material.accumulatedNonOriginatingValue(), material.evidence(),
                material.intermediate() == null ? null : new IntermediateMaterial(material.intermediate().field(), material.intermediate().transactionValue(),
                        material.intermediate().netCost(), material.intermediate().costs(), new ArrayList<>(material.intermediate().components())),
                material.declarations());
        assertThat(copy).isEqualTo(material);
        assertThat(copy.hashCode()).isEqualTo(material.hashCode());
    }

    @Example
    void anIntermediateMaterialsHashDoesNotReadItsComponents() {
        Material one = subAssembly(List.of(leaf(0, "1.00"), leaf(1, "2.00")));
        Material other = subAssembly(List.of(leaf(0, "3.00")));
        assertThat(one).isNotEqualTo(other);
        assertThat(one.hashCode()).isEqualTo(other.hashCode());
    }

    private static Material subAssembly(List<Material> components) {
        return new Material(0, "SA-1", "sub-assembly", HsCode.parse("8403.90"), OriginStatus.NON_ORIGINATING, null, new BigDecimal("10.00"),
                BigDecimal.ONE, "EA", MaterialKind.DIRECT, null, null, null, null,
                new IntermediateMaterial("materials[0]", null, new BigDecimal("12.00"), null, components));
    }

    private static Material leaf(int index, String value) {
        return new Material(index, "P" + index, null, HsCode.parse("7326.90"), OriginStatus.NON_ORIGINATING, "CN", new BigDecimal(value),
                BigDecimal.ONE, "EA", MaterialKind.DIRECT);
    }

    @Provide
    Arbitrary<Material> materials() {
        Arbitrary<Material> leaf = Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of("P1", "P2").injectNull(0.3),
                        Arbitraries.of("7326.90", "8403.90").injectNull(0.2), Arbitraries.of(OriginStatus.class), Arbitraries.of(MaterialKind.class),
                        Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("500")).ofScale(2), Arbitraries.of(true, false).injectNull(0.5))
                .as((i, pn, hs, origin, kind, value, part) -> new Material(i, pn, null, hs == null ? null : HsCode.parse(hs), origin, "CN", value,
                        BigDecimal.ONE, "EA", kind, part));
        return Combinators.combine(leaf, leaf.list().ofMaxSize(4), Arbitraries.of(true, false))
                .as((m, components, intermediate) -> !intermediate ? m : new Material(m.index(), m.partNumber(), m.description(), m.hsCode(),
                        OriginStatus.UNKNOWN, null, m.value(), m.quantity(), m.unit(), m.kind(), m.partOfGood(), null, null, null,
                        new IntermediateMaterial("materials[" + m.index() + "]", null, m.value(), null, components)));
    }
}
