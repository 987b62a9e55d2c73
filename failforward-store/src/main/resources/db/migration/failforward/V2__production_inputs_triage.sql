-- FailForward failure log, schema version 2: production capture, typed input values, triage.
-- The same SQL runs on SQLite and PostgreSQL.

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

-- Each failure's input values, typed (long format): numbers in num_value, text, categories and
-- booleans in text_value, missing values as two NULLs. Filters and statistics on inputs read
-- this instead of parsing JSON; the index answers "name = value" and "name > number" alone.
CREATE TABLE failure_inputs (
    failure_id TEXT NOT NULL,
    name       TEXT NOT NULL,
    num_value  DOUBLE PRECISION,
    text_value TEXT
);
CREATE INDEX failure_inputs_by_value ON failure_inputs (name, text_value, num_value, failure_id);

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

