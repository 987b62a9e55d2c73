import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TextColumn;
import dev.failforward.model.text.MiniLmEmbedder;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Sentences per second of builtin:text-minilm-logistic's embedder on the 3,000 sentiment sentences, cache cleared each round. */
public class TextEmbeddingBenchmark {
    public static void main(String[] args) {
        Table t = new CsvTableReader().read(Path.of(args[0], "text/sentiment_sentences.csv"), ReadOptions.DEFAULT);
        List<String> sentences = Arrays.asList(((TextColumn) t.column("text")).values());
        int repeats = Integer.parseInt(args[1]);
        MiniLmEmbedder embedder = MiniLmEmbedder.shared();
        embedder.embed(sentences.subList(0, 50));
        for (int r = 1; r <= repeats; r++) {
            embedder.clearCache();
            long start = System.nanoTime();
            embedder.embed(sentences);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %d sentences in %.1f s = %.0f sentences/s (%d processors)%n", r, sentences.size(),
                    seconds, sentences.size() / seconds, Runtime.getRuntime().availableProcessors());
        }
        long start = System.nanoTime();
        embedder.embed(sentences);
        System.out.printf("cached: %d sentences in %.3f s%n", sentences.size(), (System.nanoTime() - start) / 1e9);
    }
}
