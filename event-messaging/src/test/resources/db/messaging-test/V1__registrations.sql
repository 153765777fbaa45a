-- A stand-in business table for the outbox test, and a projection for the consumer test.
CREATE TABLE registration (
    patient_id  UUID PRIMARY KEY,
    clinic_id   TEXT NOT NULL
);

CREATE TABLE projected_registration (
    patient_id     UUID    PRIMARY KEY,
    times_applied  INTEGER NOT NULL
);
