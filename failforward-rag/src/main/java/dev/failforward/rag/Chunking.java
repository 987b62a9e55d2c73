package dev.failforward.rag;

import java.util.ArrayList;
import java.util.List;

/**
 * How passages are cut into chunks: windows of {@code size} words that overlap by {@code overlap}
 * words; size 0 keeps each passage whole. Words are what whitespace separates, so a chunk's text
 * is the passage's text between two whitespace positions.
 */
public record Chunking(int size, int overlap) {

    public static final Chunking WHOLE = new Chunking(0, 0);

    public Chunking {
        if (size < 0 || overlap < 0) {
            throw new IllegalArgumentException("--chunk-size and --chunk-overlap must not be negative");
        }
        if (size > 0 && overlap >= size) {
            throw new IllegalArgumentException("--chunk-overlap (" + overlap + ") must be smaller than --chunk-size (" + size + ")");
        }
    }

    public boolean whole() {
        return size == 0;
    }

    /** The chunks of a text, in order; one chunk (the text) when it is short enough or chunking is off. */
    public List<String> split(String text) {
        String[] words = text.strip().split("\\s+");
        if (whole() || words.length <= size) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int step = size - overlap;
        for (int start = 0; start < words.length; start += step) {
            int end = Math.min(words.length, start + size);
            out.add(String.join(" ", java.util.Arrays.asList(words).subList(start, end)));
            if (end == words.length) {
                break;
            }
        }
        return out;
    }
}
