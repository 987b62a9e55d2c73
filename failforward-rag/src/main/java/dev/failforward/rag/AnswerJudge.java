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
 * {@code generator} when the generated answer's token F1 with the reference is below the threshold.
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
        List<QuestionResult> out = new ArrayList<>(results);
        for (int j = 0; j < asked.size(); j++) {
            String answer = answers.get(j);
            if (answer == null) {
                continue;
            }
            QuestionResult r = results.get(asked.get(j));
            List<String> context = r.retrieved().stream().limit(check.context()).map(Hit::id).toList();
            double f1 = AnswerF1.of(answer, r.question().answer());
            GeneratedAnswer generated = new GeneratedAnswer(answer, f1, context);
            out.set(asked.get(j), f1 >= check.minF1() ? r.withAnswer(generated, false, null)
                    : r.withAnswer(generated, true, cause(r, generated, check)));
        }
        return out;
    }

    private static Cause cause(QuestionResult r, GeneratedAnswer generated, AnswerCheck check) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("answer", generated.text());
        evidence.put("reference", r.question().answer());
        evidence.put("f1", generated.f1());
        evidence.put("min_f1", check.minF1());
        evidence.put("relevant_rank", r.firstRank());
        evidence.put("context", generated.context());
        return new Cause(Cause.GENERATOR, String.format(Locale.ROOT,
                "the context held a relevant passage (rank %d of %d given), but the answer's token F1 with the reference is %.2f, below %.2f",
                r.firstRank(), generated.context().size(), generated.f1(), check.minF1()), evidence);
    }
}
