package dev.failforward.probe.stress;

/** The kinds of stress split; failures they reveal have origin {@code probe:<id>}. */
public enum StressKind {
    LEAVE_ONE_GROUP_OUT("leave-one-group-out"),
    TIME_SPLIT("time-split"),
    SHIFTED("shifted");

    private final String id;

    StressKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String origin() {
        return "probe:" + id;
    }
}
