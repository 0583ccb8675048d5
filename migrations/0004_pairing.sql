-- Relsim class server, schema version 4: a class both sides play forms its pairs as
-- participants arrive ('arrival') or by the trainer's hand ('hand'); a participant's pair is
-- looked up by either side.

ALTER TABLE classes ADD COLUMN pairing TEXT NOT NULL DEFAULT 'arrival';

CREATE INDEX pairs_client ON pairs(client);
CREATE INDEX pairs_supplier ON pairs(supplier);
