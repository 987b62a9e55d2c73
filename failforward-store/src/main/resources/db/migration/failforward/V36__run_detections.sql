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
