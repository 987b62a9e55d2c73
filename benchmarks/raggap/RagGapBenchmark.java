import dev.failforward.cli.RagEmbedders;
import dev.failforward.progress.Progress;
import dev.failforward.rag.Cause;
import dev.failforward.rag.Chunking;
import dev.failforward.rag.CorpusFile;
import dev.failforward.rag.Embedder;
import dev.failforward.rag.EvalSettings;
import dev.failforward.rag.GapModel;
import dev.failforward.rag.Hit;
import dev.failforward.rag.LocalRankings;
import dev.failforward.rag.Mode;
import dev.failforward.rag.Passage;
import dev.failforward.rag.Qrels;
import dev.failforward.rag.QueriesFile;
import dev.failforward.rag.Question;
import dev.failforward.rag.QuestionResult;
import dev.failforward.rag.RagEvaluator;
import dev.failforward.rag.RagIndex;
import dev.failforward.rag.RagResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * How well the coverage-gap rule for questions without qrels separates "answer removed" from "answer
 * present" on the shared set. (1) Every judged question's vector ranking with its answer present and
 * removed (no re-indexing): the area under the ROC curve of each signal alone and of the gap model by
 * 10-fold cross-validation over the questions, with the found / false-alarm rates at each fold's
 * threshold. (2) The planted test of RagSharedSetTest for several draws: 30 questions' passages
 * removed and re-indexed (vectors from the embedder's cache), their qrels and those of 30 answerable
 * questions removed, evaluated in hybrid mode: gaps found, answerable questions and judged misses
 * called gaps; then (1) again on that index with the 138 questions still judged, as the rule sees them.
 */
public class RagGapBenchmark {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0], "rag");
        Path work = Path.of(args[1]);
        int draws = Integer.parseInt(args[2]);
        List<Passage> corpus = CorpusFile.read(data.resolve("corpus.jsonl"));
        List<Question> questions = QueriesFile.read(data.resolve("queries.jsonl"));
        Qrels qrels = Qrels.read(data.resolve("qrels.tsv"));
        Embedder minilm = RagEmbedders.find(RagEmbedders.MINILM);
        long t = System.nanoTime();
        RagIndex.build(work.resolve("full"), "corpus.jsonl", corpus, List.of("text"), Chunking.WHOLE, minilm, Progress.NONE);
        System.out.printf("indexed %d passages in %.0f s%n", corpus.size(), (System.nanoTime() - t) / 1e9);
        try (RagIndex index = RagIndex.open(work.resolve("full"))) {
            System.out.println("(1) all 198 questions judged (every other answer is claimed: optimistic for the candidate-answer signal):");
            separation(index, minilm, questions, qrels);
        }
        System.out.printf("(2) planted gaps, %d draws of 30 removed passages and 30 answerable questions without qrels (hybrid):%n", draws);
        int seed = 17;
        for (int d = 0; d < draws; d++, seed += 100) {
            List<String> ids = new ArrayList<>(questions.stream().map(Question::qid).toList());
            Collections.shuffle(ids, new Random(seed));
            Set<String> planted = new HashSet<>(ids.subList(0, 30));
            List<String> rest = new ArrayList<>(questions.stream().map(Question::qid).filter(q -> !planted.contains(q)).toList());
            Collections.shuffle(rest, new Random(seed + 1));
            Set<String> answerable = new HashSet<>(rest.subList(0, 30));
            Set<String> removed = new HashSet<>();
            planted.forEach(q -> removed.addAll(qrels.relevant(q).keySet()));
            Map<String, Map<String, Integer>> kept = new LinkedHashMap<>(qrels.byQuestion());
            planted.forEach(kept::remove);
            answerable.forEach(kept::remove);
            Path dir = work.resolve("draw" + d);
            Set<String> near = new HashSet<>();
            try (RagIndex index = RagIndex.open(work.resolve("full"))) {
                removed.forEach(p -> near.addAll(index.nearDuplicates(p, 0.9)));
            }
            List<Passage> reduced = corpus.stream().filter(p -> !removed.contains(p.id()) && !near.contains(p.id())).toList();
            RagIndex.build(dir, "reduced", reduced, List.of("text"), Chunking.WHOLE, minilm, Progress.NONE);
            try (RagIndex index = RagIndex.open(dir)) {
                RagResult r = RagEvaluator.evaluate(index, minilm, Mode.HYBRID, questions, new Qrels(kept), EvalSettings.defaults(), 42,
                        Progress.NONE);
                long hit = r.failures().stream().filter(q -> planted.contains(q.question().qid())).count();
                long alarm = r.failures().stream().filter(q -> answerable.contains(q.question().qid())).count();
                List<QuestionResult> judgedMisses = r.failures().stream().filter(QuestionResult::judged).toList();
                long wrong = judgedMisses.stream().filter(q -> q.cause().tag().equals(Cause.COVERAGE_GAP)).count();
                System.out.printf("  seed %3d: planted gaps found %d of 30; answerable called gaps %d of 30; judged misses called gaps %d of %d; "
                                + "other failures called gaps %.1f%%; near-duplicates removed %d%n", seed, hit, alarm, wrong, judgedMisses.size(),
                        100.0 * (alarm + wrong) / (30 + judgedMisses.size()), near.size());
                separation(index, minilm, questions, new Qrels(kept));
            }
        }
    }

    /** Signals' and the gap model's AUC of "answer removed" against "present" over the judged questions of {@code qrels}. */
    private static void separation(RagIndex index, Embedder minilm, List<Question> questions, Qrels qrels) {
        List<LocalRankings> local = LocalRankings.search(index, minilm, questions, 100, Progress.NONE);
        GapModel.Examples ex = GapModel.examples(index, local, questions, qrels);
        int n = ex.present().size();
        System.out.printf("  %d judged questions, each with its answer present and removed; AUC of \"removed\" against \"present\":%n", n);
        Map<String, double[][]> single = new LinkedHashMap<>();
        Map<String, Integer> at = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            at.put(questions.get(i).qid(), i);
        }
        double[][] nearest = new double[2][n];
        double[][] margin = new double[2][n];
        for (int i = 0; i < n; i++) {
            List<Hit> v = local.get(at.get(ex.qids().get(i))).vectors();
            Set<String> own = qrels.relevant(ex.qids().get(i)).keySet();
            List<Hit> gone = v.stream().filter(h -> !own.contains(h.id())).toList();
            nearest[0][i] = -v.get(0).score();
            nearest[1][i] = -gone.get(0).score();
            margin[0][i] = -(v.get(0).score() - v.get(9).score());
            margin[1][i] = -(gone.get(0).score() - gone.get(9).score());
        }
        single.put("nearest-passage similarity (lower = gap)", nearest);
        single.put("margin of the nearest over the 10th (lower = gap)", margin);
        single.put("candidate answer similarity (lower = gap)", both(ex, s -> -s.candidate()));
        single.put("top-10 mean similarity (higher = gap)", both(ex, GapModel.Signals::top10));
        single.put("source share of the nearest unclaimed passage (lower = gap)", both(ex, s -> -s.sourceShare()));
        single.forEach((name, v) -> System.out.printf("  %-62s %.3f%n", name, auc(v[0], v[1])));
        // The model by 10-fold cross-validation: fitted without the held-out questions, scored on them.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        double[] p0 = new double[n];
        double[] p1 = new double[n];
        int found = 0;
        int alarms = 0;
        for (int f = 0; f < 10; f++) {
            List<GapModel.Signals> a = new ArrayList<>();
            List<GapModel.Signals> b = new ArrayList<>();
            Set<Integer> held = new HashSet<>();
            for (int j = f; j < n; j += 10) {
                held.add(order.get(j));
            }
            for (int i = 0; i < n; i++) {
                if (!held.contains(i)) {
                    a.add(ex.present().get(i));
                    b.add(ex.removed().get(i));
                }
            }
            GapModel m = GapModel.fit(a, b);
            for (int i : held) {
                p0[i] = m.probability(ex.present().get(i));
                p1[i] = m.probability(ex.removed().get(i));
                found += m.gap(ex.removed().get(i)) ? 1 : 0;
                alarms += m.gap(ex.present().get(i)) ? 1 : 0;
            }
        }
        System.out.printf("  %-62s %.3f%n", "gap model, 10-fold cross-validation", auc(p0, p1));
        System.out.printf("  at each fold's threshold (10%% false alarms in training): answer removed called a gap %d of %d (%.0f%%), "
                + "answer present %d of %d (%.0f%%)%n", found, n, 100.0 * found / n, alarms, n, 100.0 * alarms / n);
    }

    private static double[][] both(GapModel.Examples ex, ToDoubleFunction<GapModel.Signals> f) {
        return new double[][] {ex.present().stream().mapToDouble(f).toArray(), ex.removed().stream().mapToDouble(f).toArray()};
    }

    /** The chance that a "removed" example scores above a "present" one (ties count half). */
    private static double auc(double[] present, double[] removed) {
        double s = 0;
        for (double r : removed) {
            for (double p : present) {
                s += r > p ? 1 : r == p ? 0.5 : 0;
            }
        }
        return s / ((double) present.length * removed.length);
    }
}
