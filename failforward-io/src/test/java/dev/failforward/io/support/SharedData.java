package dev.failforward.io.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data sets in the repository's {@code datasets/} folder, found from the project root
 * that the build passes in as {@code failforward.root}.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path tabular(String name) {
        return datasets().resolve("tabular").resolve(name);
    }

    public static Path scale(String name) {
        return datasets().resolve("scale").resolve(name);
    }

    private static Path datasets() {
        Path start = Path.of(System.getProperty("failforward.root", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("datasets/scale"))) {
                return dir.resolve("datasets");
            }
        }
        throw new IllegalStateException("no datasets/ folder at or above " + start);
    }
}
