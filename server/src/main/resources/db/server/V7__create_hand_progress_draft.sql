-- A hand's record as it stands while it is played: written after each of its postings committed (and once before
-- the first), so a crash that voids the hand leaves crash recovery its seats, starting stacks, cards and actions, not
-- only the refunds. Written with synchronous_commit off: it must survive the server's process dying, which it does
-- once PostgreSQL has it, not PostgreSQL's own crash (the ledger's transfers still tell the chips then). The hand's
-- finish deletes it in the transaction that stores the history. Scratch space, not history.
CREATE TABLE hand_progress_draft (
    hand_id BIGINT PRIMARY KEY REFERENCES hand (id),
    record  JSONB  NOT NULL
);
