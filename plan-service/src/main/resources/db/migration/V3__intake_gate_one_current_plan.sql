-- The intakes this service has applied: a plan request names the intake it is based on, and is
-- accepted only once that intake (with its conditions and red flags) is applied here.
CREATE TABLE applied_intake (
    intake_id     UUID        PRIMARY KEY,
    patient_id    UUID        NOT NULL REFERENCES patient_profile (patient_id),
    intake_date   DATE        NOT NULL,
    completed_at  TIMESTAMPTZ NOT NULL,
    applied_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX applied_intake_patient_idx ON applied_intake (patient_id);

ALTER TABLE patient_profile ADD COLUMN latest_intake_id UUID;

-- One current plan per patient, whatever the interleaving of requests.
CREATE UNIQUE INDEX plan_one_current_idx ON plan (patient_id) WHERE status IN ('ACTIVE', 'ON_HOLD');

-- The rules a late fact made a plan break when it was put on hold (JSON list of findings).
ALTER TABLE plan ADD COLUMN hold_violations TEXT NOT NULL DEFAULT '[]';

-- What a session request looked like, so that a key reused for another body is refused.
ALTER TABLE session ADD COLUMN request_hash TEXT;
