package dev.failforward.model.builtin;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/** What distinguishes one built-in model: how it encodes inputs and which Tribuo trainers it configures. */
interface TribuoRecipe {

    EncodingStyle style();

    /** A fresh, configured classification trainer; the same seed gives the same model. */
    Trainer<Label> classifier(long seed);

    /** A fresh, configured regression trainer; the same seed gives the same model. */
    Trainer<Regressor> regressor(long seed);

    /** Whether the trained model may be called from several threads at once (native models are called one batch at a time). */
    boolean concurrentPredict();
}
