package dev.failforward.rag;

import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** One blocking call per item with up to {@code parallel} in flight (an endpoint that takes one item a request). */
final class ParallelCalls {

    private ParallelCalls() {
    }

    /** The results in the items' order; the first call that throws stops the rest and is thrown. */
    static <T, R> List<R> each(List<T> items, int parallel, Function<T, R> call, Progress progress) {
        Object[] out = new Object[items.size()];
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int at = i;
                running.add(pool.submit(() -> {
                    out[at] = call.apply(items.get(at));
                    synchronized (progress) {
                        progress.advance(1);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for answers");
        } finally {
            pool.shutdownNow();
        }
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) Arrays.asList(out);
        return results;
    }
}
