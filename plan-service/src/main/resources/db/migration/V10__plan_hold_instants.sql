-- When a hold began and ended, to the microsecond, beside the days adherence counts: the timeline
-- places a hold after the change that caused it. Holds from before this version only know their day.
ALTER TABLE plan_hold ADD COLUMN started_at TIMESTAMPTZ, ADD COLUMN ended_at TIMESTAMPTZ;
UPDATE plan_hold SET started_at = started_on::timestamp AT TIME ZONE 'UTC',
                     ended_at = ended_on::timestamp AT TIME ZONE 'UTC';
ALTER TABLE plan_hold ALTER COLUMN started_at SET NOT NULL;
