package dev.failforward.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real datasets, found from the project root that the build passes in. */
public final class Datasets {

    private Datasets() {
    }

    public static Path tabular(String name) {
        return root().resolve("datasets/tabular").resolve(name);
    }

    public static Path root() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("datasets"))) {
                return candidate;
            }
            if (Files.isDirectory(p.resolve("shared/datasets"))) {
                return p.resolve("shared");
            }
        }
        throw new IllegalStateException("the shared datasets folder (../shared/datasets) was not found from " + project);
    }
}
