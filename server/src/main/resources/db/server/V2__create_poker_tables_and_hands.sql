-- Tables players can sit at, and the hands played there. A hand is OPEN until its settlement committed in the
-- ledger; an OPEN hand found at start-up was cut short by a crash and is voided (its chips refunded to the seats).

CREATE TABLE poker_table (
    id                 BIGSERIAL PRIMARY KEY,
    name               TEXT          NOT NULL,
    currency           TEXT          NOT NULL DEFAULT 'CHP',
    small_blind        NUMERIC(17,2) NOT NULL CHECK (small_blind >= 0),
    big_blind          NUMERIC(17,2) NOT NULL CHECK (big_blind > 0),
    ante               NUMERIC(17,2) NOT NULL DEFAULT 0 CHECK (ante >= 0),
    seats              INTEGER       NOT NULL CHECK (seats BETWEEN 2 AND 10),
    min_buy_in         NUMERIC(17,2) NOT NULL CHECK (min_buy_in > 0),
    max_buy_in         NUMERIC(17,2) NOT NULL CHECK (max_buy_in >= min_buy_in),
    rake_percent       NUMERIC(5,2)  NOT NULL DEFAULT 0 CHECK (rake_percent BETWEEN 0 AND 100),
    rake_cap           NUMERIC(17,2) NOT NULL DEFAULT 0 CHECK (rake_cap >= 0),
    action_seconds     INTEGER       NOT NULL DEFAULT 20 CHECK (action_seconds > 0),
    time_bank_seconds  INTEGER       NOT NULL DEFAULT 30 CHECK (time_bank_seconds >= 0),
    status             TEXT          NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'PAUSED', 'CLOSED')),
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE TABLE hand (
    id         BIGSERIAL PRIMARY KEY,
    table_id   BIGINT      NOT NULL REFERENCES poker_table (id),
    status     TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SETTLED', 'VOIDED')),
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ended_at   TIMESTAMPTZ
);

CREATE INDEX hand_open ON hand (table_id) WHERE status = 'OPEN';
