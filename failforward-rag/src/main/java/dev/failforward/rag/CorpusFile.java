package dev.failforward.rag;

import dev.failforward.data.DataException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a corpus: JSON lines with {@code id} and {@code text}, optional {@code title}, {@code source} and any metadata. */
public final class CorpusFile {

    private static final Set<String> KNOWN = Set.of("id", "text", "title", "source");

    private CorpusFile() {
    }

    public static List<Passage> read(Path file) {
        List<Passage> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        JsonLines.read(file, (node, line) -> {
            String id = JsonLines.required(file, line, node, "id");
            String text = JsonLines.required(file, line, node, "text");
            Integer before = seen.put(id, line);
            if (before != null) {
                throw new DataException(file + ":" + line + ":1: passage id '" + id + "' already on line " + before);
            }
            out.add(new Passage(id, text, JsonLines.text(node, "title"), JsonLines.text(node, "source"), JsonLines.rest(node, KNOWN)));
        });
        if (out.isEmpty()) {
            throw new DataException(file + ": no passages");
        }
        return out;
    }
}
