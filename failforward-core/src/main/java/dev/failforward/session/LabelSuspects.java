package dev.failforward.session;

import dev.failforward.data.Column;
import dev.failforward.data.ColumnRole;
import dev.failforward.data.Table;
import dev.failforward.detect.Finding;
import dev.failforward.detect.LabelIssueMeasurements;
import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Judge;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code label-issue} finding suspects of a wrong label, training and test rows alike, as
 * failures with origin {@value #ORIGIN} and cause tag {@value #ORIGIN}: stored with the run, keyed by
 * the row key, they are a review queue ({@code log list --origin label-issue}). Expected is the given
 * label, predicted the suggested one, the probabilities out of fold.
 */
public final class LabelSuspects {

    public static final String ORIGIN = "label-issue";

    private LabelSuspects() {
    }

    /** One failure per suspect of every label-issue finding, numbered from {@code firstNumber}. */
    public static List<Failure> failures(String runId, int firstNumber, ScanData data, List<Finding> findings) {
        List<Failure> out = new ArrayList<>();
        for (Finding f : findings) {
            if (ORIGIN.equals(f.detector())) {
                for (LabelIssueMeasurements.Suspect s : LabelIssueMeasurements.Suspect.of(f)) {
                    out.add(failure(runId, firstNumber + out.size(), data, s));
                }
            }
        }
        return out;
    }

    private static Failure failure(String runId, int number, ScanData data, LabelIssueMeasurements.Suspect s) {
        Table table = "train".equals(s.set()) ? data.train() : data.test();
        Map<String, Object> input = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            if (table.role(c.name()) != ColumnRole.TARGET) {
                input.put(c.name(), c.value(s.row()));
            }
        }
        Double confidence = s.probabilities().get(s.suggested());
        return new Failure(runId + "-" + number, runId, s.key(), ORIGIN, input, s.given(), s.suggested(), s.probabilities(), null,
                confidence, Judge.logLoss(s.quality()), List.of(ORIGIN),
                Fingerprints.failure(s.key(), input, ORIGIN, Map.of()));
    }
}
