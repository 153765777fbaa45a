-- The span the consumer applied each registration in, for the trace-context test.
ALTER TABLE projected_registration ADD COLUMN trace_id TEXT, ADD COLUMN parent_span_id TEXT, ADD COLUMN span_name TEXT;
