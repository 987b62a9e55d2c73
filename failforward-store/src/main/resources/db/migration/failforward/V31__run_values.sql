-- How many evaluated rows of a run had each value of an input column, and how many of them failed
-- (log stats --by COLUMN shows failures / rows per value). Written in the transaction that
-- completes the run. A category has value_text; a numeric bin has low and high (equal for a bin
-- of one value; bins are [low, high), the column's top bin [low, high]); missing values have
-- neither. Runs stored before this version have no rows here.

CREATE TABLE run_values (
    run_id        TEXT NOT NULL REFERENCES runs (id),
    name          TEXT NOT NULL,
    value_text    TEXT,
    low           DOUBLE PRECISION,
    high          DOUBLE PRECISION,
    row_count     BIGINT NOT NULL,
    failure_count BIGINT NOT NULL
);

CREATE INDEX run_values_by_run ON run_values (run_id, name);
