-- When plan-service changed the plan's status last, as its plan-status-changed event says, so that a
-- change arriving after a later one (redelivered from the dead-letter topic) does not undo it.
-- Snapshots written before: unknown, so the next change is taken.
ALTER TABLE plan_snapshot ADD COLUMN status_changed_at TIMESTAMPTZ;
