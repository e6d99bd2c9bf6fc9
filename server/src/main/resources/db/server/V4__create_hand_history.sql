-- Every finished hand's full record (docs/hand-history-json.md), written in the transaction that marks the hand
-- SETTLED or VOIDED, and the players dealt into it. Append-only, like the ledger's journal: a history that could be
-- rewritten would prove nothing.

CREATE TABLE hand_history (
    hand_id    BIGINT      PRIMARY KEY REFERENCES hand (id),
    table_id   BIGINT      NOT NULL,
    status     TEXT        NOT NULL CHECK (status IN ('SETTLED', 'VOIDED')),
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ NOT NULL,
    record     JSONB       NOT NULL
);

-- A table's hands, and every hand, in time order (exports read ranges in this order).
CREATE INDEX hand_history_by_table ON hand_history (table_id, started_at, hand_id);
CREATE INDEX hand_history_by_time ON hand_history (started_at, hand_id);

-- Who was dealt in: a player's hands in a time range, in time order, from the primary key alone.
CREATE TABLE hand_player (
    player_id  BIGINT      NOT NULL,
    started_at TIMESTAMPTZ NOT NULL,
    hand_id    BIGINT      NOT NULL REFERENCES hand_history (hand_id),
    seat       INTEGER     NOT NULL,
    PRIMARY KEY (player_id, started_at, hand_id)
);

CREATE FUNCTION hand_history_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'hand histories are append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER hand_history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON hand_history
    FOR EACH STATEMENT EXECUTE FUNCTION hand_history_refuse_change();
CREATE TRIGGER hand_player_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON hand_player
    FOR EACH STATEMENT EXECUTE FUNCTION hand_history_refuse_change();
