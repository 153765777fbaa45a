-- The clock job claims due clocks in (due_on, id) order, a batch at a time: with the whole order in the
-- index a batch reads its rows from the index instead of sorting every due clock again.
DROP INDEX plan_clock_due_idx;
CREATE INDEX plan_clock_due_idx ON plan_clock (due_on, id) WHERE fired_at IS NULL;
