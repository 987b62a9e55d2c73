package dev.failforward.model.text;

import dev.failforward.data.ColumnRole;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.ModelFiles;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** builtin:text-minilm-logistic on the sentiment sentences (3000 real reviews, 1 = positive). */
@Tag("slow")
class TextEmbeddingModelTest {

    private static ScanData data;
    private static Model model;

    static Table sentiment() {
        return new CsvTableReader().read(Path.of(System.getProperty("failforward.root", ".."))
                .resolve("datasets/text/sentiment_sentences.csv"), ReadOptions.DEFAULT);
    }

    @BeforeAll
    static void train() {
        data = ScanData.prepare(sentiment(), null, new ScanSpec("label", null, null, null, List.of("source"),
                ScanSpec.DEFAULT_TEST_FRACTION, ScanSpec.DEFAULT_SEED));
        model = ModelProviders.find(TextMiniLmProvider.ID).trainer().train(data.train(), data.target(), 42, Progress.NONE);
    }

    private static double accuracy(Predictions p, Table rows) {
        int[] truth = ScanData.labels(rows, data.target());
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            right += p.predictedClass(i) == truth[i] ? 1 : 0;
        }
        return (double) right / truth.length;
    }

    @Test
    void heldOutAccuracyIsFarAboveChance() {
        double accuracy = accuracy(model.predict(data.test()), data.test());
        System.out.printf("builtin:text-minilm-logistic held-out accuracy on %d sentences: %.4f%n", data.test().rowCount(), accuracy);
        // The classes are balanced (1500/1500): chance is 0.5.
        assertThat(accuracy).isGreaterThan(0.78);
        assertThat(model.id()).isEqualTo("builtin:text-minilm-logistic");
        assertThat(((TextEmbeddingModel) model).textColumn()).isEqualTo("text");
    }

    @Test
    void embeddingsAreThoseOfTheModelInTheJar() {
        float[][] v = MiniLmEmbedder.shared().embed(List.of("great movie", "loved this film", "great movie"));
        double cos = 0;
        for (int j = 0; j < MiniLmEmbedder.DIMENSIONS; j++) {
            cos += v[0][j] * v[1][j];
        }
        // The value langchain4j's own all-MiniLM-L6-v2 class gives for the same pair.
        assertThat(cos).isCloseTo(0.689, org.assertj.core.data.Offset.offset(0.001));
        assertThat(v[2]).containsExactly(v[0]);
    }

    @Test
    void aSentenceScoresTheSameAloneAndAmongOthers() {
        Table test = data.test().project(List.of("text", "label"));
        Predictions all = model.predict(test);
        Table one = test.select(new int[]{7});
        assertThat(model.predict(one).probability(0, 1)).isEqualTo(all.probability(7, 1));
    }

    @Test
    void savedAndLoadedItPredictsTheSame(@TempDir Path dir) {
        Path file = dir.resolve("text.model");
        ModelFiles.save(model, file);
        Model loaded = ModelFiles.load(file);
        assertThat(loaded.fingerprint()).isEqualTo(model.fingerprint());
        assertThat(loaded.target()).isEqualTo(model.target());
        Predictions before = model.predict(data.test());
        Predictions after = loaded.predict(data.test());
        assertThat(after.probabilities()).containsExactly(before.probabilities());
    }

    @Test
    void trainingIsDeterministic() {
        Table small = data.train().select(java.util.stream.IntStream.range(0, 300).toArray());
        Model a = ModelProviders.find(TextMiniLmProvider.ID).trainer().train(small, data.target(), 1, Progress.NONE);
        Model b = ModelProviders.find(TextMiniLmProvider.ID).trainer().train(small, data.target(), 2, Progress.NONE);
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
    }

    @Test
    void needsExactlyOneTextFeature() {
        var trainer = ModelProviders.find(TextMiniLmProvider.ID).trainer();
        Table withSource = data.train().withRole("source", ColumnRole.FEATURE);
        Table noText = withSource.project(List.of("source", "label"));
        assertThatThrownBy(() -> trainer.train(noText, data.target(), 42, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs one text feature column").hasMessageContaining("[source]");
        Table twoTexts = withSource.replace(new TextColumn("source", ((TextColumn) data.train().column("text")).values()));
        assertThatThrownBy(() -> trainer.train(twoTexts, data.target(), 42, Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one text feature column").hasMessageContaining("--ignore");
    }

    @Test
    void predictingRowsWithoutTheTextColumnNamesIt() {
        Table without = data.test().project(List.of("label"));
        assertThatThrownBy(() -> model.predict(without)).hasMessageContaining("no column 'text'");
    }
}
