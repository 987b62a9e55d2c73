package dev.failforward.session;

import dev.failforward.data.NumericColumn;
import dev.failforward.data.Table;
import dev.failforward.failure.Judge;
import dev.failforward.failure.PredictionRecord;
import dev.failforward.failure.ScoredRow;
import dev.failforward.log.RunLog;
import dev.failforward.model.BatchListener;
import dev.failforward.model.Predictions;
import dev.failforward.model.Target;
import dev.failforward.progress.Progress;
import dev.failforward.scan.ScanData;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a model scan scored so far, kept in the failure log as they come so that a run whose
 * model fails for good (an endpoint that goes away) or whose process is killed can be resumed,
 * scoring only the rest. Finished batches are buffered and written at most every
 * {@value #FLUSH_MILLIS} ms, and at once when scoring fails; a scan that finishes without failing
 * writes nothing here (completing the run stores every prediction anyway).
 */
final class ScanProgress implements BatchListener {

    static final long FLUSH_MILLIS = 1_000;

    private final RunLog log;
    private final String runId;
    private final ScanData data;
    private final Progress progress;
    private final int k;
    private final int[] labels;
    private final double[] truth;
    private final double[] scores;
    private final boolean[] done;
    private final int[] rest;
    private final List<ScoredRow> pending = new ArrayList<>();
    private int kept;
    private int waiting;
    private long flushed = System.nanoTime();

    private ScanProgress(RunLog log, String runId, ScanData data, Progress progress, List<ScoredRow> stored) {
        this.log = log;
        this.runId = runId;
        this.data = data;
        this.progress = progress;
        Target target = data.target();
        int n = data.test().rowCount();
        boolean classification = target.task().isClassification();
        this.k = classification ? target.classCount() : 1;
        this.labels = classification ? ScanData.labels(data.test(), target) : null;
        this.truth = classification ? null : ScanData.values(data.test(), target);
        this.scores = new double[n * k];
        this.done = new boolean[n];
        for (ScoredRow row : stored) {
            int p = row.position();
            PredictionRecord r = row.prediction();
            if (p >= n || !data.testKeys().get(p).equals(r.rowKey())
                    || (classification ? r.probabilities().length != k : r.prediction() == null)) {
                throw new IllegalArgumentException("run " + runId + " kept a scored row (position " + p + ", row " + r.rowKey()
                        + ") that does not fit this data; --resume needs the same data and options as the scan it completes");
            }
            if (classification) {
                System.arraycopy(r.probabilities(), 0, scores, p * k, k);
            } else {
                scores[p] = r.prediction();
            }
            done[p] = true;
            kept++;
        }
        int[] left = new int[n - kept];
        for (int i = 0, j = 0; i < n; i++) {
            if (!done[i]) {
                left[j++] = i;
            }
        }
        this.rest = left;
        this.waiting = left.length;
    }

    /** Progress of {@code runId}: none for a new run, what the log kept for a resumed one. */
    static ScanProgress of(RunLog log, String runId, ScanData data, Progress progress, boolean resumed) {
        return new ScanProgress(log, runId, data, progress, resumed ? log.progress(runId) : List.of());
    }

    /** Rows already scored (kept by an earlier attempt or received since). */
    int scored() {
        int n = 0;
        for (boolean d : done) {
            n += d ? 1 : 0;
        }
        return n;
    }

    /** How many rows the log had kept when this attempt began. */
    int keptBefore() {
        return kept;
    }

    /** The rows still to score, as a table (the whole test table when none was kept). */
    Table rest() {
        return rest.length == data.test().rowCount() ? data.test() : data.test().select(rest);
    }

    int restCount() {
        return rest.length;
    }

    @Override
    public void scored(int from, Predictions batch) {
        boolean classification = labels != null;
        for (int r = 0; r < batch.rows(); r++) {
            int p = rest[from + r];
            if (classification) {
                for (int c = 0; c < k; c++) {
                    scores[p * k + c] = batch.probability(r, c);
                }
            } else {
                scores[p] = batch.value(r);
            }
            done[p] = true;
            pending.add(new ScoredRow(p, record(p)));
        }
        progress.advance(batch.rows());
        waiting -= batch.rows();
        // The last batch is not written here: the run is completed right after, with every row.
        if (waiting > 0 && (System.nanoTime() - flushed) / 1_000_000 >= FLUSH_MILLIS) {
            flush();
        }
    }

    /** Writes what is buffered to the log. */
    void flush() {
        if (!pending.isEmpty()) {
            log.saveProgress(runId, List.copyOf(pending));
            pending.clear();
        }
        flushed = System.nanoTime();
    }

    /** Every row's prediction, once all are scored. */
    Predictions all() {
        for (int i = 0; i < done.length; i++) {
            if (!done[i]) {
                throw new IllegalStateException("row " + i + " of run " + runId + " was not scored");
            }
        }
        return labels != null ? Predictions.ofProbabilities(data.target().classes(), scores) : Predictions.ofValues(scores);
    }

    private PredictionRecord record(int p) {
        String key = data.testKeys().get(p);
        if (labels == null) {
            double v = scores[p];
            return new PredictionRecord(key, NumericColumn.format(truth[p]), NumericColumn.format(v), new double[0], v,
                    Math.abs(v - truth[p]), false);
        }
        double[] probs = Arrays.copyOfRange(scores, p * k, (p + 1) * k);
        int predicted = 0;
        for (int c = 1; c < k; c++) {
            if (probs[c] > probs[predicted]) {
                predicted = c;
            }
        }
        List<String> classes = data.target().classes();
        return new PredictionRecord(key, classes.get(labels[p]), classes.get(predicted), probs, null,
                Judge.logLoss(probs[labels[p]]), predicted != labels[p]);
    }
}
