-- Leases with fencing tokens. A lease names a resource (a poker table: 'table:17'), who holds it and until when, told
-- by this database's clock (the only clock every node agrees on). Each claim by anyone (a new holder, or the same one
-- again after a release or an expiry) raises the epoch, which only grows. A posting may carry a fence (a lease name
-- and an epoch): it commits only if the lease still stands at that epoch, checked in the posting's own transaction
-- with the row read FOR SHARE, so a claim and a posting of the old epoch never both commit in the wrong order. A
-- holder that paused past its lease, and woke after another claimed it, moves no chip.

CREATE TABLE lease (
    name       text        PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 200),
    holder     text        NOT NULL CHECK (length(holder) BETWEEN 1 AND 200),
    epoch      bigint      NOT NULL CHECK (epoch > 0),
    expires_at timestamptz NOT NULL,
    claimed_at timestamptz NOT NULL
);

-- Who held each lease from when, one row per claim, append-only: the journal's fence epochs are checked against it
-- (no posting of an epoch may be newer than the next epoch's claim).
CREATE TABLE lease_claim (
    name       text        NOT NULL,
    epoch      bigint      NOT NULL,
    holder     text        NOT NULL,
    claimed_at timestamptz NOT NULL,
    PRIMARY KEY (name, epoch)
);

CREATE TRIGGER lease_claim_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON lease_claim
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_journal_change();

-- The fence a posting committed under, if any: null for postings no lease guards (deposits, welcome grants).
ALTER TABLE posting ADD COLUMN fence_name text, ADD COLUMN fence_epoch bigint;
