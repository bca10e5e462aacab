-- On PostgreSQL a change gets its place in the sync feed (pos, the desks' cursor) and an audit row
-- its link in the hash chain once its transaction has committed (ChangeFeed::place,
-- AuditLog::chainWaiting), in a short transaction of their own: writers no longer queue on the
-- feed's and the chain's ends until their commits. On SQLite (one writer) both are given at once.
ALTER TABLE changes ADD COLUMN pos BIGINT;
UPDATE changes SET pos = seq;
CREATE UNIQUE INDEX changes_pos ON changes (pos);
CREATE INDEX changes_unplaced ON changes (seq) WHERE pos IS NULL;
DROP INDEX changes_region;
CREATE INDEX changes_region ON changes (region_code, pos);
-- @postgresql
ANALYZE changes;
-- @all

CREATE TABLE audit_waiting (
    seq        {{id}},
    at         BIGINT NOT NULL,
    request_id TEXT NOT NULL,
    actor_id   BIGINT,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL,
    ip         TEXT NOT NULL,
    result     INTEGER NOT NULL,
    detail     TEXT NOT NULL
);
