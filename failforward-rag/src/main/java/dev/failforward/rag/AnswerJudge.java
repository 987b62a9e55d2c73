package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The generator rule: a question that retrieval answered (a relevant passage in the top
 * {@code context} passages given to the generator) and that has a reference answer fails with cause
 * {@code generator} when the generated answer's token F1 with the reference is below the threshold, or,
 * with a judge ({@link AnswerGrader}), when the judge says it does not match (an answer without a
 * verdict is left unjudged).
 * Questions retrieval missed keep their retrieval cause and are not sent to the generator.
 */
final class AnswerJudge {

    private AnswerJudge() {
    }

    /** The results with answers (and generator failures) added; {@code texts} gives a passage's text by id. */
    static List<QuestionResult> apply(List<QuestionResult> results, AnswerCheck check, Function<String, String> texts, Progress progress) {
        List<Integer> asked = new ArrayList<>();
        List<Generator.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            QuestionResult r = results.get(i);
            String reference = r.question().answer();
            if (r.failed() || !r.judged() || reference == null || reference.isBlank() || r.firstRank() == 0 || r.firstRank() > check.context()) {
                continue;
            }
            List<String> passages = new ArrayList<>();
            for (Hit h : r.retrieved().subList(0, Math.min(check.context(), r.retrieved().size()))) {
                String text = texts.apply(h.id());
                passages.add(text == null ? "" : text);
            }
            asked.add(i);
            prompts.add(new Generator.Prompt(r.question().qid(), r.question().question(), passages));
        }
        if (prompts.isEmpty()) {
            return results;
        }
        List<String> answers = check.generator().answer(prompts, progress);
        List<Boolean> verdicts = check.grader() == null ? null : verdicts(results, asked, answers, check.grader(), progress);
        List<QuestionResult> out = new ArrayList<>(results);
        for (int j = 0; j < asked.size(); j++) {
            String answer = answers.get(j);
            Boolean verdict = verdicts == null ? null : verdicts.get(j);
            if (answer == null || (verdicts != null && verdict == null)) {
                continue;
            }
            QuestionResult r = results.get(asked.get(j));
            List<String> context = r.retrieved().stream().limit(check.context()).map(Hit::id).toList();
            double f1 = AnswerF1.of(answer, r.question().answer());
            GeneratedAnswer generated = new GeneratedAnswer(answer, f1, context);
            boolean matches = verdicts == null ? f1 >= check.minF1() : verdict;
            out.set(asked.get(j), matches ? r.withAnswer(generated, false, null) : r.withAnswer(generated, true, cause(r, generated, check)));
        }
        return out;
    }

    /** The judge's verdicts on the answers that came (null where no answer came). */
    private static List<Boolean> verdicts(List<QuestionResult> results, List<Integer> asked, List<String> answers, AnswerGrader grader,
                                          Progress progress) {
        List<Integer> answered = new ArrayList<>();
        List<AnswerGrader.Graded> graded = new ArrayList<>();
        for (int j = 0; j < asked.size(); j++) {
            if (answers.get(j) != null) {
                Question q = results.get(asked.get(j)).question();
                answered.add(j);
                graded.add(new AnswerGrader.Graded(q.qid(), q.question(), q.answer(), answers.get(j)));
            }
        }
        List<Boolean> got = grader.grade(graded, progress);
        List<Boolean> out = new ArrayList<>(java.util.Collections.nCopies(asked.size(), (Boolean) null));
        for (int i = 0; i < answered.size(); i++) {
            out.set(answered.get(i), got.get(i));
        }
        return out;
    }

    private static Cause cause(QuestionResult r, GeneratedAnswer generated, AnswerCheck check) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("answer", generated.text());
        evidence.put("reference", r.question().answer());
        evidence.put("f1", generated.f1());
        if (check.grader() != null) {
            evidence.put("judge", check.grader().id());
        } else {
            evidence.put("min_f1", check.minF1());
        }
        evidence.put("relevant_rank", r.firstRank());
        evidence.put("context", generated.context());
        String why = check.grader() != null
                ? String.format(Locale.ROOT, "the judge %s says the answer does not match the reference (token F1 %.2f)", check.grader().id(), generated.f1())
                : String.format(Locale.ROOT, "the answer's token F1 with the reference is %.2f, below %.2f", generated.f1(), check.minF1());
        return new Cause(Cause.GENERATOR, String.format(Locale.ROOT, "the context held a relevant passage (rank %d of %d given), but ",
                r.firstRank(), generated.context().size()) + why, evidence);
    }
}
