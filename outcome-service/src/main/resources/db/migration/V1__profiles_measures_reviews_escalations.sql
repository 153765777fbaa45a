-- What outcome-service keeps of other services' events: the patient's clinical profile and baselines.
CREATE TABLE patient_profile (
    patient_id               UUID        PRIMARY KEY,
    clinic_id                TEXT        NOT NULL,
    login_subject            TEXT,
    conditions               TEXT        NOT NULL,
    motor_deficit_intake     BOOLEAN     NOT NULL,
    motor_deficit_session    BOOLEAN     NOT NULL,
    chronic_pain_syndrome    BOOLEAN     NOT NULL,
    start_back_risk          TEXT,
    intake_id                UUID,
    intake_date              DATE,
    baseline_pain_nrs        INTEGER,
    baseline_odi_percent     NUMERIC,
    baseline_odi_raw_sum     INTEGER,
    baseline_odi_sections    INTEGER,
    baseline_psfs_mean       NUMERIC,
    updated_at               TIMESTAMPTZ NOT NULL
);

CREATE INDEX patient_profile_login_idx ON patient_profile (login_subject);

CREATE TABLE plan_snapshot (
    plan_id                   UUID        PRIMARY KEY,
    patient_id                UUID        NOT NULL,
    clinic_id                 TEXT        NOT NULL,
    start_date                DATE        NOT NULL,
    sessions_per_week         INTEGER     NOT NULL,
    status                    TEXT        NOT NULL,
    adherence_counted         INTEGER,
    adherence_prescribed      INTEGER,
    adherence_percent         INTEGER,
    adherent                  BOOLEAN,
    consecutive_missed_weeks  INTEGER     NOT NULL,
    last_missed_week          INTEGER,
    updated_at                TIMESTAMPTZ NOT NULL
);

CREATE INDEX plan_snapshot_patient_idx ON plan_snapshot (patient_id, updated_at);

CREATE TABLE measure (
    id               UUID        PRIMARY KEY,
    patient_id       UUID        NOT NULL,
    clinic_id        TEXT        NOT NULL,
    type             TEXT        NOT NULL,
    effective_date   DATE        NOT NULL,
    value            NUMERIC     NOT NULL,
    odi_raw_sum      INTEGER,
    odi_sections     INTEGER,
    psfs_items       TEXT,
    recorded_by      TEXT        NOT NULL,
    recorded_role    TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    idempotency_key  TEXT,
    UNIQUE (patient_id, idempotency_key)
);

CREATE INDEX measure_patient_idx ON measure (patient_id, type, effective_date);

CREATE TABLE review (
    id                     UUID        PRIMARY KEY,
    patient_id             UUID        NOT NULL,
    clinic_id              TEXT        NOT NULL,
    plan_id                UUID        NOT NULL,
    week                   INTEGER     NOT NULL,
    plan_start_date        DATE        NOT NULL,
    due_date               DATE        NOT NULL,
    status                 TEXT        NOT NULL,
    verdict                TEXT,
    pain                   TEXT,
    odi                    TEXT,
    pain_measure_id        UUID,
    odi_measure_id         UUID,
    adherence_counted      INTEGER     NOT NULL,
    adherence_prescribed   INTEGER     NOT NULL,
    adherence_percent      INTEGER     NOT NULL,
    adherent               BOOLEAN     NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    completed_at           TIMESTAMPTZ,
    -- A redelivered or duplicated review-due yields one review.
    UNIQUE (plan_id, week)
);

CREATE INDEX review_patient_idx ON review (patient_id, due_date);
CREATE INDEX review_awaiting_idx ON review (due_date) WHERE status = 'AWAITING_MEASURES';
CREATE INDEX review_clinic_idx ON review (clinic_id, status, due_date);

CREATE TABLE escalation (
    id                   UUID        PRIMARY KEY,
    patient_id           UUID        NOT NULL,
    clinic_id            TEXT        NOT NULL,
    type                 TEXT        NOT NULL,
    urgency              TEXT        NOT NULL,
    rule_id              TEXT        NOT NULL,
    rule_version         TEXT        NOT NULL,
    rationale            TEXT        NOT NULL,
    evidence             TEXT        NOT NULL,
    guideline_reference  TEXT        NOT NULL,
    review_id            UUID        REFERENCES review (id),
    status               TEXT        NOT NULL,
    decline_reason       TEXT,
    recommended_at       TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

-- At most one open escalation of a type per patient.
CREATE UNIQUE INDEX escalation_one_open_per_type
    ON escalation (patient_id, type) WHERE status IN ('RECOMMENDED', 'ACKNOWLEDGED', 'ORDERED');
CREATE INDEX escalation_clinic_idx ON escalation (clinic_id, status, recommended_at);
CREATE INDEX escalation_patient_idx ON escalation (patient_id, recommended_at);

CREATE TABLE escalation_transition (
    id               UUID        PRIMARY KEY,
    escalation_id    UUID        NOT NULL REFERENCES escalation (id),
    from_status      TEXT,
    to_status        TEXT        NOT NULL,
    urgency          TEXT        NOT NULL,
    rule_id          TEXT,
    reason           TEXT,
    actor            TEXT        NOT NULL,
    actor_role       TEXT        NOT NULL,
    occurred_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX escalation_transition_idx ON escalation_transition (escalation_id, occurred_at);
