-- A revision continues its course (docs/clinical-rules.md §7): every version of a plan belongs to the
-- course its first version started, named by that version's id.
ALTER TABLE plan ADD COLUMN course_id UUID REFERENCES plan (id);

WITH RECURSIVE course AS (
    SELECT id, id AS course_id FROM plan WHERE supersedes IS NULL
    UNION ALL
    SELECT p.id, c.course_id FROM plan p JOIN course c ON p.supersedes = c.id)
UPDATE plan SET course_id = course.course_id FROM course WHERE plan.id = course.id;

ALTER TABLE plan ALTER COLUMN course_id SET NOT NULL;
CREATE INDEX plan_course_idx ON plan (course_id, version);

-- The weekly checks and review due days are the course's, not a version's: one clock per course,
-- kind and week. Rows of later versions move to their course; of duplicates the fired one stays.
ALTER TABLE plan_clock DROP CONSTRAINT plan_clock_plan_id_kind_week_key;
ALTER TABLE plan_clock RENAME COLUMN plan_id TO course_id;
UPDATE plan_clock c SET course_id = p.course_id FROM plan p WHERE p.id = c.course_id AND p.course_id <> p.id;
DELETE FROM plan_clock c
 WHERE EXISTS (SELECT 1 FROM plan_clock k
                WHERE k.course_id = c.course_id AND k.kind = c.kind AND k.week = c.week
                  AND (k.fired_at IS NOT NULL, -k.id) > (c.fired_at IS NOT NULL, -c.id));
ALTER TABLE plan_clock ADD CONSTRAINT plan_clock_course_kind_week_key UNIQUE (course_id, kind, week);

-- Holds are read per course, with the versions' sessions.
CREATE INDEX plan_hold_plan_idx ON plan_hold (plan_id);
