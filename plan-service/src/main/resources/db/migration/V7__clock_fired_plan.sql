-- The plan version a clock fired on, so that a review's adherence counted again for a late session
-- names the review as its review-due event did. Clocks fired before this column: the version in force then.
ALTER TABLE plan_clock ADD COLUMN fired_plan_id UUID REFERENCES plan (id);

UPDATE plan_clock c SET fired_plan_id = (
        SELECT p.id FROM plan p
         WHERE p.course_id = c.course_id AND (p.created_at <= c.fired_at OR p.version = 1)
         ORDER BY p.version DESC LIMIT 1)
 WHERE c.fired_at IS NOT NULL;
