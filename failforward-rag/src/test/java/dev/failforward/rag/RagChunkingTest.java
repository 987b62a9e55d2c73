package dev.failforward.rag;

import dev.failforward.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The planted chunking problem on the shared set (BM25, so the test needs no embeddings): cut into
 * 40-word chunks, questions whose answer was split and whose whole passage ranks within 10 are
 * classified {@code chunking}; with whole passages the rule never fires.
 */
class RagChunkingTest {

    private static final int K = 10;

    @TempDir
    Path dir;

    @Test
    void aSplitPassageThatWouldRankWholeIsClassifiedChunking() {
        List<Passage> corpus = CorpusFile.read(RagData.corpus());
        List<Question> questions = QueriesFile.read(RagData.queries());
        Qrels qrels = Qrels.read(RagData.qrels());
        IndexInfo info = RagIndex.build(dir.resolve("chunks"), "corpus.jsonl", corpus, List.of("text"), new Chunking(40, 0), null, Progress.NONE);
        assertThat(info.splitPassages()).as("long passages are cut").isGreaterThan(1000);
        try (RagIndex index = RagIndex.open(dir.resolve("chunks"))) {
            RagResult r = RagEvaluator.evaluate(index, null, Mode.BM25, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
            List<QuestionResult> chunking = r.failures().stream().filter(q -> q.cause().tag().equals(Cause.CHUNKING)).toList();
            assertThat(chunking).hasSizeGreaterThanOrEqualTo(5);
            for (QuestionResult q : chunking) {
                Map<String, Object> e = q.cause().evidence();
                String passage = (String) e.get("passage");
                assertThat(q.relevant()).containsKey(passage);
                assertThat(index.chunks(passage)).isGreaterThan(1).isEqualTo(e.get("chunks"));
                assertThat((Integer) e.get("whole_rank")).isBetween(1, K);
                assertThat(q.firstRank() == 0 || q.firstRank() > K).as("no chunk within k").isTrue();
            }
            // "Why must 'self' be used explicitly ...": its answer is cut into 10 chunks; whole, BM25 ranks it 2nd.
            QuestionResult self = r.questions().stream().filter(q -> q.question().qid().equals("q0196")).findFirst().orElseThrow();
            assertThat(self.failed()).isTrue();
            assertThat(self.cause().tag()).isEqualTo(Cause.CHUNKING);
        }
        RagIndex.build(dir.resolve("whole"), "corpus.jsonl", corpus, List.of("text"), Chunking.WHOLE, null, Progress.NONE);
        try (RagIndex index = RagIndex.open(dir.resolve("whole"))) {
            RagResult r = RagEvaluator.evaluate(index, null, Mode.BM25, questions, qrels, EvalSettings.defaults(), 42, Progress.NONE);
            assertThat(r.causes()).doesNotContainKey(Cause.CHUNKING).isNotEmpty();
            QuestionResult self = r.questions().stream().filter(q -> q.question().qid().equals("q0196")).findFirst().orElseThrow();
            assertThat(self.failed()).as("whole, the passage is found").isFalse();
            assertThat(r.failures()).allSatisfy(q -> assertThat(q.cause()).isNotNull());
        }
    }
}
