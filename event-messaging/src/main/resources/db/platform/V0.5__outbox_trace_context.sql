-- The W3C trace context (traceparent) of the span that wrote each outbox row. The relay sends it as
-- the record's traceparent header, so a consumer continues the trace of the request or event that
-- caused the event. Rows written outside any trace have none.
ALTER TABLE outbox_event ADD COLUMN traceparent text;
