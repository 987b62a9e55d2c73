package dev.failforward.model.builtin;

import dev.failforward.model.Model;
import dev.failforward.scan.ScanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved model loads back to the same model, and files that are not models are refused with their name. */
class ModelFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void loadedModelPredictsExactlyAsSaved(String modelId) {
        SharedData.Trained trained = SharedData.trained("titanic.csv", "survived", modelId);
        ScanData data = trained.data();
        Path file = dir.resolve("model.ffm");

        ModelFiles.save(trained.model(), file);
        Model loaded = ModelFiles.load(file);

        assertThat(loaded.id()).isEqualTo(modelId);
        assertThat(loaded.target()).isEqualTo(trained.model().target());
        assertThat(loaded.fingerprint()).isEqualTo(trained.model().fingerprint());
        assertThat(loaded.predict(data.test()).probabilities()).isEqualTo(trained.model().predict(data.test()).probabilities());
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"builtin:gbm", "builtin:logistic", "builtin:tree"})
    void regressionModelsRoundTrip(String modelId) {
        SharedData.Trained trained = SharedData.trained("ames_housing.csv", "Sale_Price", modelId);
        Path file = dir.resolve("nested/dir/ames.ffm");

        ModelFiles.save(trained.model(), file);
        ModelFiles.save(trained.model(), file);
        Model loaded = ModelFiles.load(file);

        assertThat(loaded.predict(trained.data().test()).values()).isEqualTo(trained.model().predict(trained.data().test()).values());
        assertThat(loaded.fingerprint()).isEqualTo(trained.model().fingerprint());
    }

    @Test
    void otherFilesAreRefusedWithTheirName() throws IOException {
        Path csv = SharedData.tabular("iris.csv");
        assertThatThrownBy(() -> ModelFiles.load(csv))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(csv + ": not a FailForward model file");

        Path empty = Files.createFile(dir.resolve("empty.ffm"));
        assertThatThrownBy(() -> ModelFiles.load(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(empty + ": not a FailForward model file");

        Path absent = dir.resolve("absent.ffm");
        assertThatThrownBy(() -> ModelFiles.load(absent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(absent + ": ");
    }

    @Test
    void truncatedFileIsReportedAsDamaged() throws IOException {
        Path file = dir.resolve("model.ffm");
        ModelFiles.save(SharedData.trained("iris.csv", "species", "builtin:tree").model(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ModelFiles.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("damaged");
    }

    @Test
    void serializedObjectsOfOtherClassesAreNotDeserialized() throws IOException {
        Path file = dir.resolve("crafted.ffm");
        try (OutputStream raw = Files.newOutputStream(file)) {
            raw.write("FAILFORWARD-MODEL 1\n".getBytes(StandardCharsets.US_ASCII));
            ObjectOutputStream out = new ObjectOutputStream(raw);
            out.writeObject(new java.util.concurrent.atomic.AtomicLong(7));
            out.flush();
        }

        assertThatThrownBy(() -> ModelFiles.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void onlyBuiltInModelsCanBeSaved() {
        Model foreign = new Model() {
            @Override
            public String id() {
                return "onnx:elsewhere";
            }

            @Override
            public dev.failforward.model.Target target() {
                return null;
            }

            @Override
            public dev.failforward.model.Predictions predict(dev.failforward.data.Table rows) {
                return null;
            }

            @Override
            public String fingerprint() {
                return "";
            }
        };
        assertThatThrownBy(() -> ModelFiles.save(foreign, dir.resolve("x.ffm")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("onnx:elsewhere");
        assertThat(new ArrayList<>(Arrays.asList(dir.toFile().list()))).isEmpty();
    }
}
