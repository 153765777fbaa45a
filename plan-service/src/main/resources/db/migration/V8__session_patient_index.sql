-- A patient's sessions across every plan version (the FHIR Procedure search), without a scan of all clinics' sessions.
CREATE INDEX session_patient_idx ON session (patient_id, performed_at, id);
