package dev.failforward.model.xgboost;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.Model;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.ModelSources;
import dev.failforward.model.Predictions;
import dev.failforward.model.Task;
import dev.failforward.model.TreeEnsembleSource;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * XGBoost model files made by Debian's Python xgboost 1.7.4 ({@code make_fixtures.py} next to them)
 * give, in FailForward, the probabilities and values Python's xgboost gave for every row.
 */
class XGBoostSourceTest {

    static final Path FIXTURES = Path.of("src/test/resources/xgboost");

    static Path tabular(String file) {
        return Path.of(System.getProperty("failforward.root", "..")).resolve("datasets/tabular").resolve(file);
    }

    static ExternalModel load(String file, ModelConfig config) {
        String spec = "xgboost:" + FIXTURES.resolve(file);
        return ModelSources.find(spec).orElseThrow().load(spec, config);
    }

    static double[][] reference(String name) throws IOException {
        return Files.readAllLines(FIXTURES.resolve(name + ".predictions.csv")).stream()
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    static Predictions score(ExternalModel loaded, String data, ScanSpec spec) {
        Table table = new CsvTableReader().read(tabular(data), ReadOptions.DEFAULT);
        ScanData prepared = ScanData.forModel(table, spec, loaded.task(), loaded.classes(), loaded.classCount());
        assertThat(prepared.test().rowCount()).isEqualTo(table.rowCount());
        Model model = loaded.bind(prepared.target(), prepared.test());
        return model.predict(prepared.test());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "ubj"})
    void binaryWithMissingValuesAndCategoriesMatchesPython(String format) throws IOException {
        ModelConfig config = ModelConfigFile.read(FIXTURES.resolve("credit_binary.config.json"));
        ExternalModel loaded = load("credit_binary." + format, config);
        assertThat(loaded.task()).isEqualTo(Task.BINARY_CLASSIFICATION);
        Predictions p = score(loaded, "credit_data.csv", ScanSpec.of("Status"));
        double[][] ref = reference("credit_binary");
        assertThat(p.classes()).containsExactly("bad", "good");
        assertThat(p.rows()).isEqualTo(ref.length).isEqualTo(4454);
        for (int i = 0; i < ref.length; i++) {
            assertThat(p.probability(i, 1)).as("row %d", i).isCloseTo(ref[i][0], within(1e-6));
            assertThat(p.probability(i, 0)).isCloseTo(1 - ref[i][0], within(1e-6));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "ubj"})
    void multiClassWithoutFeatureNamesGoesByColumnOrder(String format) throws IOException {
        ExternalModel loaded = load("iris_multi." + format, ModelConfig.NONE);
        assertThat(loaded.task()).isEqualTo(Task.MULTICLASS_CLASSIFICATION);
        assertThat(loaded.classCount()).isEqualTo(3);
        Predictions p = score(loaded, "iris.csv", ScanSpec.of("species"));
        double[][] ref = reference("iris_multi");
        assertThat(p.classes()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(p.rows()).isEqualTo(150);
        for (int i = 0; i < ref.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertThat(p.probability(i, c)).isCloseTo(ref[i][c], within(1e-6));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "ubj"})
    void regressionMatchesPythonAndIgnoresColumnsTheModelDoesNotName(String format) throws IOException {
        ExternalModel loaded = load("iris_regression." + format, ModelConfig.NONE);
        assertThat(loaded.task()).isEqualTo(Task.REGRESSION);
        Predictions p = score(loaded, "iris.csv", new ScanSpec("petal width (cm)", null, null, null, List.of(), 0.3, 1));
        double[][] ref = reference("iris_regression");
        for (int i = 0; i < ref.length; i++) {
            assertThat(p.value(i)).isCloseTo(ref[i][0], within(1e-6));
        }
    }

    @Test
    void breastCancerGivesPythonsProbabilityOfMalignant() throws IOException {
        Predictions p = score(load("breast_cancer.json", ModelConfig.NONE), "breast_cancer.csv", ScanSpec.of("diagnosis"));
        double[][] ref = reference("breast_cancer");
        assertThat(p.classes()).containsExactly("benign", "malignant");
        for (int i = 0; i < ref.length; i++) {
            assertThat(p.probability(i, 1)).isCloseTo(ref[i][0], within(1e-6));
        }
    }

    @Test
    void exposesItsTreesForTreeShap() {
        ExternalModel loaded = load("breast_cancer.json", ModelConfig.NONE);
        Table table = new CsvTableReader().read(tabular("breast_cancer.csv"), ReadOptions.DEFAULT);
        ScanData prepared = ScanData.forModel(table, ScanSpec.of("diagnosis"), loaded.task(), loaded.classes(), loaded.classCount());
        TreeEnsembleSource trees = (TreeEnsembleSource) loaded.bind(prepared.target(), prepared.test());
        assertThat(new String(trees.xgboostJson(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"gradient_booster\"");
        assertThat(trees.featureColumns()).hasSize(30).startsWith("mean radius");
        double[] x = trees.encode(prepared.test());
        assertThat(x).hasSize(569 * 30);
        assertThat(x[0]).isEqualTo(17.99);
    }

    @Test
    void describesInputsOutputsAndWhatItFeeds() {
        ExternalModel loaded = load("credit_binary.json", creditConfig());
        ModelDescription alone = loaded.describe(null);
        assertThat(alone.inputs()).hasSize(13);
        assertThat(alone.inputs().get(1).name()).isEqualTo("Home");
        assertThat(alone.details()).containsEntry("objective", "binary:logistic").containsEntry("saved by xgboost", "1.7.4");
        Table table = new CsvTableReader().read(tabular("credit_data.csv"), ReadOptions.DEFAULT).withRole("Status", dev.failforward.data.ColumnRole.TARGET);
        ModelDescription fed = loaded.describe(table);
        assertThat(fed.inputs().get(1).feed()).contains("column 'Home'").contains("owner=2");
    }

    @Test
    void categoricalColumnsWithoutCodesAreRefusedNamingTheKey() {
        ExternalModel loaded = load("credit_binary.json", ModelConfig.NONE);
        Table table = new CsvTableReader().read(tabular("credit_data.csv"), ReadOptions.DEFAULT);
        ScanData prepared = ScanData.forModel(table, ScanSpec.of("Status"), loaded.task(), loaded.classes(), loaded.classCount());
        assertThatThrownBy(() -> loaded.bind(prepared.target(), prepared.test()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Home'").hasMessageContaining("categories");
    }

    @Test
    void configClassesSetTheOutputOrder() {
        ModelConfig config = new ModelConfig(List.of(), java.util.Map.of(), List.of("malignant", "benign"), null, java.util.Map.of(), null, null, java.util.Map.of());
        Predictions p = score(load("breast_cancer.json", config), "breast_cancer.csv", ScanSpec.of("diagnosis"));
        assertThat(p.classes()).containsExactly("malignant", "benign");
    }

    @Test
    void missingColumnsAndBadFilesFailClearly(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        ExternalModel loaded = load("breast_cancer.json", ModelConfig.NONE);
        Table iris = new CsvTableReader().read(tabular("iris.csv"), ReadOptions.DEFAULT);
        assertThatThrownBy(() -> ScanData.forModel(iris, ScanSpec.of("species"), loaded.task(), loaded.classes(), loaded.classCount()))
                .hasMessageContaining("3 classes").hasMessageContaining("classes");
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"not\": \"a model\"}");
        assertThatThrownBy(() -> ModelSources.find("xgboost:" + junk).orElseThrow().load("xgboost:" + junk, ModelConfig.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("junk.json");
        assertThatThrownBy(() -> ModelSources.check("onnxx:model.onnx"))
                .hasMessageContaining("builtin:gbm").hasMessageContaining("xgboost:…");
    }

    static ModelConfig creditConfig() {
        return ModelConfigFile.read(FIXTURES.resolve("credit_binary.config.json"));
    }
}
