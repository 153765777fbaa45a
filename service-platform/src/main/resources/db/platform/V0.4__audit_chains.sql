-- Audit entries are chained per patient (per clinic, or per service, for entries about no patient),
-- so only entries of one chain wait for each other; each is keyed with an HMAC whose key is not in
-- the database. Entries written before this keep scheme 1, their single unkeyed SHA-256 chain.
ALTER TABLE audit_entry
    ADD COLUMN scheme     SMALLINT    NOT NULL DEFAULT 1,
    ADD COLUMN chain_key  TEXT,
    ADD COLUMN chain_seq  BIGINT,
    ADD COLUMN written_at TIMESTAMPTZ NOT NULL DEFAULT now();

CREATE UNIQUE INDEX audit_entry_chain_idx ON audit_entry (chain_key, chain_seq) WHERE scheme = 2;
CREATE INDEX audit_entry_written_idx ON audit_entry (written_at);

-- The newest head of each chain that was published outside the database (the anchor topic and the
-- log). Only a bookmark for the anchoring job: verification trusts the published copy, not this one.
CREATE TABLE audit_anchor (
    chain_key    TEXT        PRIMARY KEY,
    chain_seq    BIGINT      NOT NULL,
    entry_hash   TEXT        NOT NULL,
    anchored_at  TIMESTAMPTZ NOT NULL
);
