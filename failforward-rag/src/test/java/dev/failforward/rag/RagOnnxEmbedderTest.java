package dev.failforward.rag;

import dev.failforward.model.text.SentenceEmbedder;
import dev.failforward.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A user's own sentence-embedding ONNX model with its tokenizer.json beside it: the MiniLM graph and
 * tokenizer taken out of the langchain4j jar into a folder of their own, as a user would download them.
 * Its tokenizer file cuts at 128 tokens where the shipped embedder cuts at 256, so long passages embed
 * a little differently: the index must still rank like the shipped one.
 */
class RagOnnxEmbedderTest {

    @TempDir
    static Path dir;

    @Test
    void anOwnOnnxModelRanksLikeTheShippedOne() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("own-minilm"));
        Path model = folder.resolve("model.onnx");
        copy("/all-minilm-l6-v2-q.onnx", model);
        copy("/all-minilm-l6-v2-q-tokenizer.json", folder.resolve(SentenceEmbedder.TOKENIZER_FILE));
        SentenceEmbedder own = SentenceEmbedder.open(model);
        assertThat(own.dimensions()).isEqualTo(384);
        Embedder ownEmbedder = new Embedder() {
            @Override
            public String id() {
                return "onnx:" + model;
            }

            @Override
            public int dimensions() {
                return own.dimensions();
            }

            @Override
            public float[][] embed(List<String> texts, IntConsumer progress) {
                return own.embed(texts, progress);
            }
        };
        // The FAQ answers and the first 200 library sections: every question's answer and distractors.
        List<Passage> corpus = new ArrayList<>();
        int library = 0;
        for (Passage p : CorpusFile.read(RagData.corpus())) {
            if (!"pylib".equals(p.source()) || library++ < 200) {
                corpus.add(p);
            }
        }
        List<Question> questions = QueriesFile.read(RagData.queries());
        Qrels qrels = Qrels.read(RagData.qrels());
        RagIndex.build(dir.resolve("builtin"), "subset", corpus, List.of("text"), Chunking.WHOLE, MiniLm.INSTANCE, Progress.NONE);
        RagIndex.build(dir.resolve("own"), "subset", corpus, List.of("text"), Chunking.WHOLE, ownEmbedder, Progress.NONE);
        try (RagIndex builtin = RagIndex.open(dir.resolve("builtin")); RagIndex mine = RagIndex.open(dir.resolve("own"))) {
            assertThat(mine.info().embedder()).isEqualTo("onnx:" + model);
            RagResult a = RagEvaluator.evaluate(builtin, MiniLm.INSTANCE, Mode.VECTOR, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
            RagResult b = RagEvaluator.evaluate(mine, ownEmbedder, Mode.VECTOR, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
            int same = 0;
            for (int i = 0; i < questions.size(); i++) {
                if (a.questions().get(i).retrieved().get(0).id().equals(b.questions().get(i).retrieved().get(0).id())) {
                    same++;
                }
            }
            System.out.printf("onnx:PATH against builtin:minilm: same top-1 on %d of %d questions; recall@10 %.4f against %.4f%n", same,
                    questions.size(), b.overall().recallAt().get(10), a.overall().recallAt().get(10));
            assertThat(same).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * questions.size()));
            assertThat(b.overall().recallAt().get(10)).isCloseTo(a.overall().recallAt().get(10), org.assertj.core.data.Offset.offset(0.05));
            // Short texts are cut by neither tokenizer: the question vectors are the shipped ones.
            float[] x = own.embed(List.of(questions.get(0).question()))[0];
            float[] y = MiniLm.INSTANCE.embed(List.of(questions.get(0).question()), i -> { })[0];
            assertThat(x).containsExactly(y, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Test
    void aModelWithoutItsTokenizerOrNotAModelIsBadInput() throws IOException {
        Path lonely = Files.createDirectories(dir.resolve("lonely")).resolve("model.onnx");
        copy("/all-minilm-l6-v2-q.onnx", lonely);
        assertThatThrownBy(() -> SentenceEmbedder.open(lonely)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tokenizer.json beside it");
        assertThatThrownBy(() -> SentenceEmbedder.open(dir.resolve("missing.onnx"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no such file");
        Path text = Files.createDirectories(dir.resolve("text")).resolve("model.onnx");
        Files.writeString(text, "not a model");
        copy("/all-minilm-l6-v2-q-tokenizer.json", text.resolveSibling(SentenceEmbedder.TOKENIZER_FILE));
        assertThatThrownBy(() -> SentenceEmbedder.open(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an ONNX model");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = SentenceEmbedder.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, to);
        }
    }
}
