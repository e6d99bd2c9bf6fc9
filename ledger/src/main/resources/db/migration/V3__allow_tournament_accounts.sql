-- Sit-and-go tournaments keep their money in two accounts of their own: the PRIZE_POOL holds the buy-ins from
-- registration until the prizes are paid (or the buy-ins refunded), and FEE holds the entry fees, the house's take
-- (refunded too when a tournament is cancelled). Neither may go negative; the journal itself is unchanged.
ALTER TABLE account DROP CONSTRAINT account_kind_known;
ALTER TABLE account ADD CONSTRAINT account_kind_known
    CHECK (kind IN ('CASHIER', 'WALLET', 'SEAT', 'POT', 'RAKE', 'PRIZE_POOL', 'FEE'));
