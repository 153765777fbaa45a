-- A red flag reported in a session is open here from the session's own transaction, until the
-- red-flag-raised naming that session settles it; its urgency is patient-service's to decide.
ALTER TABLE open_red_flag ADD COLUMN session_id UUID;
ALTER TABLE open_red_flag ALTER COLUMN urgency DROP NOT NULL;
