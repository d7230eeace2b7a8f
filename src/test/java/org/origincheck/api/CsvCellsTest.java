package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every CSV the service writes neutralises cells a spreadsheet would run as formulas (issue 14). */
class CsvCellsTest {

    @Test
    void shouldPrefixEveryCellAFormulaCouldStartWith() {
        for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\n=1", "=1+2\nnext line"}) {
            assertThat(CsvCells.cell(formula)).as(formula).isEqualTo("\"'" + formula + "\"");
        }
    }

    @Test
    void shouldQuoteOtherCellsAndDoubleTheirQuotes() {
        assertThat(CsvCells.cell("DRUM")).isEqualTo("\"DRUM\"");
        assertThat(CsvCells.cell("a \"b\" =c")).isEqualTo("\"a \"\"b\"\" =c\"");
        assertThat(CsvCells.cell("")).isEqualTo("\"\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @Test
    void shouldRewriteAWholeCsvKeepingEveryValueButTheFormulas() {
        String csv = "partNumber,description,value\r\nM1,\"a, \"\"quoted\"\" =text\",20\n-M2,=SUM(A1),\"@x\"\r\n";
        assertThat(CsvCells.spreadsheetSafe(csv)).isEqualTo(
                "\"partNumber\",\"description\",\"value\"\r\n"
                + "\"M1\",\"a, \"\"quoted\"\" =text\",\"20\"\r\n"
                + "\"'-M2\",\"'=SUM(A1)\",\"'@x\"\r\n");
    }
}
