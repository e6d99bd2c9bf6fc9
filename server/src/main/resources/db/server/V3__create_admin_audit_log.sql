-- The admin audit log: every operator action that changes anything (who, what, when, why), append-only.
-- An action with an idempotency key is written twice: its request before it takes effect (outcome REQUESTED), then
-- one outcome row pointing back at it (DONE or REFUSED). A request without an outcome row is one whose result was
-- never recorded (a crash, or still running); sending the same key again finishes it. Actions without a key (an
-- audit run, creating an admin on the command line) are one row with their outcome.

CREATE TABLE admin_audit_log (
    id           BIGSERIAL   PRIMARY KEY,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Null when the command line acted (poker-server admin create); admin_name then says who ran it.
    admin_id     BIGINT      REFERENCES player (id),
    admin_name   TEXT        NOT NULL CHECK (length(admin_name) BETWEEN 1 AND 100),
    action       TEXT        NOT NULL CHECK (action ~ '^[A-Z_]{2,40}$'),
    target       TEXT        CHECK (length(target) <= 100),
    reason       TEXT        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    request_key  TEXT        CHECK (length(request_key) BETWEEN 1 AND 100),
    request      JSONB       NOT NULL DEFAULT '{}',
    outcome      TEXT        NOT NULL CHECK (outcome IN ('REQUESTED', 'DONE', 'REFUSED')),
    outcome_of   BIGINT      REFERENCES admin_audit_log (id),
    -- What the operator was answered: an HTTP status and the JSON body, replayed to a resent request.
    reply_status INTEGER,
    reply        JSONB,
    CONSTRAINT admin_audit_log_request_key UNIQUE (request_key),
    CONSTRAINT admin_audit_log_one_outcome UNIQUE (outcome_of),
    CONSTRAINT admin_audit_log_outcome_shape CHECK (
        (outcome = 'REQUESTED' AND outcome_of IS NULL AND request_key IS NOT NULL)
        OR (outcome <> 'REQUESTED'))
);

CREATE INDEX admin_audit_log_by_action ON admin_audit_log (action, id);

-- Append-only: the database itself refuses to change or remove what an operator did.
CREATE FUNCTION admin_audit_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'the admin audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER admin_audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON admin_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_log_refuse_change();
