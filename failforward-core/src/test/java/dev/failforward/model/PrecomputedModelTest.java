package dev.failforward.model;

import dev.failforward.data.DataException;
import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.data.ReadOptions;
import dev.failforward.support.Datasets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Predictions read from columns of real data (Titanic), standing in for a model. */
class PrecomputedModelTest {

    private static final Target SURVIVED = new Target("survived", Task.BINARY_CLASSIFICATION, List.of("0", "1"));

    @Test
    void oneHotProbabilitiesFollowThePredictionAndTheFingerprintFollowsItsValues() {
        Table t = TableReaders.read(Datasets.tabular("titanic.csv"), ReadOptions.DEFAULT);
        Table withGuess = withColumn(t, sexRule(t));
        PrecomputedModel model = PrecomputedModel.of(withGuess, SURVIVED, "guess", List.of());
        Predictions p = model.predict(withGuess);
        assertThat(model.id()).isEqualTo("predictions:guess");
        assertThat(model.hasProbabilities()).isFalse();
        for (int i = 0; i < withGuess.rowCount(); i++) {
            int predicted = (int) ((NumericColumn) withGuess.column("guess")).values()[i];
            assertThat(p.predictedClass(i)).isEqualTo(predicted);
            assertThat(p.probability(i, predicted)).isEqualTo(1.0);
        }
        double[] flipped = sexRule(t);
        flipped[3] = 1 - flipped[3];
        assertThat(PrecomputedModel.of(withColumn(t, flipped), SURVIVED, "guess", List.of()).fingerprint())
                .isNotEqualTo(model.fingerprint());
    }

    @Test
    void aPredictionOutsideTheClassesNamesTheRow() {
        Table t = TableReaders.read(Datasets.tabular("titanic.csv"), ReadOptions.DEFAULT);
        double[] bad = sexRule(t);
        bad[11] = 2;
        assertThatThrownBy(() -> PrecomputedModel.of(withColumn(t, bad), SURVIVED, "guess", List.of()))
                .isInstanceOf(DataException.class).hasMessageContaining("'guess', row 11").hasMessageContaining("'2'");
    }

    /** 1 for women, 0 for men: a fixed rule, not a trained model. */
    private static double[] sexRule(Table t) {
        dev.failforward.data.Column sex = t.column("sex");
        double[] out = new double[t.rowCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = "female".equals(sex.text(i)) ? 1 : 0;
        }
        return out;
    }

    private static Table withColumn(Table t, double[] values) {
        List<dev.failforward.data.Column> columns = new java.util.ArrayList<>(t.columns());
        columns.add(new NumericColumn("guess", values));
        return Table.of(t.source(), columns);
    }
}
