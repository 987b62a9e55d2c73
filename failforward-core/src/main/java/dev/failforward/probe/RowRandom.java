package dev.failforward.probe;

import java.util.SplittableRandom;

/** A random stream for one row of one probe, derived from the seed alone so results do not depend on order. */
public final class RowRandom {

    private RowRandom() {
    }

    /** The generator for {@code row} of probe {@code probe} at {@code level} under {@code seed}. */
    public static SplittableRandom of(long seed, String probe, double level, int row) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= probe.hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= Double.doubleToLongBits(level) * 0x165667B19E3779F9L;
        h ^= (row + 1L) * 0xD6E8FEB86659FD93L;
        return new SplittableRandom(h);
    }
}
