package dev.failforward.model;

import dev.failforward.api.PublicApi;
import dev.failforward.data.Table;
import dev.failforward.progress.Progress;

/** A configured, stateless recipe that makes a {@link Model} from training rows. */
@PublicApi
public interface Trainer {

    /** Trains on {@code train}'s feature columns to predict {@code target}; the same seed gives the same model. */
    Model train(Table train, Target target, long seed, Progress progress);
}
