package dev.failforward.model.xgboost;

import java.util.Locale;

/**
 * How many threads the built-in XGBoost models train and predict with. XGBoost's OpenMP workers
 * spin while they wait unless {@code OMP_WAIT_POLICY} is {@code passive}; spinning, two threads
 * trained 10–60 times slower than one on a busy machine. So: every available processor (at most
 * {@value #MAX}) when the workers sleep — the {@code failforward} launcher sets the policy — and one
 * otherwise. The trees are the same for any thread count (XGBoost's histogram method sums the
 * same gradients whatever the split of rows over threads), so the model does not depend on it.
 */
public final class XGBoostThreads {

    static final int MAX = 8;

    private XGBoostThreads() {
    }

    /** The thread count for this process. */
    public static int count() {
        return count(System.getenv("OMP_WAIT_POLICY"), Runtime.getRuntime().availableProcessors());
    }

    static int count(String waitPolicy, int processors) {
        boolean sleeps = waitPolicy != null && waitPolicy.trim().toLowerCase(Locale.ROOT).equals("passive");
        return sleeps ? Math.max(1, Math.min(MAX, processors)) : 1;
    }
}
