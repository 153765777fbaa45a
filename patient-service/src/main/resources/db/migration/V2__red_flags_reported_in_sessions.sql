-- A red flag reported in a session opens a red flag on the patient as an intake answer does
-- (clinical rules §7): such a flag has the session instead of an intake.
ALTER TABLE red_flag ALTER COLUMN intake_id DROP NOT NULL;
ALTER TABLE red_flag ADD COLUMN session_id UUID;
ALTER TABLE red_flag ADD CONSTRAINT red_flag_has_a_source CHECK (intake_id IS NOT NULL OR session_id IS NOT NULL);
