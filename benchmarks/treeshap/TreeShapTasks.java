import dev.failforward.explain.tree.FastTreeShap;
import dev.failforward.model.tree.Tree;
import dev.failforward.model.tree.TreeEnsemble;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where fast TreeSHAP's time goes, measured in per-thread CPU time (which a busy machine disturbs
 * far less than wall time), on the model and rows of {@link TreeShapBenchmark}: the size of the
 * leaf tables, the CPU time of 2,000 rows by rows per task (a task reads each tree's tables once),
 * and the total CPU time of one thread against two threads sharing the rows (equal when the work
 * divides without extra cost). Usage: java -cp failforward.jar:. TreeShapTasks DATASETS_DIR [repeats]
 */
public final class TreeShapTasks {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        TreeShapBenchmark.Trained trained = TreeShapBenchmark.train(Path.of(args[0]));
        TreeEnsemble ensemble = trained.ensemble();
        int features = TreeShapBenchmark.FEATURES;
        int n = TreeShapBenchmark.ROWS;
        double[] rows = new double[n * features];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = trained.x()[i];
        }
        long bytes = 0;
        for (Tree tree : ensemble.trees()) {
            bytes += tableBytes(tree, 0, new int[0]);
        }
        System.out.printf(Locale.ROOT, "model: %d trees, %d leaves; leaf tables %.1f MB (doubles); %d rows; best of %d, interleaved%n",
                ensemble.trees().size(), ensemble.leafCount(), bytes / 1e6, n, repeats);
        FastTreeShap fast = new FastTreeShap(ensemble, 1);
        int[] sizes = {32, 64, 128, 256, 512};
        double[][] best = new double[sizes.length][2];
        for (double[] b : best) {
            Arrays.fill(b, Double.MAX_VALUE);
        }
        for (int rep = -2; rep < repeats; rep++) {
            for (int k = 0; k < sizes.length; k++) {
                for (int threads = 1; threads <= 2; threads++) {
                    double cpu = run(fast, rows, n, features, sizes[k], threads);
                    if (rep >= 0) {
                        best[k][threads - 1] = Math.min(best[k][threads - 1], cpu);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-14s %22s %22s%n", "rows per task", "CPU ms, 1 thread", "CPU ms, 2 threads (sum)");
        for (int k = 0; k < sizes.length; k++) {
            System.out.printf(Locale.ROOT, "%-14d %22.1f %22.1f%n", sizes[k], best[k][0], best[k][1]);
        }
    }

    /** Total CPU milliseconds of {@code threads} threads explaining an even share of the rows each, in tasks of {@code size}. */
    private static double run(FastTreeShap fast, double[] rows, int n, int features, int size, int threads) throws InterruptedException {
        long[] cpu = new long[threads];
        Thread[] workers = new Thread[threads];
        int width = features + 1;
        for (int w = 0; w < threads; w++) {
            int index = w;
            workers[w] = new Thread(() -> {
                FastTreeShap.Block block = fast.block();
                long start = CPU.getCurrentThreadCpuTime();
                int from = index * n / threads;
                int to = (index + 1) * n / threads;
                for (int s = from; s < to; s += size) {
                    int count = Math.min(size, to - s);
                    block.explain(rows, s * features, features, count, new double[count * width]);
                }
                cpu[index] = CPU.getCurrentThreadCpuTime() - start;
            });
            workers[w].start();
        }
        for (Thread t : workers) {
            t.join();
        }
        return Arrays.stream(cpu).sum() / 1e6;
    }

    /** Bytes of the leaf tables below {@code node}: 2^D × D doubles per leaf with D distinct features on its path. */
    private static long tableBytes(Tree tree, int node, int[] path) {
        if (tree.isLeaf(node)) {
            return (1L << path.length) * path.length * Double.BYTES;
        }
        int f = tree.feature()[node];
        int[] next = path;
        if (Arrays.stream(path).noneMatch(v -> v == f)) {
            next = Arrays.copyOf(path, path.length + 1);
            next[path.length] = f;
        }
        return tableBytes(tree, tree.left()[node], next) + tableBytes(tree, tree.right()[node], next);
    }
}
