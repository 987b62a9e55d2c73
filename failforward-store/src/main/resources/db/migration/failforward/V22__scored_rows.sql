-- FailForward failure log, schema version 22: rows an incomplete run has already scored.
-- A scan of a model trained elsewhere keeps each batch the model has answered here while it runs,
-- so that when the model fails for good (an endpoint that goes away) the run stays incomplete with
-- these rows, and resuming it scores only the others. Completing the run moves its rows into
-- predictions and deletes them here. Columns as in predictions; position is the row's place among
-- the run's scored rows (its seq once the run is complete).
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
