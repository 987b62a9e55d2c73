package dev.failforward.detect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.failforward.api.PublicApi;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What {@link LeakageDetector} measured. The duplicate counts are {@code null} (left out of the JSON)
 * in a scan without training rows, where {@code duplicateCheck} says why ({@link #NO_TRAINING_ROWS});
 * otherwise {@code duplicateCheck} is {@code null}. Versions before these records wrote that reason
 * as the value of {@code duplicate_test_rows}: such a run reads back with no counts and the reason.
 *
 * @param duplicateTestRows       test rows whose feature values equal a training row's
 * @param duplicateShare          their share of the test rows
 * @param copiedTestRows          duplicates of a rare combination with the same target: copies
 * @param copiedShare             their share of the test rows
 * @param conflictingDuplicates   duplicates found in training with another target
 * @param copiedTestRowsByChance  the copies independent columns give by chance ({@link ChanceCopies})
 * @param duplicateCheck          why there are no duplicate counts ("not applicable: no training rows")
 * @param powerMethod             how the single-feature powers were fitted and scored
 * @param singleFeaturePower      each feature's power alone, the most powerful first
 * @param modelAuc                the scanned model's AUC on the test rows (binary targets)
 * @param identifierLike          columns whose values are nearly all distinct keys
 */
@PublicApi
public record LeakageMeasurements(@JsonDeserialize(using = CountOrReason.class) Integer duplicateTestRows, Double duplicateShare, Integer copiedTestRows,
                                  Double copiedShare, Integer conflictingDuplicates, Double copiedTestRowsByChance,
                                  String duplicateCheck, String powerMethod, List<FeaturePower> singleFeaturePower,
                                  Double modelAuc, List<IdentifierLike> identifierLike) implements Measurements {

    /** Why a scan of given predictions has no duplicate counts. */
    public static final String NO_TRAINING_ROWS = "not applicable: no training rows";

    public LeakageMeasurements {
        if (duplicateTestRows == null && duplicateCheck == null) {
            duplicateCheck = NO_TRAINING_ROWS;
        }
        singleFeaturePower = Measured.list(singleFeaturePower);
        identifierLike = Measured.list(identifierLike);
    }

    /**
     * One feature's power to predict the target alone: {@code score} ({@code measure}: accuracy or
     * r2) against the {@code baseline} of the majority class or the mean, scaled to {@code power}
     * (0 = none, 1 = perfect); for a classification target its {@code auc} and the best AUC of any
     * other feature ({@code nextBestAuc}), and, when it was flagged, the model's own AUC beside it.
     * Absent values are {@code null}.
     */
    public record FeaturePower(String feature, String measure, double score, double baseline, double power, Double auc,
                               Double nextBestAuc, Double modelAuc) {

        /** The same power beside the best other feature's AUC and the model's AUC. */
        FeaturePower compared(Double nextBest, Double model) {
            return new FeaturePower(feature, measure, score, baseline, power, auc, nextBest, model);
        }

        /** A finding's evidence: the present values, keyed as in the JSON. */
        public Map<String, Object> evidence() {
            return DetectionJson.values(this);
        }
    }

    /** A column that looks like an identifier: {@code distinctShare} of its present values are distinct. */
    public record IdentifierLike(String feature, double distinctShare) {

        public Map<String, Object> evidence() {
            return DetectionJson.values(this);
        }
    }

    /** A count, or {@code null} where an earlier version wrote the reason there is none. */
    static final class CountOrReason extends StdDeserializer<Integer> {
        CountOrReason() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return p.currentToken() == JsonToken.VALUE_STRING ? null : p.getValueAsInt();
        }
    }
}
