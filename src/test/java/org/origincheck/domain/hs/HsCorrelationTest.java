package org.origincheck.domain.hs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a submitted subheading reads in the rule texts' edition and how a rule's edition is told from the codes it names. The rows
 * are a FIXTURE of fictional subheadings of chapter 99 (which the HS reserves for national use), not the correlation table.
 */
class HsCorrelationTest {

    private static final LocalDate FROM = LocalDate.of(2022, 1, 27);
    private static final HsCorrelation TABLE = new HsCorrelation(List.of(
            Map.entry("990110", "990110"),   // the same in both editions
            Map.entry("990191", "990190"),   // created by HS 2022 from 9901.90
            Map.entry("990199", "990190"),
            Map.entry("990120", "990120"),   // the same number in both, with more in HS 2022
            Map.entry("990120", "990130"),
            Map.entry("990140", "990150"),   // 9901.50 (HS 2017) became 9901.40
            Map.entry("990160", "990170"),   // HS 2022 gave 9901.60 to what HS 2017 had in 9901.70 ...
            Map.entry("990161", "990160")),  // ... and moved HS 2017's 9901.60 to 9901.61
            FROM, "FIXTURE", List.of("OLD-"));

    @Test
    void shouldReadASubheadingOfBothEditionsAsItself() {
        assertThat(TABLE.read(HsCode.parse("9901.10.20"), FROM)).isEqualTo(new HsCorrelation.Same());
    }

    @Test
    void shouldReadAnHs2022SubheadingAsItsCounterpartsWhateverTheDate() {
        assertThat(TABLE.read(HsCode.parse("9901.99"), FROM.minusYears(1))).isEqualTo(new HsCorrelation.Counterparts(List.of("990190")));
    }

    @Test
    void shouldReadASubheadingWhoseNumberBothEditionsHaveAsThatNumberEvenWhereItsScopeChanged() {
        assertThat(TABLE.read(HsCode.parse("9901.20"), FROM)).isEqualTo(new HsCorrelation.Same());
    }

    @Test
    void shouldReadANumberHs2022GaveAnotherMeaningInTheEditionInForceOnTheDate() {
        assertThat(TABLE.read(HsCode.parse("9901.60"), FROM.minusDays(1))).isEqualTo(new HsCorrelation.Same());
        assertThat(TABLE.read(HsCode.parse("9901.60"), FROM)).isEqualTo(new HsCorrelation.Counterparts(List.of("990170")));
    }

    @Test
    void shouldTakeAnHs2017SubheadingThatHs2022DeletedAsGiven() {
        assertThat(TABLE.read(HsCode.parse("9901.50"), FROM)).isEqualTo(new HsCorrelation.Same());
    }

    @Test
    void shouldTellASubheadingOfNeitherEdition() {
        assertThat(TABLE.read(HsCode.parse("9901.77"), FROM)).isEqualTo(new HsCorrelation.InNeither());
    }

    @Test
    void shouldTellTheEditionOfARuleFromTheSubheadingsItNames() {
        assertThat(TABLE.editionOf("R-1", "9901.10-9901.20", "A change to subheadings 9901.10 through 9901.20 from subheading 9901.90."))
                .isEqualTo(HsCorrelation.RuleEdition.HS2017);
        assertThat(TABLE.editionOf("R-2", "9901.10", "A change to subheading 9901.10 from subheading 9901.99."))
                .isEqualTo(HsCorrelation.RuleEdition.HS2022);
        assertThat(TABLE.editionOf("R-3", "9901.10", "A change to subheading 9901.10 from subheading 9901.77."))
                .isEqualTo(HsCorrelation.RuleEdition.EARLIER);
        assertThat(TABLE.editionOf("OLD-1", "9901.10", "A change to subheading 9901.10 from any other heading."))
                .isEqualTo(HsCorrelation.RuleEdition.EARLIER);
    }
}
