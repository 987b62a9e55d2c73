package dev.failforward.store;

import dev.failforward.failure.Failure;
import dev.failforward.failure.Perturbation;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * What a run's failures need before their rows are written — their fingerprint keys in list and in
 * key order, the JSON texts of each failure's probabilities, cause tags and perturbation (and of its
 * input when the wide row cannot hold it), its input types and the id to store — made on a second
 * thread while the writing thread stores the input rows: SQLite works in the thread that calls it,
 * so on a machine with two cores the encoding no longer adds to the append's time. The rows
 * themselves are still written in the caller's one transaction.
 */
final class FailureTexts {

    private final CompletableFuture<long[]> keys = new CompletableFuture<>();
    private final CompletableFuture<int[]> order = new CompletableFuture<>();
    private final CompletableFuture<String[][]> texts = new CompletableFuture<>();

    private FailureTexts() {
    }

    /** Starts encoding {@code failures} on a new daemon thread. */
    static FailureTexts start(List<Failure> failures) {
        FailureTexts t = new FailureTexts();
        Thread thread = new Thread(() -> t.encode(failures), "failforward-encode");
        thread.setDaemon(true);
        thread.start();
        return t;
    }

    private void encode(List<Failure> failures) {
        try {
            long[] k = new long[failures.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = FingerprintKey.of(failures.get(i).fingerprint());
            }
            keys.complete(k);
            order.complete(keyOrder(k));
            String[][] out = new String[failures.size()][];
            for (int i = 0; i < out.length; i++) {
                Failure f = failures.get(i);
                Perturbation p = f.perturbation();
                String types = InputTypes.of(f.input());
                out[i] = new String[] {types == null ? Json.object(f.input()) : null, Json.object(f.probabilities()),
                        Json.array(f.causeTags()), p == null ? null : Json.object(p.params()),
                        p == null ? null : Json.object(p.perturbedInput()), FailureRows.storedId(f, i), types};
            }
            texts.complete(out);
        } catch (Throwable e) {
            keys.completeExceptionally(e);
            order.completeExceptionally(e);
            texts.completeExceptionally(e);
        }
    }

    /** The positions sorted by key. */
    private static int[] keyOrder(long[] keys) {
        Integer[] boxed = new Integer[keys.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /** The failures' fingerprint keys ({@link FingerprintKey}), in list order; waits for them. */
    long[] keys() throws SQLException {
        return await(keys);
    }

    /** The positions of the failures in fingerprint key order; waits for them. */
    int[] order() throws SQLException {
        return await(order);
    }

    /**
     * Per failure, in list order: input (null when its wide row holds it exactly), probabilities,
     * cause tags, perturbation parameters and perturbed input (these two null without a
     * perturbation), the id to store (null when the run and position give it) and the input
     * types (see {@link InputTypes}); waits for them.
     */
    String[][] texts() throws SQLException {
        return await(texts);
    }

    private static <T> T await(CompletableFuture<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while encoding the failures", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SQLException("cannot encode the failures", e.getCause());
        }
    }
}
