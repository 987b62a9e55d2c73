-- Attributions of failures (failforward explain): one row per failure and method; explaining a
-- failure again with the same method replaces its row. The explanation is JSON text:
-- {"output", "scale", "base_value", "value", "fidelity": {"measure", "value"},
--  "attributions": [{"feature", "value"}, ...]} with attributions largest magnitude first.

CREATE TABLE attributions (
    failure_id  TEXT NOT NULL REFERENCES failures (id),
    run_id      TEXT NOT NULL REFERENCES runs (id),
    method      TEXT NOT NULL,
    explanation TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (failure_id, method)
);

CREATE INDEX attributions_by_run ON attributions (run_id);
