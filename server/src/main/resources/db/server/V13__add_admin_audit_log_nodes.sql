-- On game nodes among others, which node carried an operator's action out (wrote the row) and, when the operator used
-- another node's console, the node that passed the request on. Both null for a server alone and for rows written
-- before this migration. New columns on the append-only log: no row is changed.
ALTER TABLE admin_audit_log
    ADD COLUMN node           TEXT CHECK (length(node) BETWEEN 1 AND 100),
    ADD COLUMN passed_on_from TEXT CHECK (length(passed_on_from) BETWEEN 1 AND 100);
