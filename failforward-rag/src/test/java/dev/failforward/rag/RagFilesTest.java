package dev.failforward.rag;

import dev.failforward.data.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading corpora, questions and qrels: the shared set reads whole, and bad lines are named by file, line and column. */
class RagFilesTest {

    @TempDir
    Path dir;

    @Test
    void theSharedSetReadsWhole() {
        List<Passage> corpus = CorpusFile.read(RagData.corpus());
        List<Question> questions = QueriesFile.read(RagData.queries());
        Qrels qrels = Qrels.read(RagData.qrels());
        assertThat(corpus).hasSize(2076);
        assertThat(corpus.get(0).title()).isNotBlank();
        assertThat(questions).hasSize(198);
        assertThat(questions.get(0).source()).isEqualTo("pyfaq");
        assertThat(questions.get(0).metadata()).containsKey("doc_id");
        assertThat(qrels.byQuestion()).hasSize(198);
        assertThat(qrels.relevant("q0193")).isEqualTo(Map.of("pyfaq-00255", 1));
    }

    @Test
    void aBrokenJsonLineIsNamedByLineAndColumn() throws Exception {
        Path file = dir.resolve("corpus.jsonl");
        Files.writeString(file, "{\"id\": \"a\", \"text\": \"fine\"}\n\n{\"id\": \"b\", \"text\": oops}\n");
        assertThatThrownBy(() -> CorpusFile.read(file)).isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ":3:21: not valid JSON");
    }

    @Test
    void aMissingFieldOrDuplicateIdIsNamed() throws Exception {
        Path missing = dir.resolve("q.jsonl");
        Files.writeString(missing, "{\"qid\": \"q1\", \"question\": \"why?\"}\n{\"qid\": \"q2\"}\n");
        assertThatThrownBy(() -> QueriesFile.read(missing)).hasMessage(missing + ":2:1: missing field 'question'");
        Path twice = dir.resolve("c.jsonl");
        Files.writeString(twice, "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"a\", \"text\": \"y\"}\n");
        assertThatThrownBy(() -> CorpusFile.read(twice)).hasMessage(twice + ":2:1: passage id 'a' already on line 1");
        Path array = dir.resolve("a.jsonl");
        Files.writeString(array, "[1, 2]\n");
        assertThatThrownBy(() -> CorpusFile.read(array)).hasMessage(array + ":1:1: expected a JSON object per line");
    }

    @Test
    void qrelsReadWithHeaderOrInTrecForm() throws Exception {
        Path tsv = dir.resolve("qrels.tsv");
        Files.writeString(tsv, "qid\tdoc_id\trelevance\nq1\td1\t1\nq1\td2\t2\nq2\td3\t0\n");
        Qrels three = Qrels.read(tsv);
        assertThat(three.relevant("q1")).containsExactly(Map.entry("d1", 1), Map.entry("d2", 2));
        assertThat(three.relevant("q2")).isEmpty();
        Path trec = dir.resolve("qrels.trec");
        Files.writeString(trec, "q1 0 d1 1\nq1 0 d9 3\n");
        assertThat(Qrels.read(trec).relevant("q1")).containsExactly(Map.entry("d1", 1), Map.entry("d9", 3));
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "qid\tdoc_id\trelevance\nq1\td1\thigh\n");
        assertThatThrownBy(() -> Qrels.read(bad)).hasMessage(bad + ":2:7: relevance 'high' is not a whole number");
        Path ragged = dir.resolve("ragged.tsv");
        Files.writeString(ragged, "qid\tdoc_id\trelevance\nq1\td1\n");
        assertThatThrownBy(() -> Qrels.read(ragged)).hasMessage(ragged + ":2:1: expected 3 columns like the first line, found 2");
    }

    @Test
    void metricsFollowTheirDefinitions() {
        List<Hit> ranking = List.of(new Hit("x", 3), new Hit("a", 2), new Hit("y", 1), new Hit("b", 0.5));
        Map<String, Integer> relevant = Map.of("a", 1, "b", 1);
        assertThat(Scores.firstRank(ranking, relevant)).isEqualTo(2);
        assertThat(Scores.recallAt(ranking, relevant, List.of(1, 2, 4))).containsExactly(Map.entry(1, 0.0), Map.entry(2, 0.5), Map.entry(4, 1.0));
        double dcg = 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(5) / Math.log(2));
        double idcg = 1 + 1 / (Math.log(3) / Math.log(2));
        assertThat(Scores.ndcg(ranking, relevant, 10)).isCloseTo(dcg / idcg, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RagIndex.fuse(List.of(new Hit("a", 9), new Hit("b", 8)), List.of(new Hit("b", 0.9), new Hit("c", 0.8)), 3))
                .extracting(Hit::id).containsExactly("b", "a", "c");
    }

    @Test
    void chunksAreWordWindowsWithOverlap() {
        Chunking c = new Chunking(4, 1);
        assertThat(c.split("one two three four five six seven eight nine ten"))
                .containsExactly("one two three four", "four five six seven", "seven eight nine ten");
        assertThat(c.split("short text")).containsExactly("short text");
        assertThatThrownBy(() -> new Chunking(4, 4)).hasMessageContaining("must be smaller");
    }
}
