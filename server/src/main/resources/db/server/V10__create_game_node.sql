-- Game nodes sharing this database (serve --node NAME --advertise URL): who they are, where players reach them, and
-- when each last said it was alive, told by this database's clock. The tables a node owns are not here: they are its
-- leases in the ledger's lease table ('table:<id>'), which fence its postings. A node's row is kept when it stops
-- (state STOPPED), so the console shows that it left rather than that it vanished.

CREATE TABLE game_node (
    name           text        PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$'),
    advertise_url  text        NOT NULL CHECK (length(advertise_url) BETWEEN 1 AND 500),
    state          text        NOT NULL CHECK (state IN ('RUNNING', 'DRAINING', 'STOPPED')),
    started_at     timestamptz NOT NULL,
    last_heartbeat timestamptz NOT NULL
);
