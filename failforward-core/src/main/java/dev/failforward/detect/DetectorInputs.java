package dev.failforward.detect;

import dev.failforward.api.PublicApi;

/**
 * What a scan gives its detectors to look at, so that a detector that needs more can say why it
 * does not run ({@link Detector#unavailable}) instead of the caller knowing each detector's needs.
 *
 * @param trainingRows  reference rows the model was trained on (none for predictions made elsewhere)
 * @param currentRows   a file of current (production) rows
 * @param classification whether the target is a class
 * @param probabilities whether the predictions carry probabilities (not one-hot on the predicted class)
 */
@PublicApi
public record DetectorInputs(boolean trainingRows, boolean currentRows, boolean classification, boolean probabilities) {
}
