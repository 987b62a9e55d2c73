package dev.failforward.probe.stress;

/**
 * Which stress splits to run: leave-one-group-out over {@code group}'s {@code maxGroups} most frequent values,
 * a time-ordered split on {@code time} (the earliest {@link #TIME_TRAIN_SHARE} trains), and a shifted test
 * set; each null when not wanted.
 */
public record StressSettings(String group, String time, ShiftSpec shift, int maxGroups) {

    public static final int DEFAULT_MAX_GROUPS = 20;
    public static final double TIME_TRAIN_SHARE = 0.7;
    /** The share of a shifted test set drawn from the favoured rows. */
    public static final double SHIFT_SHARE = 0.8;

    public StressSettings {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("the number of groups must be at least 1, got " + maxGroups);
        }
    }

    public boolean any() {
        return group != null || time != null || shift != null;
    }
}
