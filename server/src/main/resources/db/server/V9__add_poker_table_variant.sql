-- The game a table deals: NLHE (No-Limit Hold'em) or PLO (Pot-Limit Omaha). Tables stored before there was a choice
-- dealt No-Limit Hold'em, which the default keeps.

ALTER TABLE poker_table
    ADD COLUMN variant TEXT NOT NULL DEFAULT 'NLHE' CHECK (variant IN ('NLHE', 'PLO'));
