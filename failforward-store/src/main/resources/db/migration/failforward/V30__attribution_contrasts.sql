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
