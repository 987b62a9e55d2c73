package dev.failforward.retrain;

/**
 * One way of building a training set from failures, registered for {@link java.util.ServiceLoader}
 * under a unique id. A stateless recipe: {@link #build} sees only the training rows and the
 * selection rows (never the verification rows) and returns the training set it proposes, or
 * {@link TrainingSet#skipped} with the reason when it has nothing to work from.
 */
public interface RetrainStrategy {

    String id();

    /** One line for help texts and reports. */
    String description();

    TrainingSet build(RetrainContext context);
}
