-- FailForward failure log, schema version 1.
-- The same SQL runs on SQLite and PostgreSQL: only TEXT, INTEGER and DOUBLE PRECISION columns.
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

CREATE TABLE failures (
    id            TEXT PRIMARY KEY,
    run_id        TEXT NOT NULL REFERENCES runs (id),
    seq           INTEGER NOT NULL,              -- position in the run's failure list, from 0
    row_key       TEXT,
    origin        TEXT NOT NULL,
    input         TEXT NOT NULL,                 -- JSON object, columns in table order
    expected      TEXT,
    predicted     TEXT,
    probabilities TEXT NOT NULL,                 -- JSON object: class -> probability
    prediction    DOUBLE PRECISION,
    confidence    DOUBLE PRECISION,
    loss          DOUBLE PRECISION,
    cause_tags    TEXT NOT NULL,                 -- JSON array
    fingerprint   TEXT NOT NULL
);

-- Listing a run's failures in stored order; also serves lookups by run.
CREATE UNIQUE INDEX failures_by_run ON failures (run_id, seq);
-- Recognising the same failure across runs and models.
CREATE INDEX failures_by_fingerprint ON failures (fingerprint);
