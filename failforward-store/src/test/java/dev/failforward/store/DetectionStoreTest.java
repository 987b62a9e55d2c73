package dev.failforward.store;

import dev.failforward.detect.DetectorReport;
import dev.failforward.detect.DetectorResult;
import dev.failforward.detect.DriftMeasurements;
import dev.failforward.detect.DriftMeasurements.FeatureDrift;
import dev.failforward.detect.DriftMeasurements.Histogram;
import dev.failforward.detect.Finding;
import dev.failforward.detect.LeakageMeasurements;
import dev.failforward.detect.Measurements;
import dev.failforward.detect.Severity;
import dev.failforward.run.RunIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run's detector results and findings are stored, read back typed as the report renders them, replaced,
 * purged with the run; and what the version before typed measurements stored reads back typed too.
 */
class DetectionStoreTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Database.class)
    void storesReplacesReadsAndPurgesDetections(Database db) {
        Telco.Scored scored = Telco.scan(RunIds.next(), 300, 200, 3);
        String runId = scored.run().id();
        try (Database.Place place = db.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.complete(scored.run(), scored.predictions(), scored.failures());
                assertThat(log.detections(runId)).isEqualTo(DetectorReport.none());
                log.saveDetections(runId, report("first"));
                log.saveDetections(runId, report("<b>Month-to-month</b>"));
                assertThatThrownBy(() -> log.saveDetections("no-such-run", report("x")))
                        .isInstanceOf(StoreException.class).hasMessageContaining("no-such-run");
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                DetectorReport stored = log.detections(runId);
                assertThat(stored.results()).extracting(DetectorResult::id).containsExactly("drift", "leakage");
                DetectorResult drift = stored.results().get(0);
                assertThat(drift.status()).isEqualTo(DetectorResult.Status.OK);
                assertThat(drift.millis()).isEqualTo(1234);
                // Read back as the detector's record. JSON has no NaN: a NaN in a boxed component (a p-value, a mean)
                // is written as null and reads back absent; in a primitive one (psi) it reads back as NaN.
                assertThat(drift.measurements()).isInstanceOf(DriftMeasurements.class)
                        .isEqualTo(driftMeasurements("<b>Month-to-month</b>", null));
                FeatureDrift charges = ((DriftMeasurements) drift.measurements()).features().get(0);
                assertThat(charges.pValue()).isNull();
                assertThat(charges.psi()).isNaN();
                assertThat(stored.results().get(1).status()).isEqualTo(DetectorResult.Status.ERROR);
                assertThat(stored.results().get(1).error()).isEqualTo("boom");
                assertThat(stored.findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.title()).isEqualTo("<b>Month-to-month</b> drifted");
                    assertThat(f.rows()).isEqualTo(2);
                    assertThat(f.rowKeys()).containsExactly("7", "11");
                    assertThat(f.causeTag()).isNull();
                    assertThat(f.evidence()).containsEntry("psi", 0.75);
                });
                assertThat(log.purge(List.of(runId))).isEqualTo(1);
                assertThat(log.detections(runId)).isEqualTo(DetectorReport.none());
            }
        }
    }

    @Test
    void readsTheDetectionsTheVersionBeforeTypedMeasurementsStored() throws Exception {
        Telco.Scored scored = Telco.scan(RunIds.next(), 300, 200, 3);
        String runId = scored.run().id();
        try (Database.Place place = Database.SQLITE.fresh(dir)) {
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                log.complete(scored.run(), scored.predictions(), scored.failures());
            }
            // As main before commit 5d9b4fa wrote them: measurements as maps in the detector's key order, every
            // key of a result and a finding present ("error": null), upper-case severities, bare NaN tokens.
            String histogram = "{\"kind\": \"numeric\", \"edges\": [0.0, 50.0, 100.0], \"reference_density\": [0.012, 0.008],"
                    + " \"current_density\": [0.004, 0.016], \"reference_missing_share\": 0.0, \"current_missing_share\": 0.25}";
            String payment = "{\"kind\": \"categorical\", \"categories\": [\"card\", \"crypto\", \"other\"],"
                    + " \"reference_share\": [0.9, 0.0, 0.1], \"current_share\": [0.7, 0.2, 0.1], \"new\": [false, true, false],"
                    + " \"other_bucket\": true, \"reference_missing_share\": 0.0, \"current_missing_share\": 0.0}";
            String drift = "{\"id\": \"drift\", \"status\": \"ok\", \"error\": null, \"millis\": 812, \"measurements\": {"
                    + "\"reference\": \"training\", \"reference_rows\": 300, \"current\": \"test rows\", \"current_rows\": 200,"
                    + " \"method\": \"ks + rank-sum / chi-square (+ missing share), Holm-corrected at alpha 0.01\", \"features\": ["
                    + "{\"feature\": \"monthly_charges\", \"type\": \"numeric\", \"psi\": 0.42, \"wasserstein_sd\": 0.9,"
                    + " \"ks_p_value\": 1.0E-12, \"rank_sum_p_value\": NaN, \"reference_missing_share\": 0.0,"
                    + " \"current_missing_share\": 0.25, \"missing_share_p_value\": 0.003, \"test\": \"ks + rank-sum + missing share\","
                    + " \"p_value\": 3.0E-12, \"reference_mean\": 64.5, \"current_mean\": NaN, \"histogram\": " + histogram + ","
                    + " \"holm_p_value\": 6.0E-12, \"drifted\": true},"
                    + "{\"feature\": \"payment_method\", \"type\": \"categorical\", \"psi\": NaN, \"jensen_shannon\": 0.2,"
                    + " \"new_categories\": [\"crypto\"], \"new_category_rows\": 40, \"new_category_rows_expected\": 1.5,"
                    + " \"chi_square_p_value\": 0.5, \"reference_missing_share\": 0.0, \"current_missing_share\": 0.0,"
                    + " \"test\": \"chi-square\", \"p_value\": 0.5, \"histogram\": " + payment + ", \"holm_p_value\": 0.5,"
                    + " \"drifted\": false}],"
                    + " \"ood_rows\": 40, \"domain_classifier_auc\": 0.71}}";
            // A scan of given predictions: the reason there are no duplicate counts stood where the count stands.
            String leakage = "{\"id\": \"leakage\", \"status\": \"ok\", \"error\": null, \"millis\": 95, \"measurements\": {"
                    + "\"duplicate_test_rows\": \"not applicable: no training rows\","
                    + " \"power_method\": \"2-fold cross-fitting on the scored rows\", \"single_feature_power\": ["
                    + "{\"feature\": \"contract\", \"measure\": \"accuracy\", \"score\": 0.73, \"baseline\": 0.73, \"power\": 0.0,"
                    + " \"auc\": 0.77, \"next_best_auc\": 0.74}], \"model_auc\": 0.84, \"identifier_like\": []}}";
            String finding = "{\"detector\": \"drift\", \"severity\": \"CRITICAL\", \"title\": \"'monthly_charges' differs\","
                    + " \"rows\": 200, \"row_keys\": [], \"cause_tag\": null, \"evidence\": {\"feature\": \"monthly_charges\","
                    + " \"psi\": 0.42, \"p_value\": NaN}}";
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + place.location());
                 PreparedStatement insert = c.prepareStatement(
                         "INSERT INTO run_detections (run_id, kind, position, body) VALUES (?, ?, ?, ?)")) {
                Object[][] rows = {{"result", 0, drift}, {"result", 1, leakage}, {"finding", 0, finding}};
                for (Object[] row : rows) {
                    insert.setString(1, runId);
                    insert.setString(2, (String) row[0]);
                    insert.setInt(3, (Integer) row[1]);
                    insert.setString(4, (String) row[2]);
                    insert.executeUpdate();
                }
            }
            try (JdbcFailureLog log = JdbcFailureLog.open(place.location())) {
                DetectorReport stored = log.detections(runId);
                assertThat(stored.results()).extracting(DetectorResult::id).containsExactly("drift", "leakage");
                DetectorResult result = stored.results().get(0);
                assertThat(result.status()).isEqualTo(DetectorResult.Status.OK);
                assertThat(result.error()).isNull();
                assertThat(result.millis()).isEqualTo(812);
                // A bare NaN reads back as NaN, boxed or not.
                assertThat(result.measurements()).isEqualTo(new DriftMeasurements("training", 300, "test rows", 200,
                        "ks + rank-sum / chi-square (+ missing share), Holm-corrected at alpha 0.01", List.of(
                        new FeatureDrift("monthly_charges", "numeric", 0.42, 0.9, 1e-12, Double.NaN, 0.0, 0.25, 0.003,
                                "ks + rank-sum + missing share", 3e-12, 6e-12, true, 64.5, Double.NaN, null, null, null, null,
                                null, new Histogram.Numeric(List.of(0.0, 50.0, 100.0), List.of(0.012, 0.008),
                                List.of(0.004, 0.016), 0.0, 0.25)),
                        new FeatureDrift("payment_method", "categorical", Double.NaN, null, null, null, 0.0, 0.0, null,
                                "chi-square", 0.5, 0.5, false, null, null, 0.2, List.of("crypto"), 40, 1.5, 0.5,
                                new Histogram.Categorical(List.of("card", "crypto", "other"), List.of(0.9, 0.0, 0.1),
                                        List.of(0.7, 0.2, 0.1), List.of(false, true, false), true, 0.0, 0.0))),
                        40, null, 0.71));
                FeatureDrift charges = ((DriftMeasurements) result.measurements()).features().get(0);
                assertThat(charges.rankSumPValue()).isNaN();
                assertThat(charges.currentMean()).isNaN();

                LeakageMeasurements leaks = (LeakageMeasurements) stored.results().get(1).measurements();
                assertThat(leaks.duplicateTestRows()).isNull();
                assertThat(leaks.duplicateCheck()).isEqualTo(LeakageMeasurements.NO_TRAINING_ROWS);
                assertThat(leaks.singleFeaturePower()).containsExactly(new LeakageMeasurements.FeaturePower(
                        "contract", "accuracy", 0.73, 0.73, 0.0, 0.77, 0.74, null));
                assertThat(leaks.modelAuc()).isEqualTo(0.84);

                assertThat(stored.findings()).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
                    assertThat(f.causeTag()).isNull();
                    assertThat(f.evidence()).containsEntry("psi", 0.42);
                    assertThat((Double) f.evidence().get("p_value")).isNaN();
                });
            }
        }
    }

    private static DetectorReport report(String feature) {
        return new DetectorReport(
                List.of(new DetectorResult("drift", DetectorResult.Status.OK, null, driftMeasurements(feature, Double.NaN), 1234),
                        new DetectorResult("leakage", DetectorResult.Status.ERROR, "boom", Measurements.Untyped.NONE, 5)),
                List.of(new Finding("drift", Severity.CRITICAL, feature + " drifted", 2, List.of("7", "11"), null,
                        Map.of("psi", 0.75))));
    }

    /** One numeric feature's drift, {@code nan} where a measurement is not a number (NaN as measured, null as stored). */
    private static DriftMeasurements driftMeasurements(String feature, Double nan) {
        FeatureDrift measured = new FeatureDrift(feature, "numeric", Double.NaN, 0.3, 0.02, nan, 0.0, 0.1, 0.4,
                "ks + rank-sum + missing share", nan, nan, false, 12.5, nan, null, null, null, null, null,
                new Histogram.Numeric(List.of(0.0, 0.5, 1.0), List.of(1.2, 0.8), List.of(0.4, 1.6), 0.0, 0.1));
        return new DriftMeasurements("training", 300, "test rows", 200, "psi (large data)", List.of(measured), 3, null, null);
    }
}
