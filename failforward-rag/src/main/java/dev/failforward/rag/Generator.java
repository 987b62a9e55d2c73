package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.List;

/** What writes the answers: a question and its retrieved passages in, an answer out. */
public interface Generator {

    /** How the run names it (an endpoint URL, ...). */
    String id();

    /** One answer per prompt, in order; null for a prompt that got no answer. */
    List<String> answer(List<Prompt> prompts, Progress progress);

    /** A question with the texts of its retrieved passages, best first. */
    record Prompt(String qid, String question, List<String> passages) {

        public Prompt {
            passages = List.copyOf(passages);
        }
    }
}
