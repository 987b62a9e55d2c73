package dev.failforward.explain;

import dev.failforward.progress.Progress;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** Explains rows one by one on a fixed number of threads; each row's result depends on that row alone. */
final class RowLoop {

    private RowLoop() {
    }

    static List<Explanation> run(String stage, int n, int threads, Progress progress, IntFunction<Explanation> row) {
        Explanation[] out = new Explanation[n];
        progress.start(stage, n);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(r -> {
                out[r] = row.apply(r);
                synchronized (progress) {
                    progress.advance(1);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while explaining", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.finish();
        return Arrays.asList(out);
    }
}
