-- Writers no longer NOTIFY: PostgreSQL serializes the commit of every notifying transaction of the
-- cluster behind one lock, WAL flush included, so commits that wrote outbox rows lost group commit.
-- Each service's relay looks for the rows its own process wrote (OutboxRelay.expectRows) and polls.
DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
DROP FUNCTION IF EXISTS outbox_event_notify();
