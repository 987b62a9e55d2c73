-- FailForward failure log, schema version 21: what a probe changed to provoke a failure.
-- Both NULL for failures no probe provoked. probe_params is a JSON object of text values (level,
-- changed columns, the expectation tested, ...); perturbed_input is the row as the model saw it,
-- a JSON object like input.
ALTER TABLE failures ADD COLUMN probe_params TEXT;
ALTER TABLE failures ADD COLUMN perturbed_input TEXT;
