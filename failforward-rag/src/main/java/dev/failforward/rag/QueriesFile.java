package dev.failforward.rag;

import dev.failforward.data.DataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads questions: JSON lines with {@code qid} and {@code question}; {@code source} groups the
 * metrics, {@code answer} is a reference answer for the generator check, other fields are kept as metadata.
 */
public final class QueriesFile {

    private static final Set<String> KNOWN = Set.of("qid", "question", "source", "answer");

    private QueriesFile() {
    }

    public static List<Question> read(Path file) {
        List<Question> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonLines.read(file, (node, line) -> {
            String qid = JsonLines.required(file, line, node, "qid");
            String question = JsonLines.required(file, line, node, "question");
            Integer before = seen.put(qid, line);
            if (before != null) {
                throw new DataException(file + ":" + line + ":1: qid '" + qid + "' already on line " + before);
            }
            out.add(new Question(qid, question, JsonLines.text(node, "source"), JsonLines.text(node, "answer"),
                    JsonLines.rest(node, KNOWN)));
        });
        if (out.isEmpty()) {
            throw new DataException(file + ": no questions");
        }
        return out;
    }
}
