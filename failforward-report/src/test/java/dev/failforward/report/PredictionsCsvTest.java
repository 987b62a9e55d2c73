package dev.failforward.report;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.failforward.data.Table;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.session.ScanResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PredictionsCsvTest {

    /** Parses CSV with an independent RFC 4180 reader. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord r : CsvReader.builder().ofCsvRecord(csv)) {
            rows.add(r.getFields());
        }
        return rows;
    }

    @Test
    void oneRowPerPredictionWithProbabilitiesInClassOrder() {
        ScanResult r = Scans.telco();
        List<List<String>> rows = parse(new PredictionsCsv().render(r));

        assertThat(rows.get(0)).containsExactly("row_key", "expected", "predicted", "failure", "loss", "p_No", "p_Yes");
        assertThat(rows).hasSize(r.predictions().size() + 1);
        assertThat(r.predictions().size()).isBetween(2100, 2125);
        for (int i = 0; i < r.predictions().size(); i++) {
            PredictionRecord p = r.predictions().get(i);
            List<String> row = rows.get(i + 1);
            assertThat(row.get(0)).isEqualTo(p.rowKey());
            assertThat(row.get(1)).isEqualTo(p.expected());
            assertThat(row.get(2)).isEqualTo(p.predicted());
            assertThat(Boolean.parseBoolean(row.get(3))).isEqualTo(p.failure());
            assertThat(Double.parseDouble(row.get(4))).isEqualTo(p.loss());
            assertThat(Double.parseDouble(row.get(5))).isEqualTo(p.probabilities()[0]);
            assertThat(Double.parseDouble(row.get(6))).isEqualTo(p.probabilities()[1]);
        }
        long failed = rows.stream().skip(1).filter(row -> row.get(3).equals("true")).count();
        assertThat(failed).isEqualTo(r.failures().size());
    }

    @Test
    void labelsWithCommasQuotesAndLineBreaksParseBack() {
        String awkward = "Yes, \"really\"\nchurned";
        Table data = Scans.withLevel(Scans.read("telco_churn.csv"), "churn", "Yes", awkward);
        ScanResult r = Scans.telco(data);
        String csv = new PredictionsCsv().render(r);

        assertThat(csv).contains("\"p_Yes, \"\"really\"\"\nchurned\"");
        List<List<String>> rows = parse(csv);
        assertThat(rows.get(0).get(6)).isEqualTo("p_" + awkward);
        assertThat(rows).hasSize(r.predictions().size() + 1);
        assertThat(rows.stream().skip(1).map(row -> row.get(1))).contains(awkward, "No").allMatch(v -> v.equals(awkward) || v.equals("No"));
        assertThat(rows.stream().skip(1)).allMatch(row -> row.size() == 7);
    }

    @Test
    void multiclassHasOneProbabilityColumnPerClass() {
        ScanResult r = Scans.iris();
        List<List<String>> rows = parse(new PredictionsCsv().render(r));
        assertThat(rows.get(0)).containsExactly("row_key", "expected", "predicted", "failure", "loss",
                "p_setosa", "p_versicolor", "p_virginica");
        assertThat(rows).hasSize(r.predictions().size() + 1);
    }

    @Test
    void regressionHasThePredictedValue() {
        ScanResult r = Scans.ames();
        List<List<String>> rows = parse(new PredictionsCsv().render(r));
        assertThat(rows.get(0)).containsExactly("row_key", "expected", "predicted", "failure", "loss", "prediction");
        assertThat(rows).hasSize(r.predictions().size() + 1);
        PredictionRecord first = r.predictions().get(0);
        assertThat(Double.parseDouble(rows.get(1).get(5))).isEqualTo(first.prediction());
        assertThat(Double.parseDouble(rows.get(1).get(1))).isEqualTo(Double.parseDouble(first.expected()));
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(PredictionsCsv.quote("plain")).isEqualTo("plain");
        assertThat(PredictionsCsv.quote("")).isEmpty();
        assertThat(PredictionsCsv.quote(null)).isEmpty();
        assertThat(PredictionsCsv.quote("a,b")).isEqualTo("\"a,b\"");
        assertThat(PredictionsCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(PredictionsCsv.quote("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(PredictionsCsv.quote("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(PredictionsCsv.quote(" padded ")).isEqualTo("\" padded \"");
    }
}
