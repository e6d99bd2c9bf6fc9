-- Who sits where. The chips are in the ledger (a SEAT account per table and player); this row says which seat they
-- are on, so a restarted server can give players their seats back. It is written before the buy-in is posted and
-- removed after the cash-out committed; at start-up, a SEAT account holding chips without a row at an open table is
-- cashed out to its player's wallet.

CREATE TABLE table_seat (
    table_id        BIGINT      NOT NULL REFERENCES poker_table (id),
    seat            INTEGER     NOT NULL CHECK (seat BETWEEN 0 AND 9),
    player_id       BIGINT      NOT NULL REFERENCES player (id),
    seat_account_id BIGINT      NOT NULL,
    -- The buy-in's idempotency key: names this stint, so its cash-out key is unique too.
    stint_key       TEXT        NOT NULL,
    seated_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (table_id, seat),
    CONSTRAINT table_seat_one_per_player UNIQUE (table_id, player_id)
);
