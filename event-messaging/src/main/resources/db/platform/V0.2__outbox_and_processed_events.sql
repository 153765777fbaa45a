-- Transactional outbox: a service writes its state and its events in one transaction; the relay
-- publishes pending rows in id order and marks them published after the broker acknowledges.
CREATE TABLE outbox_event (
    id            BIGSERIAL   PRIMARY KEY,
    event_id      UUID        NOT NULL UNIQUE,
    topic         TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    source        TEXT        NOT NULL,
    record_key    TEXT        NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    payload       TEXT        NOT NULL,
    published_at  TIMESTAMPTZ
);

CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;

-- Wakes the relay when the inserting transaction commits (NOTIFY is delivered at commit).
CREATE FUNCTION outbox_event_notify() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('backtrack_outbox', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

-- Idempotent consumers: the CloudEvents id of every applied event, written with its effect.
CREATE TABLE processed_event (
    consumer      TEXT        NOT NULL,
    event_id      TEXT        NOT NULL,
    event_type    TEXT        NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
