-- The login subject of each registration, indexed as the services index theirs, for the test of a value
-- the database can never store.
ALTER TABLE projected_registration ADD COLUMN login_subject TEXT;
CREATE INDEX projected_registration_login_idx ON projected_registration (login_subject);
