package dev.failforward.rag;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared RAG set kept in the repository's {@code datasets/rag}: 2,076 passages, 198 questions, their qrels. */
final class RagData {

    private RagData() {
    }

    static Path file(String name) {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets/rag").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("datasets/rag/" + name + " not found from " + project);
    }

    static Path corpus() {
        return file("corpus.jsonl");
    }

    static Path queries() {
        return file("queries.jsonl");
    }

    static Path qrels() {
        return file("qrels.tsv");
    }
}
