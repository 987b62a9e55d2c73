package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One evaluation question; {@code answer} (a reference answer) and {@code source} may be null. */
public record Question(String qid, String question, String source, String answer, Map<String, String> metadata) {

    public Question {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The same question in other words (a probe's perturbation). */
    public Question withText(String text) {
        return new Question(qid, text, source, answer, metadata);
    }
}
