-- Append-only, hash-chained record of every read and write of patient data.
CREATE SEQUENCE audit_entry_seq;

CREATE TABLE audit_entry (
    id             BIGINT      PRIMARY KEY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    actor_role     TEXT        NOT NULL,
    clinic_id      TEXT,
    action         TEXT        NOT NULL,
    resource_type  TEXT        NOT NULL,
    resource_id    TEXT,
    patient_id     UUID,
    detail         TEXT,
    previous_hash  TEXT        NOT NULL,
    entry_hash     TEXT        NOT NULL
);

CREATE INDEX audit_entry_patient_idx ON audit_entry (patient_id, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
