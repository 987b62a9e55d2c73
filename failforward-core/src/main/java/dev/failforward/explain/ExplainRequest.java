package dev.failforward.explain;

import dev.failforward.data.Table;
import dev.failforward.progress.Progress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What to explain: the rows, for each row the class whose output is explained ({@code null} for
 * regression), reference rows for explainers that need a background (may be null for TreeSHAP),
 * a seed for those that sample, the threads to use (results do not depend on it), and how
 * model-agnostic explainers summarise the background.
 */
public record ExplainRequest(Table rows, List<String> outputs, Table background, long seed, int threads,
                             Progress progress, BackgroundSummary summary) {

    /** A request whose background is summarised by a seeded sample. */
    public ExplainRequest(Table rows, List<String> outputs, Table background, long seed, int threads, Progress progress) {
        this(rows, outputs, background, seed, threads, progress, BackgroundSummary.SAMPLE);
    }

    public ExplainRequest {
        if (outputs.size() != rows.rowCount()) {
            throw new IllegalArgumentException(rows.rowCount() + " rows but " + outputs.size() + " outputs to explain");
        }
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        progress = progress == null ? Progress.NONE : progress;
        summary = summary == null ? BackgroundSummary.SAMPLE : summary;
    }
}
