package dev.failforward.model.onnx;

import dev.failforward.data.Table;
import dev.failforward.model.ExternalModel;
import dev.failforward.model.ModelConfig;
import dev.failforward.model.ModelDescription;
import dev.failforward.model.Predictions;
import dev.failforward.model.external.ModelConfigFile;
import dev.failforward.scan.ScanSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * An ONNX text model that reads token ids (a PyTorch bag-of-tokens classifier exported with
 * torch.onnx.export, trained on all-MiniLM-L6-v2 WordPiece ids of the sentiment sentences): with the
 * declared tokenizer (the MiniLM tokenizer.json from its Maven jar) FailForward makes the ids from the
 * text column and scores as torch did; without one, or with a tokenizer on a tabular model, it says what
 * is missing.
 */
class OnnxTextTest {

    @TempDir
    Path dir;

    private Table sentiment() {
        return new dev.failforward.data.CsvTableReader().read(Path.of(System.getProperty("failforward.root", ".."))
                .resolve("datasets/text/sentiment_sentences.csv"), dev.failforward.data.ReadOptions.DEFAULT);
    }

    private ModelConfig config(String json) throws IOException {
        return ModelConfigFile.read(Files.writeString(dir.resolve("text.config.json"), json));
    }

    @Test
    void tokenizesTheTextColumnAndScoresAsTorchDid() throws IOException {
        MakeTextTokenIds.tokenizer(dir);
        // A relative tokenizer path is relative to the configuration file.
        ExternalModel loaded = OnnxSourceTest.load("text_tokens.onnx", config("{\"tokenizer\": \"huggingface:tokenizer.json\"}"));
        Predictions p = OnnxSourceTest.score(loaded, sentiment(), ScanSpec.of("label"));
        double[][] torch = OnnxSourceTest.reference("text_tokens");
        assertThat(p.rows()).isEqualTo(3000).isEqualTo(torch.length);
        assertThat(p.classes()).containsExactly("0", "1");
        for (int i = 0; i < torch.length; i++) {
            for (int c = 0; c < 2; c++) {
                assertThat(p.probability(i, c)).as("row %d class %d", i, c).isCloseTo(torch[i][c], within(1e-5));
            }
        }
        ModelDescription d = loaded.describe(sentiment().withRole("label", dev.failforward.data.ColumnRole.TARGET));
        assertThat(d.inputs()).extracting(ModelDescription.Input::name).containsExactly("input_ids", "attention_mask");
        assertThat(d.inputs().get(0).feed()).contains("column 'text'").contains("tokenizer.json");
        assertThat(d.details()).containsEntry("input layout", "token ids of one text column");
    }

    @Test
    void aTokenModelWithoutTokenizerAndATokenizerWithoutTokenModelAreBadInput() throws IOException {
        assertThatThrownBy(() -> OnnxSourceTest.load("text_tokens.onnx", ModelConfig.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input_ids").hasMessageContaining("\"tokenizer\"");
        MakeTextTokenIds.tokenizer(dir);
        ModelConfig withTokenizer = config("{\"tokenizer\": \"huggingface:" + dir.resolve("tokenizer.json") + "\"}");
        assertThatThrownBy(() -> OnnxSourceTest.load("torch_mlp.onnx", withTokenizer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenizer applies to models that read token ids");
        assertThatThrownBy(() -> config("{\"tokenizer\": \"tokenizer.json\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected huggingface:PATH");
        assertThatThrownBy(() -> OnnxSourceTest.load("text_tokens.onnx", config("{\"tokenizer\": \"huggingface:nope.json\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such file");
        Path notJson = Files.writeString(dir.resolve("bad.json"), "{\"model\": 1}");
        assertThatThrownBy(() -> OnnxSourceTest.load("text_tokens.onnx", config("{\"tokenizer\": \"huggingface:" + notJson + "\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a tokenizer.json");
        // Two text-like columns and none named: the model is told which one to read.
        ExternalModel loaded = OnnxSourceTest.load("text_tokens.onnx", withTokenizer);
        Table two = sentiment().replace(new dev.failforward.data.TextColumn("source",
                java.util.stream.IntStream.range(0, 3000).mapToObj(i -> "free text " + i).toArray(String[]::new)));
        assertThatThrownBy(() -> OnnxSourceTest.score(loaded, two, ScanSpec.of("label")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 text columns");
        assertThat(OnnxSourceTest.score(OnnxSourceTest.load("text_tokens.onnx",
                config("{\"tokenizer\": \"huggingface:" + dir.resolve("tokenizer.json") + "\", \"features\": [\"text\"]}")),
                two, ScanSpec.of("label")).rows()).isEqualTo(3000);
    }
}
