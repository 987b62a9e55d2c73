package dev.failforward.data;

import dev.failforward.api.PublicApi;

/** What a column is for in a scan. */
@PublicApi
public enum ColumnRole {
    FEATURE, TARGET, ID, GROUP, TIME, WEIGHT, IGNORED
}
