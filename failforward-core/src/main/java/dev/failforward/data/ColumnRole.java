package dev.failforward.data;

/** What a column is for in a scan. */
public enum ColumnRole {
    FEATURE, TARGET, ID, GROUP, TIME, WEIGHT, IGNORED
}
