-- What a hand's progress draft (V7) has not caught up with: the events committed since the draft was written, one row
-- per committed move, appended in order. Rewriting the whole draft after each move cost the server a hand's record
-- as JSON, and PostgreSQL a TOASTed JSONB row, per action, so a hand cost the square of its length
-- (docs/performance.md); a row here holds only the move's own events. first_event is the index, in the record's
-- events, of the row's first event: a move written again after a write whose outcome the table did not learn replaces
-- its row. Read with the draft by crash recovery. Written with synchronous_commit off, as the draft is.
-- Scratch space, not history, like the drafts of V6 and V7: the ledger's transfers are the hand's money and
-- hand_history its permanent record; these rows only let crash recovery rebuild that record. So they are deleted with
-- the draft in the transaction that stores the hand's history (settled or voided, in play or by crash recovery), and
-- a draft written whole again deletes the rows it already holds: the table holds rows of unfinished hands only.
-- No foreign key, which would check the hand on every move.
CREATE TABLE hand_progress_step (
    hand_id     BIGINT  NOT NULL,
    first_event INTEGER NOT NULL CHECK (first_event >= 0),
    events      JSONB   NOT NULL,
    PRIMARY KEY (hand_id, first_event)
);
