package dev.failforward.rag;

import java.util.List;

/** What the generator answered a question from its retrieved context, and the answer's token F1 against the reference. */
public record GeneratedAnswer(String text, double f1, List<String> context) {

    public GeneratedAnswer {
        context = List.copyOf(context);
    }
}
