package dev.failforward.model.onnx;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Predictions;
import dev.failforward.model.Task;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * ONNX models made by real exporters score in ONNX Runtime as their makers scored them: Tribuo's own
 * ONNX export of a logistic regression (one tensor input, declared column and class order), and a
 * graph in scikit-learn-ONNX's layout built with python3-onnx (one input per column, strings for
 * categories, a ZipMap probability output), checked against numpy.
 */
class OnnxSourceTest {

    static final Path FIXTURES = Path.of("src/test/resources/onnx");

    static Table tabular(String file) {
        return new CsvTableReader().read(Path.of(System.getProperty("failforward.root", "..")).resolve("datasets/tabular").resolve(file),
                ReadOptions.DEFAULT);
    }

    static ExternalModel load(String file, ModelConfig config) {
        String spec = "onnx:" + FIXTURES.resolve(file);
        return ModelSources.find(spec).orElseThrow().load(spec, config);
    }

    static double[][] reference(String name) throws IOException {
        return Files.readAllLines(FIXTURES.resolve(name + ".predictions.csv")).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    static Predictions score(ExternalModel loaded, Table table, ScanSpec spec) {
        ScanData prepared = ScanData.forModel(table, spec, loaded.task(), loaded.classes(), loaded.classCount());
        return loaded.bind(prepared.target(), prepared.test()).predict(prepared.test());
    }

    @Test
    void tribuoExportMatchesTribuoWithDeclaredColumnAndClassOrder() throws IOException {
        ExternalModel loaded = load("tribuo_iris.onnx", ModelConfigFile.read(FIXTURES.resolve("tribuo_iris.config.json")));
        assertThat(loaded.task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
        Predictions p = score(loaded, tabular("iris.csv"), ScanSpec.of("species"));
        assertThat(p.classes()).containsExactly("virginica", "setosa", "versicolor");
        double[][] ref = reference("tribuo_iris");
        assertThat(p.rows()).isEqualTo(150);
        for (int i = 0; i < ref.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(p.probability(i, c)).as("row %d class %d", i, c).isCloseTo(ref[i][c], within(1e-5));
            }
        }
    }

    @Test
    void torchOnnxExportOfAnMlpMatchesTorchAndNumpy() throws IOException {
        ExternalModel loaded = load("torch_mlp.onnx", ModelConfigFile.read(FIXTURES.resolve("torch_mlp.config.json")));
        Predictions p = score(loaded, tabular("breast_cancer.csv"), ScanSpec.of("diagnosis"));
        assertThat(p.classes()).containsExactly("benign", "malignant");
        double[][] torch = reference("torch_mlp");
        double[][] numpy = Files.readAllLines(FIXTURES.resolve("torch_mlp.numpy.csv")).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        assertThat(p.rows()).isEqualTo(569).isEqualTo(torch.length);
        int between = 0;
        for (int i = 0; i < torch.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertThat(p.probability(i, c)).as("row %d class %d", i, c).isCloseTo(torch[i][c], within(1e-5))
                        .isCloseTo(numpy[i][c], within(1e-5));
            }
            between += torch[i][1] > 0.01 && torch[i][1] < 0.99 ? 1 : 0;
        }
        // Not only saturated rows: some probabilities lie well inside (0, 1).
        assertThat(between).isGreaterThan(5);
        // Without the declared softmax the raw logits are not probabilities, and FailForward says so.
        assertThatThrownBy(() -> score(load("torch_mlp.onnx", ModelConfig.NONE), tabular("breast_cancer.csv"), ScanSpec.of("diagnosis")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a probability").hasMessageContaining("activation");
        ModelDescription d = loaded.describe(tabular("breast_cancer.csv").withRole("diagnosis", dev.failforward.data.ColumnRole.TARGET));
        assertThat(d.inputs()).hasSize(30);
        assertThat(d.inputs().get(0).name()).startsWith("features");
        assertThat(d.inputs().get(0).feed()).contains("column 'mean radius'");
        assertThat(d.outputs()).anyMatch(o -> o.startsWith("logits") && o.contains("softmax"));
    }

    @Test
    void perColumnInputsWithStringsAndZipMapMatchNumpy() throws IOException {
        ExternalModel loaded = load("titanic_columns.onnx", ModelConfig.NONE);
        Predictions p = score(loaded, tabular("titanic.csv"), ScanSpec.of("survived"));
        assertThat(p.classes()).containsExactly("0", "1");
        double[][] ref = reference("titanic_columns");
        assertThat(p.rows()).isEqualTo(1309).isEqualTo(ref.length);
        for (int i = 0; i < ref.length; i++) {
            assertThat(p.probability(i, 1)).as("row %d", i).isCloseTo(ref[i][1], within(1e-5));
        }
    }

    @Test
    void batchesDoNotChangePredictions() {
        ExternalModel loaded = load("titanic_columns.onnx", ModelConfig.NONE);
        Table all = tabular("titanic.csv");
        ScanData prepared = ScanData.forModel(all, ScanSpec.of("survived"), loaded.task(), loaded.classes(), loaded.classCount());
        var model = loaded.bind(prepared.target(), prepared.test());
        Predictions whole = model.predict(prepared.test());
        Predictions tail = model.predict(prepared.test().select(java.util.stream.IntStream.range(OnnxModel.BATCH - 3, 1309).toArray()));
        assertThat(tail.probability(0, 1)).isEqualTo(whole.probability(OnnxModel.BATCH - 3, 1));
        assertThat(tail.probability(tail.rows() - 1, 1)).isEqualTo(whole.probability(1308, 1));
    }

    @Test
    void rawScoresWithDeclaredSoftmaxAndRenamedColumns() throws IOException {
        // The same Tribuo model read through a config that renames nothing but declares a (no-op on probabilities) output name.
        ModelConfig base = ModelConfigFile.read(FIXTURES.resolve("tribuo_iris.config.json"));
        ModelConfig named = new ModelConfig(base.features(), Map.of(), base.classes(), null, Map.of(), "output", "none", Map.of());
        Predictions p = score(load("tribuo_iris.onnx", named), tabular("iris.csv"), ScanSpec.of("species"));
        assertThat(p.probability(0, 1)).isCloseTo(reference("tribuo_iris")[0][1], within(1e-5));
    }

    @Test
    void describesInputsAndOutputs() {
        ModelDescription d = load("titanic_columns.onnx", ModelConfig.NONE).describe(tabular("titanic.csv"));
        assertThat(d.inputs()).extracting(ModelDescription.Input::name).containsExactly("pclass", "sibsp", "parch", "sex", "embarked");
        assertThat(d.inputs().get(3).type()).isEqualTo("string[N,1]");
        assertThat(d.inputs().get(3).feed()).contains("column 'sex'");
        assertThat(d.outputs()).anyMatch(o -> o.startsWith("output_probability") && o.contains("<- read"));
        assertThat(d.outputs()).anyMatch(o -> o.startsWith("output_label"));
    }

    @Test
    void unclearModelsAskForTheMissingKey(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> load("tribuo_iris.onnx", new ModelConfig(List.of(), Map.of(), List.of(), null, Map.of(), "nope", null, Map.of())))
                .hasMessageContaining("output 'nope'").hasMessageContaining("outputs");
        ExternalModel noConfig = load("tribuo_iris.onnx", ModelConfig.NONE);
        Table iris = tabular("iris.csv");
        // Without the declared order the columns go in file order: that is a different model, which the test can tell apart.
        Predictions byFileOrder = score(noConfig, iris, ScanSpec.of("species"));
        assertThat(byFileOrder.probability(0, 0)).isNotCloseTo(reference("tribuo_iris")[0][0], within(1e-3));
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[]{1, 2, 3});
        assertThatThrownBy(() -> ModelSources.find("onnx:" + junk).orElseThrow().load("onnx:" + junk, ModelConfig.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.onnx");
    }
}
