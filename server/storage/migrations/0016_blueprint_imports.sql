-- Layer imports run in the background (POST …/layers with Prefer: respond-async): one row per
-- import, its progress while GDAL works, and what came of it (the layer version, or the problem).
-- Any instance answers GET /api/v1/blueprint/imports/{id} from here.
CREATE TABLE blueprint_imports (
    id           TEXT PRIMARY KEY,
    layer_id     TEXT NOT NULL,
    is_new_layer INTEGER NOT NULL,
    source_name  TEXT NOT NULL,
    upload_path  TEXT NOT NULL,
    status       TEXT NOT NULL,          -- queued | running | done | failed
    progress     DOUBLE PRECISION NOT NULL DEFAULT 0, -- 0–1
    stage        TEXT NOT NULL DEFAULT '',
    result       TEXT,                   -- the layer as POST answers it synchronously (done)
    problem      TEXT,                   -- the RFC 9457 problem it would have answered (failed)
    created_by   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    started_at   BIGINT,
    finished_at  BIGINT
);
CREATE INDEX blueprint_imports_created ON blueprint_imports (created_at);
