package dev.failforward.session;

/**
 * An optional step of a scan that breaks the scored model further (probes, an adversarial search, a
 * text attack, a stress split). It runs after the held-out rows are judged and before the run is
 * stored; its failures are stored in the same run and its outcome is kept, typed, in the
 * {@link ScanResult}.
 *
 * @param <T> the step's own result
 */
@FunctionalInterface
public interface ScanStep<T> {

    StepResult<T> run(StepContext context);
}
