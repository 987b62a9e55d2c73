package dev.failforward.model.onnx;

import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the Tribuo fixture once (not a test): trains Tribuo's logistic regression on iris, exports it with
 * Tribuo's own ONNX exporter to {@code tribuo_iris.onnx}, and writes Tribuo's probabilities for every row
 * and the model-config that says the input's column order and the output's class order (Tribuo orders
 * features by name). Run from failforward-models with the test classpath:
 * {@code java -cp target/test-classes:$(cat cp.txt) dev.failforward.model.onnx.MakeTribuoOnnxFixture ../datasets/tabular/iris.csv src/test/resources/onnx}
 */
public final class MakeTribuoOnnxFixture {

    private MakeTribuoOnnxFixture() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        Path out = Path.of(args[1]);
        String[] header = lines.get(0).split(",");
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            ArrayExample<Label> e = new ArrayExample<>(new Label(v[4]));
            for (int j = 0; j < 4; j++) {
                e.add(header[j], Double.parseDouble(v[j]));
            }
            examples.add(e);
        }
        MutableDataset<Label> data = new MutableDataset<>(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("iris.csv", factory)));
        LinearSGDModel model = new LogisticRegressionTrainer().train(data);
        model.saveONNXModel("dev.failforward.test", 1, out.resolve("tribuo_iris.onnx"));
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            classes.add(labels.getOutput(i).getLabel());
        }
        List<String> features = new ArrayList<>();
        for (VariableInfo f : model.getFeatureIDMap()) {
            features.add(f.getName());
        }
        features.sort((a, b) -> Integer.compare(model.getFeatureIDMap().getID(a), model.getFeatureIDMap().getID(b)));
        StringBuilder predictions = new StringBuilder();
        for (Example<Label> e : examples) {
            Prediction<Label> p = model.predict(e);
            List<String> row = new ArrayList<>();
            for (String c : classes) {
                row.add(Double.toString(p.getOutputScores().get(c).getScore()));
            }
            predictions.append(String.join(",", row)).append('\n');
        }
        Files.writeString(out.resolve("tribuo_iris.predictions.csv"), predictions);
        Files.writeString(out.resolve("tribuo_iris.config.json"), "{\n  \"features\": [" + quoted(features)
                + "],\n  \"classes\": [" + quoted(classes) + "]\n}\n");
    }

    private static String quoted(List<String> values) {
        return String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList());
    }
}
