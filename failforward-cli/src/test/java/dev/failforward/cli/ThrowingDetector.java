package dev.failforward.cli;

import dev.failforward.detect.Detection;
import dev.failforward.detect.Detector;
import dev.failforward.detect.DetectorContext;
import dev.failforward.detect.Measurements;

import java.util.List;

/** A detector that always fails, registered only on the test classpath, to check that a scan survives it. */
public final class ThrowingDetector implements Detector {

    @Override
    public String id() {
        return "test-throws";
    }

    @Override
    public String description() {
        return "always throws";
    }

    @Override
    public Class<? extends Measurements> measurementType() {
        return Measurements.Untyped.class;
    }

    @Override
    public Detection detect(DetectorContext context) {
        throw new IllegalStateException("planted failure in " + context.data().target().column());
    }
}
