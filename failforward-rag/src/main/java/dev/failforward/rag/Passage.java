package dev.failforward.rag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One corpus entry: its id, the text to index, and what else the line held (title, source, metadata). */
public record Passage(String id, String text, String title, String source, Map<String, String> metadata) {

    public Passage {
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The value of a field by name ({@code text}, {@code title}, {@code source} or a metadata key), or null. */
    public String field(String name) {
        return switch (name) {
            case "id" -> id;
            case "text" -> text;
            case "title" -> title;
            case "source" -> source;
            default -> metadata.get(name);
        };
    }
}
