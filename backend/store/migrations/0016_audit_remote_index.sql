-- The team lead's audit page lists every laptop's entries newest first (by time, then laptop
-- and number), filtered by computer, citizen or worker: at ten-year scale audit_remote holds
-- millions of entries, which without these indexes would be sorted whole for every page.
CREATE INDEX audit_remote_at ON audit_remote (at, laptop, origin_id);
CREATE INDEX audit_remote_laptop_at ON audit_remote (laptop, at, origin_id);
CREATE INDEX audit_remote_citizen ON audit_remote (citizen_uid, at, laptop, origin_id);
CREATE INDEX audit_remote_worker ON audit_remote (worker_uid, at, laptop, origin_id);
