-- Sit-and-go tournaments. A template is how a sit-and-go plays (seats, buy-in + fee, starting chips, blind levels,
-- payout table, clocks), fixed once created: an operator who wants other rules creates another template and retires
-- this one. Each active template has one tournament registering at a time; when it fills it starts and the next opens.
-- Money never lives here: buy-ins, fees, refunds and prizes are ledger postings (a PRIZE_POOL and a FEE account per
-- tournament, owner 'tournament:<id>'), keyed by the entry or the tournament so each moves once. These rows say what
-- the postings are for and where the tournament stands, so a restarted server finishes what a crash cut short.

CREATE TABLE tournament_template (
    id                BIGSERIAL     PRIMARY KEY,
    name              TEXT          NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
    seats             INTEGER       NOT NULL CHECK (seats BETWEEN 2 AND 10),
    buy_in            NUMERIC(17,2) NOT NULL CHECK (buy_in > 0),
    fee               NUMERIC(17,2) NOT NULL CHECK (fee >= 0),
    starting_chips    BIGINT        NOT NULL CHECK (starting_chips > 0),
    -- A level lasts either this many seconds or this many hands.
    level_seconds     INTEGER       CHECK (level_seconds > 0),
    level_hands       INTEGER       CHECK (level_hands > 0),
    action_seconds    INTEGER       NOT NULL CHECK (action_seconds > 0),
    time_bank_seconds INTEGER       NOT NULL CHECK (time_bank_seconds >= 0),
    status            TEXT          NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'RETIRED')),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT tournament_template_one_pace CHECK ((level_seconds IS NULL) <> (level_hands IS NULL))
);

-- Blind levels in tournament chips (whole numbers, not money), numbered from 1.
CREATE TABLE tournament_template_level (
    template_id BIGINT  NOT NULL REFERENCES tournament_template (id),
    level       INTEGER NOT NULL CHECK (level >= 1),
    small_blind BIGINT  NOT NULL CHECK (small_blind > 0),
    big_blind   BIGINT  NOT NULL CHECK (big_blind >= small_blind),
    ante        BIGINT  NOT NULL DEFAULT 0 CHECK (ante >= 0),
    PRIMARY KEY (template_id, level)
);

-- The payout table: each paid place's percentage of the prize pool, adding up to 100.
CREATE TABLE tournament_template_payout (
    template_id BIGINT       NOT NULL REFERENCES tournament_template (id),
    place       INTEGER      NOT NULL CHECK (place >= 1),
    percent     NUMERIC(5,2) NOT NULL CHECK (percent > 0 AND percent <= 100),
    PRIMARY KEY (template_id, place)
);

-- FINISHING and CANCELLING are the moments between deciding and paying: a tournament found in either at start-up
-- has its prizes or refunds posted again under the same keys (a replay when they had committed).
CREATE TABLE tournament (
    id               BIGSERIAL   PRIMARY KEY,
    template_id      BIGINT      NOT NULL REFERENCES tournament_template (id),
    status           TEXT        NOT NULL DEFAULT 'REGISTERING'
                     CHECK (status IN ('REGISTERING', 'RUNNING', 'FINISHING', 'FINISHED', 'CANCELLING', 'CANCELLED')),
    -- The table it is played at, once it runs.
    table_id         BIGINT      REFERENCES poker_table (id),
    -- The blind level in force, since when, and how many hands were dealt at it.
    level            INTEGER     NOT NULL DEFAULT 1 CHECK (level >= 1),
    level_started_at TIMESTAMPTZ,
    level_hands      INTEGER     NOT NULL DEFAULT 0 CHECK (level_hands >= 0),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at       TIMESTAMPTZ,
    ended_at         TIMESTAMPTZ,
    cancel_reason    TEXT        CHECK (length(cancel_reason) <= 500)
);

CREATE INDEX tournament_not_over ON tournament (status) WHERE status NOT IN ('FINISHED', 'CANCELLED');

-- One row per registration. It is written before the buy-in and fee are posted (key entry:e<id>) and marked
-- UNREGISTERED before they are refunded (key entry-refund:e<id>); a crash in between is finished at start-up by posting
-- again under the same key. A request sent again (same request_id) finds its row and is answered as before.
CREATE TABLE tournament_entry (
    id              BIGSERIAL     PRIMARY KEY,
    tournament_id   BIGINT        NOT NULL REFERENCES tournament (id),
    player_id       BIGINT        NOT NULL REFERENCES player (id),
    request_id      TEXT          NOT NULL CHECK (length(request_id) BETWEEN 1 AND 100),
    state           TEXT          NOT NULL DEFAULT 'REGISTERED' CHECK (state IN ('REGISTERED', 'UNREGISTERED', 'REFUSED')),
    registered_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    unregistered_at TIMESTAMPTZ,
    -- Tournament chips at the start of the current hand (the starting chips before the first).
    chips           BIGINT        CHECK (chips >= 0),
    -- Where the player finished: place to last_place (a tie covers more than one), decided in hand busted_in_hand;
    -- tie_order: their turn, among players tied, for a shared prize's odd cents (seat order from that hand's button).
    place           INTEGER       CHECK (place >= 1),
    last_place      INTEGER       CHECK (last_place >= place),
    tie_order       INTEGER       NOT NULL DEFAULT 0 CHECK (tie_order >= 0),
    busted_in_hand  BIGINT,
    -- The prize, decided when the last place is; odd_cent: it includes a leftover cent of its division.
    prize           NUMERIC(17,2) CHECK (prize >= 0),
    odd_cent        BOOLEAN,
    CONSTRAINT tournament_entry_request UNIQUE (tournament_id, player_id, request_id)
);

CREATE UNIQUE INDEX tournament_entry_one_per_player ON tournament_entry (tournament_id, player_id) WHERE state = 'REGISTERED';
CREATE INDEX tournament_entry_by_player ON tournament_entry (player_id);
