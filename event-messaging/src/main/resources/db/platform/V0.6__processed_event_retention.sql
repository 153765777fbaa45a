-- The ids of applied events are purged once older than backtrack.messaging.consumer.retention
-- (ProcessedEventPurge). Rows are inserted in processed_at order, so a BRIN index finds the old ones
-- at almost no cost to the claim every consumed event makes.
CREATE INDEX processed_event_processed_at ON processed_event USING brin (processed_at);
