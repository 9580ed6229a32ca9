-- When each write transaction wrote (issue 14): a change's stamp is given when the laptop
-- publishes, which may be days after it was written (the team folder out of reach), and a
-- cover period is judged by the day the change was written. The store records the time
-- (UTC, RFC 3339, from the service's clock) under the transaction's number (sync_actor.tx,
-- which the capture triggers copy into sync_outbox.tx) as the write begins; publishing
-- sends it with the change and deletes the rows of the transactions it published. The
-- table stays on the laptop; the capture triggers are unchanged.
CREATE TABLE sync_tx_times (
    tx INTEGER PRIMARY KEY,
    at TEXT    NOT NULL
);
