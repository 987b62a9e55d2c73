package dev.failforward.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real datasets kept in the repository's {@code datasets/} folder. */
public final class Datasets {

    private Datasets() {
    }

    public static Path tabular(String name) {
        return root().resolve("tabular").resolve(name);
    }

    /** {@code datasets/} at the project root, which the build passes in as {@code failforward.root}. */
    public static Path root() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p.resolve("datasets");
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }
}
