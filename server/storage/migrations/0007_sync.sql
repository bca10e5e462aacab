-- Offline sync (ARCHITECTURE §6): every pushed op is stored under its client-made id in the same
-- transaction as its effect, so an op sent twice is applied once and answered the same way.
CREATE TABLE sync_ops (
    op_id     TEXT PRIMARY KEY,
    user_id   BIGINT NOT NULL,
    device_id TEXT NOT NULL,
    command   TEXT NOT NULL,
    target    TEXT NOT NULL,
    status    TEXT NOT NULL,
    result    TEXT NOT NULL,
    at        BIGINT NOT NULL
);
CREATE INDEX sync_ops_user ON sync_ops (user_id, at);
CREATE INDEX changes_entity ON changes (entity, entity_id);
