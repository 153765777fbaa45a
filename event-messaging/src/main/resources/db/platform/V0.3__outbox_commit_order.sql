-- The transaction that wrote each outbox row. The relay publishes a row only once every transaction
-- that started before it has ended, so a row committed early can never overtake an earlier insert
-- that is still in flight: events leave in the order they were written.
ALTER TABLE outbox_event ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();
