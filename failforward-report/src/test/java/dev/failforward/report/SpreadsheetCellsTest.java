package dev.failforward.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpreadsheetCellsTest {

    @Test
    void formulaLikeTextGetsAQuote() {
        for (String formula : new String[] {"=HYPERLINK(\"http://x\")", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "=",
                "-Infinity", "+inf"}) {
            assertThat(SpreadsheetCells.escape(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        for (String plain : new String[] {"-3.5", "+1e5", "-0", "-.5", "42", "1.5E-3", "Yes", "a=b", "", "O'Brien"}) {
            assertThat(SpreadsheetCells.escape(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(SpreadsheetCells.escape(null)).isNull();
    }

    @Test
    void csvCellsAreEscapedThenQuoted() {
        assertThat(PredictionsCsv.cell("=1+1,2")).isEqualTo("\"'=1+1,2\"");
        assertThat(PredictionsCsv.cell("-3.5")).isEqualTo("-3.5");
    }
}
