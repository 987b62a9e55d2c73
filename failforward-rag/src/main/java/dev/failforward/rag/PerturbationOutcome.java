package dev.failforward.rag;

import java.util.List;

/**
 * One perturbation of the questions re-run through retrieval: recall@k before and after, how many
 * questions answered before are missed after ({@code broken}) and the reverse ({@code fixed}), the flip
 * rate (broken / answered before), and the broken questions with their perturbed text and cause.
 */
public record PerturbationOutcome(String perturbation, int judged, int answeredBefore, int broken, int fixed, double recallBefore,
                           double recallAfter, List<Broken> brokenQuestions) {

    public PerturbationOutcome {
        brokenQuestions = List.copyOf(brokenQuestions);
    }

    public double flipRate() {
        return answeredBefore == 0 ? 0 : (double) broken / answeredBefore;
    }

    /** A question answered before the perturbation and missed after it. */
    public record Broken(QuestionResult before, QuestionResult after) {
    }
}
