CREATE TABLE exercise (
    code                  TEXT        PRIMARY KEY,
    name                  TEXT        NOT NULL,
    category              TEXT        NOT NULL,
    instructions          TEXT        NOT NULL,
    default_sets          INTEGER,
    default_reps          INTEGER,
    default_hold_seconds  INTEGER,
    loads_flexion         BOOLEAN     NOT NULL,
    loads_extension       BOOLEAN     NOT NULL,
    loads_rotation        BOOLEAN     NOT NULL,
    contraindicated_for   TEXT        NOT NULL,
    cautioned_for         TEXT        NOT NULL,
    retired_at            TIMESTAMPTZ
);

-- What plan-service knows about a patient, built only from patient-service events.
CREATE TABLE patient_profile (
    patient_id     UUID        PRIMARY KEY,
    clinic_id      TEXT        NOT NULL,
    login_subject  TEXT,
    conditions     TEXT        NOT NULL,
    motor_deficit  BOOLEAN     NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX patient_profile_subject_idx ON patient_profile (login_subject);

CREATE TABLE open_red_flag (
    flag_id     UUID PRIMARY KEY,
    patient_id  UUID NOT NULL,
    flag        TEXT NOT NULL,
    urgency     TEXT NOT NULL
);

CREATE INDEX open_red_flag_patient_idx ON open_red_flag (patient_id);

CREATE TABLE plan (
    id                      UUID        PRIMARY KEY,
    patient_id              UUID        NOT NULL,
    clinic_id               TEXT        NOT NULL,
    version                 INTEGER     NOT NULL,
    supersedes              UUID        REFERENCES plan (id),
    status                  TEXT        NOT NULL,
    start_date              DATE        NOT NULL,
    sessions_per_week       INTEGER     NOT NULL,
    duration_weeks          INTEGER     NOT NULL,
    phases                  TEXT        NOT NULL,
    pain_triggers           TEXT        NOT NULL,
    activity_modifications  TEXT        NOT NULL,
    goals                   TEXT        NOT NULL,
    overrides               TEXT        NOT NULL,
    warnings                TEXT        NOT NULL,
    created_by              TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    status_changed_at       TIMESTAMPTZ NOT NULL,
    row_version             INTEGER     NOT NULL
);

CREATE INDEX plan_patient_idx ON plan (patient_id, status);

-- Days a plan spent ON_HOLD; weeks overlapping a hold are not prescribed.
CREATE TABLE plan_hold (
    id          BIGSERIAL PRIMARY KEY,
    plan_id     UUID      NOT NULL REFERENCES plan (id),
    started_on  DATE      NOT NULL,
    ended_on    DATE
);

CREATE TABLE session (
    id               UUID        PRIMARY KEY,
    plan_id          UUID        NOT NULL REFERENCES plan (id),
    patient_id       UUID        NOT NULL,
    idempotency_key  TEXT,
    performed_at     TIMESTAMPTZ NOT NULL,
    logged_at        TIMESTAMPTZ NOT NULL,
    logged_by        TEXT        NOT NULL,
    plan_week        INTEGER     NOT NULL,
    exercises_done   TEXT        NOT NULL,
    prescribed       INTEGER     NOT NULL,
    done             INTEGER     NOT NULL,
    counts           BOOLEAN     NOT NULL,
    pain_before      INTEGER     NOT NULL,
    pain_after       INTEGER     NOT NULL,
    effort           INTEGER,
    new_symptoms     TEXT        NOT NULL,
    red_flags        TEXT        NOT NULL,
    motor_deficit    BOOLEAN     NOT NULL,
    UNIQUE (plan_id, idempotency_key)
);

CREATE INDEX session_plan_idx ON session (plan_id, performed_at);

-- The review and adherence clocks: one row per due moment, fired once.
CREATE TABLE plan_clock (
    id        BIGSERIAL   PRIMARY KEY,
    plan_id   UUID        NOT NULL REFERENCES plan (id),
    kind      TEXT        NOT NULL,
    week      INTEGER     NOT NULL,
    due_on    DATE        NOT NULL,
    fired_at  TIMESTAMPTZ,
    UNIQUE (plan_id, kind, week)
);

CREATE INDEX plan_clock_due_idx ON plan_clock (due_on) WHERE fired_at IS NULL;
