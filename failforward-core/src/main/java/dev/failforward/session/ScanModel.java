package dev.failforward.session;

import dev.failforward.model.Model;
import dev.failforward.model.Trainer;

/** The model a scan evaluates: one it trains on the training rows, or one trained elsewhere. */
public sealed interface ScanModel {

    /** The provider id recorded with the run ({@code builtin:gbm}, {@code onnx:…}). */
    String id();

    /** A built-in model, trained in the run and saved by {@code saver}. */
    record Trained(String id, Trainer trainer, ModelSaver saver) implements ScanModel {
    }

    /**
     * A model trained elsewhere, scored on every row; {@code location} is where it lives (a file or an
     * endpoint, not copied), or {@code null} for predictions given in the data.
     */
    record Given(Model model, String location) implements ScanModel {
        @Override
        public String id() {
            return model.id();
        }
    }
}
