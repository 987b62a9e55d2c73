import dev.failforward.data.ReadOptions;
import dev.failforward.data.Table;
import dev.failforward.data.TableReaders;
import dev.failforward.explain.ExplainRequest;
import dev.failforward.explain.Explanation;
import dev.failforward.explain.KernelShapExplainer;
import dev.failforward.model.Model;
import dev.failforward.model.ModelProviders;
import dev.failforward.model.Predictions;
import dev.failforward.model.builtin.BoostedTribuoModel;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;
import dev.failforward.scan.ScanSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * KernelSHAP speed at the budget of the reference (Python shap's KernelExplainer with a background
 * of 100 rows and 200 coalition samples): rows per second and model evaluations per row, on the
 * built-in gbm trained on the Telco churn data (19 columns).
 * Usage: java -cp failforward.jar:. KernelShapBenchmark DATASETS_DIR [rows] [threads]
 */
public final class KernelShapBenchmark {

    public static void main(String[] args) {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Table table = TableReaders.read(Path.of(args[0], "tabular", "telco_churn.csv"), ReadOptions.DEFAULT);
        ScanData data = ScanData.prepare(table, null, ScanSpec.of("churn"));
        // As 'failforward explain' loads it: the gbm seen as a tree ensemble, so explainers may score its trees.
        Model model = BoostedTribuoModel.explainable(
                ModelProviders.find("builtin:gbm").trainer().train(data.train(), data.target(), 42, Progress.NONE));
        List<String> columns = data.train().features().stream().map(c -> c.name()).toList();
        Table background = data.train().project(columns);
        int[] first = new int[rows];
        for (int i = 0; i < rows; i++) {
            first[i] = i;
        }
        Table explained = data.test().project(columns).select(first);
        Predictions p = model.predict(explained);
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            outputs.add(p.classes().get(p.predictedClass(i)));
        }
        KernelShapExplainer kernel = new KernelShapExplainer(200, 100);
        // Warm-up (JIT) on the same rows, then the timed run.
        kernel.explain(model, new ExplainRequest(explained, outputs, background, 2, threads, Progress.NONE));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Explanation> out = kernel.explain(model, new ExplainRequest(explained, outputs, background, 1, threads, Progress.NONE));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        double r2 = out.stream().mapToDouble(e -> e.fidelity().value()).average().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "kernelshap on builtin:gbm (telco_churn.csv, %d columns): background 100, 200 coalitions%n", columns.size());
        System.out.printf(Locale.ROOT, "  model evaluations per row: %d (batched: one predict call per row)%n",
                kernel.evaluationsPerRow(columns.size(), background.rowCount()));
        System.out.printf(Locale.ROOT, "  %d rows in %.2f s on %d thread(s): %.1f rows/second, %.0f ms per row; mean surrogate R² %.3f%n",
                rows, seconds, threads, rows / seconds, 1000 * seconds / rows, r2);
        System.out.printf(Locale.ROOT, "  process CPU time %.2f s: %.0f ms of CPU per row (the machine's load average then: %.1f)%n",
                cpu, 1000 * cpu / rows, os.getSystemLoadAverage());
    }
}
