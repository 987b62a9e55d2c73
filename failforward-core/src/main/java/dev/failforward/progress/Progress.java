package dev.failforward.progress;

import dev.failforward.api.PublicApi;

/** Receives progress of long work: named stages, each with a number of steps. */
@PublicApi
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void start(String stage, long steps) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void finish() {
        }
    };

    /** A new stage begins with {@code steps} steps to do. */
    void start(String stage, long steps);

    void advance(long steps);

    /** The current stage is done. */
    void finish();
}
