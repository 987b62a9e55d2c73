-- FailForward failure log, schema version 38: the whole schema in one script (the baseline).
-- Logs written before the baseline, whose history holds versions 1 to 38 of the scripts it
-- replaces, have exactly this schema and are recognised as version 38 when opened (Migrations).
--
-- The same SQL runs on SQLite and PostgreSQL; the placeholders are filled from the store's
-- Dialect: ${key} is the type of 64-bit integer keys (INTEGER on SQLite, where INTEGER PRIMARY KEY
-- is the rowid; BIGINT on PostgreSQL) and ${without_rowid} makes a table of keys alone a clustered
-- index on SQLite (nothing on PostgreSQL).
-- Instants are ISO-8601 text (exact to the nanosecond); maps and lists are JSON text.
-- Flags are INTEGER 0/1. A NaN loss is stored as NULL (SQLite cannot hold NaN).

CREATE TABLE runs (
    id                TEXT PRIMARY KEY,          -- ULID: sorts by start time
    kind              TEXT NOT NULL,             -- the verb that made it: scan, demo, ...
    started_at        TEXT NOT NULL,
    finished_at       TEXT,
    status            TEXT NOT NULL CHECK (status IN ('incomplete', 'complete')),
    task              TEXT NOT NULL,
    target            TEXT,
    classes           TEXT NOT NULL,             -- JSON array, in the model's class order
    model_id          TEXT,
    model_fingerprint TEXT,
    model_path        TEXT,
    data              TEXT,
    data_fingerprint  TEXT,
    metrics           TEXT NOT NULL,             -- JSON object, in metric order
    prediction_count  INTEGER NOT NULL,
    failure_count     INTEGER NOT NULL,
    provenance        TEXT                       -- JSON object
);

-- Every scored row of a run, failed or not.
CREATE TABLE predictions (
    run_id        TEXT NOT NULL REFERENCES runs (id),
    seq           INTEGER NOT NULL,              -- position in the run, from 0
    row_key       TEXT,
    expected      TEXT,
    predicted     TEXT,
    probabilities TEXT NOT NULL,                 -- JSON array in the run's class order; [] for regression
    prediction    DOUBLE PRECISION,
    loss          DOUBLE PRECISION,
    failure       INTEGER NOT NULL CHECK (failure IN (0, 1)),
    PRIMARY KEY (run_id, seq)
);

-- Production events by their id. A prediction event fills model .. probabilities, an outcome
-- event fills outcome; they may arrive in either order and in separate files. judged_run is the
-- ingest run that compared the two, NULL until both are known: each pair is judged once.
CREATE TABLE production_events (
    event_id      TEXT PRIMARY KEY,
    model         TEXT,
    event_time    TEXT,
    features      TEXT,                          -- JSON object; NULL until the prediction arrives
    prediction    TEXT,
    probabilities TEXT,                          -- JSON object: class -> probability, or NULL
    outcome       TEXT,
    judged_run    TEXT
);
-- Pairs waiting for their other half are found without reading judged ones.
CREATE INDEX production_events_unjudged ON production_events (judged_run);

-- Triage decisions, never updated or deleted: the newest one per fingerprint is the current
-- state, so a decision follows the same failure into later runs.
CREATE TABLE triage (
    seq         INTEGER NOT NULL,               -- order of decisions, from 1
    fingerprint TEXT NOT NULL,
    failure_id  TEXT NOT NULL,                  -- the failure the decision was made on
    status      TEXT NOT NULL CHECK (status IN ('open', 'triaged', 'wont-fix', 'fixed')),
    cause       TEXT,
    note        TEXT,
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (seq)
);
CREATE INDEX triage_by_fingerprint ON triage (fingerprint, seq);

-- Rows an incomplete run has already scored: a scan of a model trained elsewhere keeps each batch
-- the model has answered here while it runs, so that when the model fails for good the run stays
-- incomplete with these rows, and resuming it scores only the others. Completing the run moves its
-- rows into predictions and deletes them here. Columns as in predictions; position is the row's
-- place among the run's scored rows (its seq once the run is complete).
CREATE TABLE scored_rows (
    run_id        TEXT NOT NULL REFERENCES runs (id),
    position      INTEGER NOT NULL,
    row_key       TEXT,
    expected      TEXT,
    predicted     TEXT,
    probabilities TEXT NOT NULL,                 -- JSON array in the run's class order; [] for regression
    prediction    DOUBLE PRECISION,
    loss          DOUBLE PRECISION,
    failure       INTEGER NOT NULL CHECK (failure IN (0, 1)),
    PRIMARY KEY (run_id, position)
);

-- What separates a run's failures from its correct predictions (failforward explain): one row per
-- run and method; explaining the run again with the same method replaces it. The contrast is JSON:
-- {"scale", "groups": [{"slice" (null: all rows), "size", "errors", "failures_explained",
--  "correct_explained", "on_failures": {feature: mean |attribution|}, "on_correct": {...}}, ...]}.
CREATE TABLE attribution_contrasts (
    run_id     TEXT NOT NULL REFERENCES runs (id),
    method     TEXT NOT NULL,
    contrast   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, method)
);

-- How many evaluated rows of a run had each value of an input column, and how many of them failed
-- (log stats --by COLUMN shows failures / rows per value). Written in the transaction that
-- completes the run. A category has value_text; a numeric bin has low and high (equal for a bin
-- of one value; bins are [low, high), the column's top bin [low, high]); missing values have
-- neither. Runs stored before schema version 31 have no rows here.
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

-- The catalogue of the input tables: one row per distinct list of input columns (a column set),
-- the names as a JSON array in data order. Each set has its table of failures' input values,
--   failure_inputs_<id> (failure ${key} PRIMARY KEY, v0_n DOUBLE PRECISION, v0_t TEXT, v1_n ..., v1_t ...)
-- one row per failure whose input has exactly these columns: for the column at position k a number
-- v<k>_n and a text v<k>_t (categories, strings, booleans), a missing value NULL in both. Those
-- tables are part of this schema but made when a run first brings a new column set, in the
-- transaction that stores it, by one piece of code (InputSet.of), with the same placeholders.
CREATE TABLE input_sets (id ${key} PRIMARY KEY, columns TEXT NOT NULL);

-- What a run's detectors measured and found, so `failforward report --run` rebuilds their sections.
-- One row per detector result (kind 'result': {"id", "status", "error", "measurements", "millis"})
-- and per finding (kind 'finding': {"detector", "severity", "title", "rows", "row_keys",
-- "cause_tag", "evidence"}), in the order the scan reported them.
CREATE TABLE run_detections (
    run_id   TEXT NOT NULL REFERENCES runs (id),
    kind     TEXT NOT NULL CHECK (kind IN ('result', 'finding')),
    position INTEGER NOT NULL,
    body     TEXT NOT NULL,
    PRIMARY KEY (run_id, kind, position)
);

-- One row per failure, numbered across the log (num). id is stored only when it is not
-- RUN-N (its run's id and its position from 1), which is computed when read. input is a JSON copy
-- kept only when the failure's row in its input table cannot hold the values exactly; input_types
-- says how to read the input back from that row, one letter per column (d number, x NaN,
-- 0 missing, s string, b boolean). probe_params and perturbed_input (JSON) are set for failures a
-- probe provoked. fingerprint_key is a 64-bit FNV-1a hash of the fingerprint.
CREATE TABLE failures (
    num             ${key} PRIMARY KEY,
    id              TEXT,
    run_id          TEXT NOT NULL REFERENCES runs (id),
    seq             INTEGER NOT NULL,            -- position in the run's failure list, from 0
    row_key         TEXT,
    origin          TEXT NOT NULL,
    input           TEXT,
    input_types     TEXT,
    expected        TEXT,
    predicted       TEXT,
    probabilities   TEXT NOT NULL,               -- JSON object: class -> probability
    prediction      DOUBLE PRECISION,
    confidence      DOUBLE PRECISION,
    loss            DOUBLE PRECISION,
    cause_tags      TEXT NOT NULL,               -- JSON array
    fingerprint     TEXT NOT NULL,
    probe_params    TEXT,
    perturbed_input TEXT,
    fingerprint_key ${key}
);
-- A run's failures in stored order; also the failure with a computed id.
CREATE UNIQUE INDEX failures_by_run ON failures (run_id, seq);
-- Stored ids name one failure.
CREATE UNIQUE INDEX failures_by_id ON failures (id) WHERE id IS NOT NULL;

-- Attributions of failures (failforward explain): one row per failure and method; explaining a
-- failure again with the same method replaces its row. The explanation is JSON text:
-- {"output", "scale", "base_value", "value", "fidelity": {"measure", "value"},
--  "attributions": [{"feature", "value"}, ...]} with attributions largest magnitude first.
CREATE TABLE attributions (
    failure     ${key} NOT NULL REFERENCES failures (num),
    run_id      TEXT NOT NULL REFERENCES runs (id),
    method      TEXT NOT NULL,
    explanation TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (failure, method)
);
CREATE INDEX attributions_by_run ON attributions (run_id);

-- Failures by fingerprint key (recurrence, a failure's history), written sorted after a run's
-- failures so each pair goes next to the one before it. Two fingerprints may share a key: every
-- lookup also compares the failure's fingerprint.
CREATE TABLE failure_fingerprints (
    fingerprint_key ${key} NOT NULL,
    failure         ${key} NOT NULL,
    PRIMARY KEY (fingerprint_key, failure)
)${without_rowid};
