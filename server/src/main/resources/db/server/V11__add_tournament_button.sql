-- The button's seat in the last hand a running sit-and-go's table played, stored with that hand's chips: a table
-- opened again after a crash moves the button on from there, as the interrupted hand did, not from the first seat.
-- Null before the first hand.

ALTER TABLE tournament ADD COLUMN button integer CHECK (button >= 0);
