package org.origincheck.domain.automotive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origincheck.domain.hs.HsCode;
import org.origincheck.domain.hs.HsLevel;
import org.origincheck.domain.hs.HsRange;
import org.origincheck.domain.hs.Match;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * {@link AutomotiveTables#matching} looks a code up through an index by heading: it must answer exactly what a scan of every
 * line does (the same lines, in the same order), for the bundled tables and for tables whose provisions span headings.
 */
class AutomotiveTablesProperties {

    private static AutomotiveTables bundled;

    @BeforeContainer
    static void loadPack() {
        bundled = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca"))).pack().automotive().tables();
    }

    /** What matching answered before the index: every line scanned. */
    private static List<TableEntry> scanned(AutomotiveTables tables, AutomotiveTable table, HsCode code) {
        List<TableEntry> out = new ArrayList<>();
        for (TableEntry entry : tables.entries()) {
            if (entry.table() == table && entry.provision().contains(code) == Match.YES) {
                out.add(entry);
            }
        }
        return out;
    }

    @Property(tries = 3000)
    void theBundledTablesAnswerAsAScanDoes(@ForAll("codesNearTheTables") HsCode code, @ForAll AutomotiveTable table) {
        assertThat(bundled.matching(table, code)).isEqualTo(scanned(bundled, table, code));
    }

    @Property(tries = 2000)
    void tablesWithProvisionsSpanningHeadingsAnswerAsAScanDoes(@ForAll("tables") AutomotiveTables tables, @ForAll("codesOfChapters8x") HsCode code,
                                                                @ForAll AutomotiveTable table) {
        assertThat(tables.matching(table, code)).isEqualTo(scanned(tables, table, code));
    }

    @Property(tries = 200)
    void someBundledLinesAreFound(@ForAll("bundledLines") TableEntry line) {
        HsCode inside = new HsCode(line.provision().from() + "0000000000".substring(line.provision().from().length(), 6));
        assertThat(bundled.matching(line.table(), inside)).contains(line);
    }

    @Provide
    Arbitrary<TableEntry> bundledLines() {
        return Arbitraries.of(bundled.entries());
    }

    /** Codes of 6, 8 or 10 digits starting with a heading of a bundled line (so that most match something), or anywhere. */
    @Provide
    Arbitrary<HsCode> codesNearTheTables() {
        Arbitrary<String> heading = Arbitraries.of(bundled.entries()).map(e -> e.provision().from().substring(0, 4));
        Arbitrary<String> tail = Arbitraries.of(2, 4, 6).flatMap(n -> Arbitraries.strings().numeric().ofLength(n));
        Arbitrary<HsCode> near = Combinators.combine(heading, tail).as((h, t) -> new HsCode(h + t));
        return Arbitraries.oneOf(near, codes());
    }

    @Provide
    Arbitrary<HsCode> codes() {
        return Arbitraries.of(6, 8, 10).flatMap(n -> Arbitraries.strings().numeric().ofLength(n)).map(HsCode::new);
    }

    @Provide
    Arbitrary<HsCode> codesOfChapters8x() {
        return Arbitraries.of(6, 8, 10).flatMap(n -> Arbitraries.strings().numeric().ofLength(n - 1)).map(s -> new HsCode("8" + s));
    }

    /** Tables of a few lines in a narrow band of chapters, some provisions chapters or ranges across headings. */
    @Provide
    Arbitrary<AutomotiveTables> tables() {
        Arbitrary<HsRange> range = Arbitraries.of(HsLevel.values()).flatMap(level -> {
            Arbitrary<String> bound = Arbitraries.strings().numeric().ofLength(level.digits() - 1).map(s -> "8" + s);
            return Combinators.combine(bound, bound).as((a, b) -> a.compareTo(b) <= 0 ? new HsRange(level, a, b) : new HsRange(level, b, a));
        });
        Arbitrary<TableEntry> entry = Combinators.combine(Arbitraries.of(AutomotiveTable.values()), range, Arbitraries.of(true, false))
                .as((t, r, ex) -> new TableEntry(t, r, ex, "line", null));
        return entry.list().ofMaxSize(30).map(AutomotiveTables::new);
    }
}
