-- The review week whose adherence the snapshot holds, so that a review-due event arriving after a
-- later week's (redelivered from the dead-letter topic) does not replace the later adherence.
-- Snapshots written before: unknown, so the next review-due event is taken.
ALTER TABLE plan_snapshot ADD COLUMN adherence_week INTEGER;
