-- Relsim class server, schema version 3: a pair may play against a scripted side (the
-- exercise's own behaviour: that side carries on at every moment), when a class has an odd
-- number of participants.

ALTER TABLE pairs ADD COLUMN bot INTEGER NOT NULL DEFAULT 0;  -- 1: the empty side is scripted
