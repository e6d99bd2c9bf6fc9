-- Players and their sessions. Money never lives here: a player's chips are the ledger's WALLET account
-- whose owner reference is 'player:<id>'.

CREATE TABLE player (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT        NOT NULL CHECK (name ~ '^[A-Za-z0-9_-]{3,20}$'),
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL DEFAULT 'PLAYER' CHECK (role IN ('PLAYER', 'ADMIN')),
    frozen        BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Names are unique regardless of case, so "Alice" cannot impersonate "alice".
CREATE UNIQUE INDEX player_name_key ON player (lower(name));

-- Only the SHA-256 of a session token is stored.
CREATE TABLE player_session (
    token_hash TEXT        PRIMARY KEY,
    player_id  BIGINT      NOT NULL REFERENCES player (id),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX player_session_player ON player_session (player_id);
