CREATE TABLE patient (
    id             UUID        PRIMARY KEY,
    clinic_id      TEXT        NOT NULL,
    given_name     TEXT        NOT NULL,
    family_name    TEXT        NOT NULL,
    birth_date     DATE        NOT NULL,
    sex            TEXT        NOT NULL,
    email          TEXT,
    phone          TEXT,
    login_subject  TEXT        UNIQUE,
    version        INTEGER     NOT NULL,
    registered_at  TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

CREATE INDEX patient_clinic_name_idx ON patient (clinic_id, lower(family_name), lower(given_name));

CREATE TABLE intake (
    id            UUID        PRIMARY KEY,
    patient_id    UUID        NOT NULL REFERENCES patient (id),
    clinic_id     TEXT        NOT NULL,
    intake_date   DATE        NOT NULL,
    answers       TEXT        NOT NULL,
    assessment    TEXT        NOT NULL,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);

CREATE INDEX intake_patient_idx ON intake (patient_id, recorded_at);

CREATE TABLE red_flag (
    id                   UUID        PRIMARY KEY,
    patient_id           UUID        NOT NULL REFERENCES patient (id),
    intake_id            UUID        NOT NULL REFERENCES intake (id),
    clinic_id            TEXT        NOT NULL,
    flag                 TEXT        NOT NULL,
    urgency              TEXT        NOT NULL,
    suspected_condition  TEXT        NOT NULL,
    raised_at            TIMESTAMPTZ NOT NULL,
    cleared_at           TIMESTAMPTZ,
    cleared_by           TEXT,
    clear_reason         TEXT
);

CREATE INDEX red_flag_patient_idx ON red_flag (patient_id);
