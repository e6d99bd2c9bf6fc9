-- A hand's postings, by hand reference: transfersOfHand runs when a hand is voided (after a crash, every open hand
-- at start-up) and for hand histories, and without this it read the whole journal once per hand. It is the one
-- secondary index the journal's hot path pays for beyond idempotency (one more index entry per posting of a hand);
-- postings outside any hand (deposits, withdrawals, cash-outs) carry no hand_ref and stay out of it.
CREATE INDEX posting_by_hand ON posting (hand_ref) WHERE hand_ref IS NOT NULL;
