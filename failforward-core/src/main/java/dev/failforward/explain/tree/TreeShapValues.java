package dev.failforward.explain.tree;

import dev.failforward.model.tree.TreeEnsemble;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * SHAP values of many rows, over row blocks on a fixed number of threads. Each row's values are
 * computed by one worker in a fixed order, so the result is the same for any thread count.
 */
public final class TreeShapValues {

    /**
     * Most rows per task. A task walks tree by tree over all its rows, so each tree's leaf tables
     * are read from memory once per task: for a 100-tree depth-6 model they are several MB, more
     * than a core's L2 cache, and with 64-row tasks reading them again was a quarter of the time
     * and traffic the two cores share. Tasks are as large as this, or the rows split evenly over
     * the threads when that is smaller.
     */
    static final int BLOCK = 512;

    private TreeShapValues() {
    }

    /** Which algorithm to run. */
    public enum Algorithm { FAST, PATH }

    /**
     * The SHAP values of {@code n} rows ({@code rows} row-major, {@code featureCount} per row):
     * {@code n × groups × (featureCount + 1)} values, each group's expected value last.
     */
    public static double[] compute(TreeEnsemble ensemble, double[] rows, int n, int threads, Algorithm algorithm) {
        if (rows.length < (long) n * ensemble.featureCount()) {
            throw new IllegalArgumentException(n + " rows of " + ensemble.featureCount() + " features need "
                    + (long) n * ensemble.featureCount() + " values, got " + rows.length);
        }
        if (algorithm == Algorithm.FAST) {
            return compute(new FastTreeShap(ensemble, threads), rows, n, threads);
        }
        Supplier<Worker> workers = () -> {
            PathTreeShap path = new PathTreeShap(ensemble);
            return (x, features, from, to, result) -> {
                int w = result.length / (to - from);
                double[] row = new double[w];
                for (int r = from; r < to; r++) {
                    java.util.Arrays.fill(row, 0);
                    path.explain(x, r * features, row);
                    System.arraycopy(row, 0, result, (r - from) * w, w);
                }
            };
        };
        return run(ensemble, workers, rows, n, threads);
    }

    /**
     * The SHAP values of {@code n} rows with leaf tables already built (see
     * {@link FastTreeShap#FastTreeShap(TreeEnsemble, int)}), laid out as {@link #compute(TreeEnsemble, double[], int, int, Algorithm)}'s.
     */
    public static double[] compute(FastTreeShap fast, double[] rows, int n, int threads) {
        TreeEnsemble ensemble = fast.ensemble();
        if (rows.length < (long) n * ensemble.featureCount()) {
            throw new IllegalArgumentException(n + " rows of " + ensemble.featureCount() + " features need "
                    + (long) n * ensemble.featureCount() + " values, got " + rows.length);
        }
        Supplier<Worker> workers = () -> {
            FastTreeShap.Block block = fast.block();
            return (x, features, from, to, result) -> block.explain(x, from * features, features, to - from, result);
        };
        return run(ensemble, workers, rows, n, threads);
    }

    private static double[] run(TreeEnsemble ensemble, Supplier<Worker> workers, double[] rows, int n, int threads) {
        int width = ensemble.groups() * (ensemble.featureCount() + 1);
        double[] out = new double[n * width];
        int features = ensemble.featureCount();
        int size = Math.max(1, Math.min(BLOCK, (n + Math.max(1, threads) - 1) / Math.max(1, threads)));
        int blocks = (n + size - 1) / size;
        ThreadLocal<Worker> local = ThreadLocal.withInitial(workers);
        parallel(blocks, threads, b -> {
            int from = b * size;
            block(local.get(), rows, features, width, from, Math.min(n, from + size), out);
        });
        return out;
    }

    /** Runs {@code task} for 0..count-1 on up to {@code threads} threads (on the caller when one is enough). */
    static void parallel(int count, int threads, IntConsumer task) {
        if (threads <= 1 || count <= 1) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, count), r -> {
            Thread t = new Thread(r, "treeshap");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] futures = new Future<?>[count];
            for (int i = 0; i < count; i++) {
                int at = i;
                futures[i] = pool.submit(() -> task.accept(at));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing SHAP values", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Explains rows {@code from} to {@code to} (exclusive) into a zeroed block of results. */
    @FunctionalInterface
    private interface Worker {
        void explain(double[] rows, int features, int from, int to, double[] result);
    }

    private static void block(Worker worker, double[] rows, int features, int width, int from, int to, double[] out) {
        double[] result = new double[(to - from) * width];
        worker.explain(rows, features, from, to, result);
        System.arraycopy(result, 0, out, from * width, result.length);
    }
}
