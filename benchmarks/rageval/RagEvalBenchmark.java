import dev.failforward.cli.RagEmbedders;
import dev.failforward.model.text.MiniLmEmbedder;
import dev.failforward.progress.Progress;
import dev.failforward.rag.Embedder;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.Mode;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.QueriesFile;
import dev.failforward.rag.Question;
import dev.failforward.rag.RagEvaluator;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Seconds to evaluate the shared set's questions on an index built beforehand, in one process with the
 * MiniLM model loaded: embedding the questions (cache cleared before every run), BM25 and vector search
 * 100 deep for all three modes, the metrics, the cause of every miss and the clusters of failed
 * questions. The first run warms the JIT and is not counted; the median of the others is printed.
 */
public class RagEvalBenchmark {
    public static void main(String[] args) {
        Path index = Path.of(args[0]);
        Path data = Path.of(args[1], "rag");
        int runs = Integer.parseInt(args[2]);
        List<Question> questions = QueriesFile.read(data.resolve("queries.jsonl"));
        Qrels qrels = Qrels.read(data.resolve("qrels.tsv"));
        Embedder minilm = RagEmbedders.find(RagEmbedders.MINILM);
        long load = System.nanoTime();
        MiniLmEmbedder.shared();
        System.out.printf("MiniLM load: %.2f s%n", (System.nanoTime() - load) / 1e9);
        try (RagIndex idx = RagIndex.open(index)) {
            for (Mode mode : Mode.values()) {
                double[] seconds = new double[runs];
                RagResult last = null;
                for (int r = -1; r < runs; r++) {
                    MiniLmEmbedder.shared().clearCache();
                    long start = System.nanoTime();
                    last = RagEvaluator.evaluate(idx, minilm, mode, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
                    if (r >= 0) {
                        seconds[r] = (System.nanoTime() - start) / 1e9;
                    }
                }
                Arrays.sort(seconds);
                System.out.printf("eval --mode %-6s %d questions: median %.2f s (min %.2f, max %.2f) over %d runs; recall@10 %.4f, %d failed%n",
                        mode.id(), questions.size(), seconds[runs / 2], seconds[0], seconds[runs - 1], runs,
                        last.overall().recallAt().get(10), last.failures().size());
            }
        }
    }
}
