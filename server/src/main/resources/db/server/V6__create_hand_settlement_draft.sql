-- A hand's record as it will stand once settled, written just before its settlement is posted to the ledger. The
-- hand's finish stores the record in hand_history and deletes this row in one transaction; if the server stops after
-- the settlement committed but before that, crash recovery finds the settlement in the ledger and stores this record
-- as the hand's, so its cards and actions are not lost. The settlement's chip events carry transfer ids -1, -2, ...
-- standing for that posting's legs in order; recovery fills in the real ids. Scratch space, not history: a row lives
-- for the moment between the two commits (or until the next start, after a crash).
CREATE TABLE hand_settlement_draft (
    hand_id BIGINT PRIMARY KEY REFERENCES hand (id),
    record  JSONB  NOT NULL
);
