-- A front-end that retries a registration sends the same Idempotency-Key: the patient registered
-- under it in that clinic is answered again instead of a second patient.
ALTER TABLE patient ADD COLUMN idempotency_key TEXT;
ALTER TABLE patient ADD COLUMN request_hash TEXT;
ALTER TABLE patient ADD CONSTRAINT patient_clinic_idempotency_key UNIQUE (clinic_id, idempotency_key);
