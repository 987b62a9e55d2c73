package dev.failforward.rag;

import dev.failforward.data.DataException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relevance judgements: for each question, its relevant passage ids with a grade above 0. Read from
 * tab-separated {@code qid doc_id relevance} with a header line, or TREC's four columns
 * {@code qid iteration doc_id relevance} (with or without a header).
 */
public record Qrels(Map<String, Map<String, Integer>> byQuestion) {

    public Qrels {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byQuestion.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        byQuestion = Collections.unmodifiableMap(copy);
    }

    /** The relevant passages of a question (grade above 0) with their grades; empty when it has none. */
    public Map<String, Integer> relevant(String qid) {
        return byQuestion.getOrDefault(qid, Map.of());
    }

    public static Qrels read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new DataException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        int width = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            int number = i + 1;
            if (width < 0) {
                width = cells.length;
                if (width != 3 && width != 4) {
                    throw new DataException(file + ":" + number + ":1: expected 3 columns (qid doc_id relevance) or TREC's 4 "
                            + "(qid iteration doc_id relevance), found " + cells.length);
                }
                if (!isInteger(cells[width - 1])) {
                    continue; // the header
                }
            }
            if (cells.length != width) {
                throw new DataException(file + ":" + number + ":1: expected " + width + " columns like the first line, found " + cells.length);
            }
            String grade = cells[width - 1];
            if (!isInteger(grade)) {
                throw new DataException(file + ":" + number + ":" + (line.lastIndexOf(grade) + 1)
                        + ": relevance '" + grade + "' is not a whole number");
            }
            int relevance = Integer.parseInt(grade);
            if (relevance > 0) {
                out.computeIfAbsent(cells[0], q -> new LinkedHashMap<>()).merge(cells[width - 2], relevance, Math::max);
            }
        }
        return new Qrels(out);
    }

    private static boolean isInteger(String s) {
        return s.matches("-?\\d{1,9}");
    }
}
