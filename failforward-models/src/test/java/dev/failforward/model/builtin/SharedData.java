package dev.failforward.model.builtin;

import dev.failforward.data.CsvTableReader;
import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real datasets in the repository's {@code datasets/} folder, split as a scan splits them, and models trained on them once per test
 * run: several test classes judge the same models, and training is the slow part.
 */
final class SharedData {

    static final long SEED = 42;

    private static final Map<String, ScanData> DATA = new ConcurrentHashMap<>();
    private static final Map<String, Trained> MODELS = new ConcurrentHashMap<>();

    /** A trained model and how long training took. */
    record Trained(ScanData data, Model model, long trainMillis) {
    }

    private SharedData() {
    }

    static Table table(String file) {
        return new CsvTableReader().read(tabular(file), ReadOptions.DEFAULT);
    }

    /** {@code file} split for a scan of {@code target} with the default test fraction and seed. */
    static ScanData prepared(String file, String target) {
        return DATA.computeIfAbsent(file + "#" + target, k -> ScanData.prepare(table(file), null, ScanSpec.of(target)));
    }

    static Trained trained(String file, String target, String modelId) {
        return MODELS.computeIfAbsent(file + "#" + target + "#" + modelId, k -> {
            ScanData data = prepared(file, target);
            long start = System.nanoTime();
            Model model = ModelProviders.find(modelId).trainer().train(data.train(), data.target(), SEED, Progress.NONE);
            return new Trained(data, model, (System.nanoTime() - start) / 1_000_000);
        });
    }

    static Path tabular(String file) {
        return root().resolve("datasets/tabular").resolve(file);
    }

    /** The project root: the folder above this module that holds {@code datasets/}. */
    private static Path root() {
        String project = System.getProperty("failforward.root", System.getProperty("user.dir"));
        for (Path p = Path.of(project).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("datasets/tabular"))) {
                return p;
            }
        }
        throw new IllegalStateException("the datasets/ folder was not found from " + project);
    }
}
