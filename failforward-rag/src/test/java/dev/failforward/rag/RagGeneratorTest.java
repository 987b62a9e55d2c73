package dev.failforward.rag;

import dev.failforward.failure.Failure;
import dev.failforward.progress.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The generator rule on the shared set's questions, against a real chat-completions server in a process
 * of its own ({@link ExtractiveChatServer}: it answers with the context sentence that best overlaps the
 * question). Each question's reference answer is the first sentence of its relevant passage, so an
 * extractive answer matches when that sentence is the one that overlaps the question most, and misses
 * otherwise: both outcomes occur on real questions.
 */
class RagGeneratorTest {

    @TempDir
    static Path dir;
    static Process server;
    static String url;
    static List<Question> questions;
    static Qrels qrels;
    static RagIndex index;

    @BeforeAll
    static void startTheServerAndIndex() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The first two requests get 503: the answers must still arrive, by retrying.
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ExtractiveChatServer.class.getName(), "2")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        url = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(url).startsWith("http://127.0.0.1:");
        List<Passage> corpus = CorpusFile.read(RagData.corpus());
        Map<String, String> firstSentence = corpus.stream().collect(Collectors.toMap(Passage::id, p -> p.text().strip().split("(?<=[.!?])\\s+")[0]));
        qrels = Qrels.read(RagData.qrels());
        questions = QueriesFile.read(RagData.queries()).stream().map(q -> new Question(q.qid(), q.question(), q.source(),
                firstSentence.get(qrels.relevant(q.qid()).keySet().iterator().next()), q.metadata())).toList();
        // BM25 alone: the rule is about the answer, and words need no embedding.
        RagIndex.build(dir.resolve("idx"), "corpus.jsonl", corpus, List.of("text"), Chunking.WHOLE, null, Progress.NONE);
        index = RagIndex.open(dir.resolve("idx"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        index.close();
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void answersThatMatchPassAndAnswersThatMissFailAsGenerator() {
        ChatGenerator generator = new ChatGenerator(url, "extractive", 4, Duration.ofSeconds(30));
        AnswerCheck check = new AnswerCheck(generator, 5, 0.5);
        RagResult r = RagEvaluator.evaluate(index, null, Mode.BM25, questions, qrels, EvalSettings.defaults(), check, 42, Progress.NONE);
        assertThat(generator.failedQuestions()).isZero();
        List<QuestionResult> answered = r.questions().stream().filter(q -> q.answer() != null).toList();
        // Exactly the questions whose relevant passage was among the 5 given as context were asked.
        assertThat(answered).hasSize((int) Math.round(198 * r.overall().hitAt().get(5)));
        assertThat(answered).allSatisfy(q -> assertThat(q.firstRank()).isBetween(1, 5));
        List<QuestionResult> matched = answered.stream().filter(q -> !q.failed()).toList();
        List<QuestionResult> missed = answered.stream().filter(QuestionResult::failed).toList();
        System.out.printf("generator rule: %d answered, %d match (F1 >= 0.5), %d generator failures, mean F1 %.3f%n",
                answered.size(), matched.size(), missed.size(), r.answerF1());
        assertThat(matched).isNotEmpty().allSatisfy(q -> {
            assertThat(q.answer().f1()).isGreaterThanOrEqualTo(0.5);
            assertThat(q.cause()).isNull();
        });
        // An extractive answer that is the reference sentence itself scores 1.
        assertThat(matched).anySatisfy(q -> {
            assertThat(q.answer().text()).isEqualTo(q.question().answer());
            assertThat(q.answer().f1()).isEqualTo(1.0);
        });
        assertThat(missed).isNotEmpty().allSatisfy(q -> {
            assertThat(q.cause().tag()).isEqualTo(Cause.GENERATOR);
            assertThat(q.answer().f1()).isLessThan(0.5);
            assertThat(q.cause().evidence()).containsEntry("answer", q.answer().text()).containsEntry("f1", q.answer().f1())
                    .containsEntry("reference", q.question().answer()).containsEntry("relevant_rank", q.firstRank());
            assertThat(q.answer().f1()).isCloseTo(AnswerF1.of(q.answer().text(), q.question().answer()), within(1e-12));
        });
        // Retrieval misses keep their retrieval cause and were not sent to the generator.
        assertThat(r.failures()).filteredOn(q -> q.answer() == null).isNotEmpty()
                .allSatisfy(q -> assertThat(q.cause().tag()).isNotEqualTo(Cause.GENERATOR));
        assertThat(r.causes().get(Cause.GENERATOR)).isEqualTo(missed.size());
        // In the log a generator failure holds the reference as expected, the answer as predicted, loss = 1 - F1.
        List<Failure> logged = RagFailures.failures(r, "RUN").stream().filter(f -> f.causeTags().contains(Cause.GENERATOR)).toList();
        assertThat(logged).hasSize(missed.size());
        Map<String, QuestionResult> byQid = missed.stream().collect(Collectors.toMap(q -> q.question().qid(), q -> q));
        assertThat(logged).allSatisfy(f -> {
            QuestionResult q = byQid.get(f.rowKey());
            assertThat(f.expected()).isEqualTo(q.question().answer());
            assertThat(f.predicted()).isEqualTo(q.answer().text());
            assertThat(f.loss()).isCloseTo(1 - q.answer().f1(), within(1e-12));
            assertThat(f.origin()).isEqualTo(RagFailures.ORIGIN);
            assertThat(f.probabilities()).hasSize(5);
        });
        // A stricter threshold turns matches into generator failures, never the reverse.
        RagResult strict = RagEvaluator.evaluate(index, null, Mode.BM25, questions, qrels, EvalSettings.defaults(),
                new AnswerCheck(generator, 5, 0.99), 42, Progress.NONE);
        assertThat(strict.causes().get(Cause.GENERATOR)).isGreaterThan(missed.size())
                .isEqualTo((int) strict.questions().stream().filter(q -> q.answer() != null && q.answer().f1() < 0.99).count());
    }

    /** A judge endpoint decides in place of the F1 rule: here one that accepts a token F1 of 0.3, so fewer answers fail. */
    @Test
    void aJudgeDecidesInPlaceOfTokenF1() {
        ChatGenerator generator = new ChatGenerator(url, "extractive", 4, Duration.ofSeconds(30));
        HttpGrader judge = new HttpGrader(url.replace("/v1/chat/completions", "/judge"), 4, Duration.ofSeconds(30));
        RagResult r = RagEvaluator.evaluate(index, null, Mode.BM25, questions, qrels, EvalSettings.defaults(),
                new AnswerCheck(generator, 5, 0.5, judge), 42, Progress.NONE);
        assertThat(judge.failedAnswers()).isZero();
        List<QuestionResult> answered = r.questions().stream().filter(q -> q.answer() != null).toList();
        assertThat(answered).hasSize((int) Math.round(198 * r.overall().hitAt().get(5)));
        assertThat(answered).allSatisfy(q -> assertThat(q.failed()).isEqualTo(q.answer().f1() < ExtractiveChatServer.JUDGE_F1));
        assertThat(answered).anyMatch(q -> !q.failed() && q.answer().f1() < 0.5);
        assertThat(r.failures()).filteredOn(q -> Cause.GENERATOR.equals(q.cause().tag())).isNotEmpty()
                .allSatisfy(q -> assertThat(q.cause().evidence()).containsEntry("judge", judge.id()).doesNotContainKey("min_f1"));
        // A judge that answers otherwise than the contract stops the run with its message.
        HttpGrader wrong = new HttpGrader(url, 2, Duration.ofSeconds(30));
        assertThatThrownBy(() -> RagEvaluator.evaluate(index, null, Mode.BM25, questions.subList(0, 40), qrels, EvalSettings.defaults(),
                new AnswerCheck(generator, 5, 0.5, wrong), 42, Progress.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void aGeneratorThatNeverAnswersLeavesTheQuestionsUnjudged() {
        ChatGenerator gone = new ChatGenerator("http://127.0.0.1:1/v1/chat/completions", "x", 4, Duration.ofSeconds(2));
        List<Question> few = questions.subList(0, 8);
        RagResult r = RagEvaluator.evaluate(index, null, Mode.BM25, few, qrels, EvalSettings.defaults(), new AnswerCheck(gone, 5, 0.5), 42,
                Progress.NONE);
        assertThat(gone.failedQuestions()).isPositive();
        assertThat(gone.lastError()).contains("127.0.0.1:1");
        assertThat(r.answered()).isZero();
        assertThat(r.causes()).doesNotContainKey(Cause.GENERATOR);
    }

    @Test
    void tokenF1AsSquadCountsIt() {
        assertThat(AnswerF1.of("The cat sat.", "a cat sat on the mat")).isCloseTo(2 * 1.0 * 0.5 / 1.5, within(1e-12));
        assertThat(AnswerF1.of("Strings are immutable", "strings are IMMUTABLE!")).isEqualTo(1.0);
        assertThat(AnswerF1.of("nothing shared", "different words")).isZero();
        assertThat(AnswerF1.of("", "reference")).isZero();
    }
}
