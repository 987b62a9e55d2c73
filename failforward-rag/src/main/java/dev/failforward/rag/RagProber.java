package dev.failforward.rag;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Fingerprints;
import dev.failforward.failure.Perturbation;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Re-runs perturbed questions through a local index and counts the questions each perturbation breaks. */
public final class RagProber {

    /** Cause tag added to every failure a perturbation provoked. */
    public static final String SENSITIVE = "perturbation-sensitive";

    private RagProber() {
    }

    public static List<PerturbationOutcome> run(RagIndex index, Embedder embedder, Mode mode, List<Question> questions, Qrels qrels,
                                         EvalSettings settings, List<QuestionPerturbation> perturbations, long seed, Progress progress) {
        RagResult base = RagEvaluator.evaluate(index, embedder, mode, questions, qrels, settings, seed, progress);
        int k = settings.failAt();
        List<PerturbationOutcome> out = new ArrayList<>();
        for (QuestionPerturbation p : perturbations) {
            List<String> changed = p.apply(questions.stream().map(Question::question).toList(), seed);
            List<Question> perturbed = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                perturbed.add(questions.get(i).withText(changed.get(i)));
            }
            RagResult after = RagEvaluator.evaluate(index, embedder, mode, perturbed, qrels, settings, seed, progress);
            int judged = 0;
            int answered = 0;
            int broken = 0;
            int fixed = 0;
            List<PerturbationOutcome.Broken> list = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                QuestionResult b = base.questions().get(i);
                QuestionResult a = after.questions().get(i);
                if (!b.judged()) {
                    continue;
                }
                judged++;
                boolean before = b.hitAt().get(k);
                boolean now = a.hitAt().get(k);
                answered += before ? 1 : 0;
                if (before && !now) {
                    broken++;
                    list.add(new PerturbationOutcome.Broken(b, a));
                } else if (!before && now) {
                    fixed++;
                }
            }
            out.add(new PerturbationOutcome(p.id(), judged, answered, broken, fixed, base.overall().recallAt().get(k),
                    after.overall().recallAt().get(k), list));
        }
        return out;
    }

    /** Failures with origin {@code probe:rag-<perturbation>}: the original question as input, the perturbed one in the perturbation. */
    public static List<Failure> failures(List<PerturbationOutcome> outcomes, String runId, int firstNumber, Mode mode, int k) {
        List<Failure> out = new ArrayList<>();
        int number = firstNumber;
        for (PerturbationOutcome o : outcomes) {
            String origin = "probe:rag-" + o.perturbation();
            for (PerturbationOutcome.Broken b : o.brokenQuestions()) {
                Map<String, Object> input = RagFailures.input(b.before().question());
                Map<String, Object> changed = new LinkedHashMap<>(input);
                changed.put("question", b.after().question().question());
                Map<String, String> params = new LinkedHashMap<>();
                params.put("perturbation", o.perturbation());
                params.put("mode", mode.id());
                params.put("k", Integer.toString(k));
                Map<String, Double> retrieved = new LinkedHashMap<>();
                b.after().retrieved().stream().limit(k).forEach(h -> retrieved.put(h.id(), h.score()));
                List<String> tags = new ArrayList<>();
                if (b.after().cause() != null) {
                    tags.add(b.after().cause().tag());
                }
                tags.add(SENSITIVE);
                out.add(new Failure(runId + "-" + number++, runId, b.before().question().qid(), origin, input,
                        String.join(",", b.before().relevant().keySet()),
                        b.after().retrieved().isEmpty() ? null : b.after().retrieved().get(0).id(), retrieved, null, null,
                        b.after().loss(), tags, Fingerprints.failure(b.before().question().qid(), input, origin, params),
                        new Perturbation(params, changed)));
            }
        }
        return out;
    }
}
