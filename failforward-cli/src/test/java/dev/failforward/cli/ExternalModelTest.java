package dev.failforward.cli;

import dev.failforward.log.FailureLog;
import dev.failforward.run.Run;
import dev.failforward.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code scan --model xgboost:…} and {@code model inspect} on XGBoost files made by Python's xgboost
 * (fixtures of failforward-models): every row scored, xgboost's own probabilities, the file recorded.
 */
class ExternalModelTest {

    static final Path FIXTURES = Path.of(System.getProperty("failforward.root", ".."))
            .resolve("failforward-models/src/test/resources/xgboost");

    @TempDir
    Path dir;

    private Cli scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", "--out", dir.resolve("out").toString(),
                "--store", dir.resolve("ff.db").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private static List<String[]> csv(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split(",")).toList();
    }

    @Test
    void scansEveryRowWithXgboostsOwnProbabilitiesAndRecordsTheFile() throws Exception {
        Path model = FIXTURES.resolve("credit_binary.ubj");
        Cli cli = scan("--data", Datasets.tabular("credit_data.csv").toString(), "--target", "Status",
                "--model", "xgboost:" + model, "--model-config", FIXTURES.resolve("credit_binary.config.json").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("4454 scored rows");
        List<String[]> rows = csv(dir.resolve("out/predictions.csv"));
        List<String> reference = Files.readAllLines(FIXTURES.resolve("credit_binary.predictions.csv"));
        assertThat(rows).hasSize(4454);
        assertThat(Files.readAllLines(dir.resolve("out/predictions.csv")).get(0)).endsWith("p_bad,p_good");
        for (String[] r : rows) {
            int key = Integer.parseInt(r[0]);
            assertThat(Double.parseDouble(r[6])).as("row %d", key).isCloseTo(Double.parseDouble(reference.get(key)), within(1e-6));
        }
        try (FailureLog log = Stores.open(dir.resolve("ff.db").toString())) {
            Run run = log.runs().get(0);
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETE);
            assertThat(run.modelId()).isEqualTo("xgboost:" + model);
            assertThat(run.modelPath()).isEqualTo(model.toAbsolutePath().normalize().toString());
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
            assertThat(run.modelFingerprint()).isEqualTo(sha);
            assertThat(run.predictionCount()).isEqualTo(4454);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("models");
    }

    @Test
    void scansAnOnnxModelOnEveryRow() throws IOException {
        Path onnx = FIXTURES.resolveSibling("onnx");
        Cli cli = scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "species",
                "--model", "onnx:" + onnx.resolve("tribuo_iris.onnx"), "--model-config", onnx.resolve("tribuo_iris.config.json").toString());
        assertThat(cli.exit()).as(cli.err()).isZero();
        List<String[]> rows = csv(dir.resolve("out/predictions.csv"));
        assertThat(rows).hasSize(150);
        assertThat(Files.readAllLines(dir.resolve("out/predictions.csv")).get(0)).endsWith("p_virginica,p_setosa,p_versicolor");
        List<String> reference = Files.readAllLines(onnx.resolve("tribuo_iris.predictions.csv"));
        for (String[] r : rows) {
            String[] ref = reference.get(Integer.parseInt(r[0])).split(",");
            for (int c = 0; c < 3; c++) {
                assertThat(Double.parseDouble(r[5 + c])).isCloseTo(Double.parseDouble(ref[c]), within(1e-5));
            }
        }
        Cli inspect = Cli.run("model", "inspect", "--model", "onnx:" + onnx.resolve("titanic_columns.onnx"));
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("Inputs (5)").contains("string[N,1]").contains("output_probability");
    }

    @Test
    void withTestFileOnlyItsRowsAreScored() throws IOException {
        List<String> lines = Files.readAllLines(Datasets.tabular("iris.csv"));
        Path test = Files.write(dir.resolve("test.csv"), lines.subList(0, 41));
        Cli cli = scan("--data", Datasets.tabular("iris.csv").toString(), "--test", test.toString(), "--target", "species",
                "--model", "xgboost:" + FIXTURES.resolve("iris_multi.json"));
        assertThat(cli.exit()).as(cli.err()).isZero();
        List<String[]> rows = csv(dir.resolve("out/predictions.csv"));
        assertThat(rows).hasSize(40);
        List<String> reference = Files.readAllLines(FIXTURES.resolve("iris_multi.predictions.csv"));
        String[] first = reference.get(0).split(",");
        assertThat(Double.parseDouble(rows.get(0)[5])).isCloseTo(Double.parseDouble(first[0]), within(1e-6));
    }

    @Test
    void inspectPrintsInputsOutputsAndClassesOfEachFixture() {
        for (String name : List.of("breast_cancer.json", "credit_binary.ubj", "iris_multi.json", "iris_regression.ubj")) {
            Cli cli = Cli.run("model", "inspect", "--model", "xgboost:" + FIXTURES.resolve(name));
            assertThat(cli.exit()).as(name + ": " + cli.err()).isZero();
            assertThat(cli.out()).contains("Inputs (").contains("Outputs:").contains("classes:").contains("objective:");
        }
        Cli cancer = Cli.run("model", "inspect", "--model", "xgboost:" + FIXTURES.resolve("breast_cancer.json"));
        assertThat(cancer.out()).contains("Inputs (30)").contains("mean radius").contains("P(second class)");
        Cli iris = Cli.run("model", "inspect", "--model", "xgboost:" + FIXTURES.resolve("iris_multi.json"),
                "--data", Datasets.tabular("iris.csv").toString(), "--target", "species");
        assertThat(iris.exit()).as(iris.err()).isZero();
        assertThat(iris.out()).contains("3 class probabilities").contains("<- column 'petal width (cm)'");
    }

    @Test
    void badModelsAndConfigsAreOneLineAndExitTwo() throws IOException {
        String data = Datasets.tabular("breast_cancer.csv").toString();
        Cli unknown = scan("--data", data, "--target", "diagnosis", "--model", "onnxx:m.onnx");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown model 'onnxx:m.onnx'").contains("builtin:gbm").contains("xgboost:…");

        Path config = Files.writeString(dir.resolve("bad.json"), "{\"clases\": [\"a\", \"b\"]}");
        Cli typo = scan("--data", data, "--target", "diagnosis", "--model", "xgboost:" + FIXTURES.resolve("breast_cancer.json"),
                "--model-config", config.toString());
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("unknown key 'clases'").contains("features, columns, classes, task, categories, output, activation, endpoint");

        Cli builtin = scan("--data", data, "--target", "diagnosis", "--model", "builtin:logistic", "--model-config", config.toString());
        assertThat(builtin.exit()).isEqualTo(2);
        assertThat(builtin.err()).contains("--model-config applies to models trained elsewhere");

        Cli missing = scan("--data", data, "--target", "diagnosis", "--model", "xgboost:" + dir.resolve("nope.json"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");

        Cli wrongData = scan("--data", Datasets.tabular("iris.csv").toString(), "--target", "species",
                "--model", "xgboost:" + FIXTURES.resolve("breast_cancer.json"));
        assertThat(wrongData.exit()).isEqualTo(2);
        assertThat(wrongData.err().lines().filter(l -> l.startsWith("failforward:")).toList()).hasSize(1);
        assertThat(Files.exists(dir.resolve("out/report.html"))).isFalse();
    }
}
