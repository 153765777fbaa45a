-- A front-end that retries an intake POST sends the same Idempotency-Key: the intake recorded under
-- it is answered again instead of a second intake (and a second intake-completed event).
ALTER TABLE intake ADD COLUMN idempotency_key TEXT;
ALTER TABLE intake ADD COLUMN request_hash TEXT;
ALTER TABLE intake ADD CONSTRAINT intake_patient_idempotency_key UNIQUE (patient_id, idempotency_key);
