package dev.failforward.detect;

import dev.failforward.api.PublicApi;
import dev.failforward.data.Table;
import dev.failforward.model.Trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which detectors a scan runs, with their thresholds, the trainer they may use for
 * out-of-fold probabilities and the domain classifier ({@code null}: detectors that need one
 * fall back or say so), the columns they must not see ({@code hidden}: redacted columns, whose
 * values would otherwise appear in findings), and a file of current (production) rows for drift
 * ({@code current}, or {@code null}).
 */
@PublicApi
public record DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer, List<String> hidden,
                           Table current) {

    public DetectorPlan {
        detectors = List.copyOf(detectors);
        hidden = List.copyOf(hidden);
    }

    public DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer, List<String> hidden) {
        this(detectors, config, trainer, hidden, null);
    }

    public DetectorPlan(List<Detector> detectors, DetectorConfig config, Trainer trainer) {
        this(detectors, config, trainer, List.of(), null);
    }

    /** The same plan, with these columns kept from the detectors. */
    public DetectorPlan hiding(List<String> columns) {
        return new DetectorPlan(detectors, config, trainer, columns, current);
    }

    /** The same plan, with drift comparing the reference rows with {@code rows} (a current file) instead of the test rows. */
    public DetectorPlan withCurrent(Table rows) {
        return new DetectorPlan(detectors, config, trainer, hidden, rows);
    }

    /** The current rows with the hidden columns left out, or {@code null}. */
    public Table visibleCurrent() {
        if (current == null) {
            return null;
        }
        Table out = current;
        for (String c : hidden) {
            if (out.find(c).isPresent()) {
                out = out.withRole(c, dev.failforward.data.ColumnRole.IGNORED);
            }
        }
        return out;
    }

    /**
     * The same plan without the detectors that cannot run on {@code inputs}; each one left out tells
     * {@code notes} why.
     */
    public DetectorPlan runnableOn(DetectorInputs inputs, Consumer<String> notes) {
        List<Detector> kept = new ArrayList<>();
        for (Detector d : detectors) {
            d.unavailable(inputs).ifPresentOrElse(notes, () -> kept.add(d));
        }
        return new DetectorPlan(kept, config, trainer, hidden, current);
    }

    public static DetectorPlan none() {
        return new DetectorPlan(List.of(), DetectorConfig.defaults(), null);
    }
}
