-- Escalation transitions are optimistic: of two conflicting clicks, one wins.
ALTER TABLE escalation ADD COLUMN row_version INTEGER NOT NULL DEFAULT 0;

-- What a measure request looked like, so that a key reused for another body is refused.
ALTER TABLE measure ADD COLUMN request_hash TEXT;
