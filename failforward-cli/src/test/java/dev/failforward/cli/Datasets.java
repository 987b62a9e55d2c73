package dev.failforward.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real datasets kept in the repository's {@code datasets/} folder. */
final class Datasets {

    private Datasets() {
    }

    static Path tabular(String name) {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("datasets/tabular").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("datasets/tabular/" + name + " not found from " + project);
    }
}
