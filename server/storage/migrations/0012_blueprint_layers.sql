-- The blueprint's layer catalog (一张蓝图, guideline 5.2 / 6.1 b). Each layer is a GeoPackage (or,
-- for imagery, a GeoTIFF with overviews) under <data-dir>/blueprint/<layer-id>/v<N>.gpkg, in
-- EPSG:4490. blueprint_layers holds the current state; blueprint_layer_versions keeps every
-- import (append-only). Restoring an older version makes a new version that points at the older
-- version's file (the undo path), so no file is ever overwritten or removed.
CREATE TABLE blueprint_layers (
    id          TEXT PRIMARY KEY,   -- e.g. eco_redline, demo_land_use
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,      -- LayerKind code: admin_division, imagery, land_use, eco_redline …
    version     INTEGER NOT NULL,   -- the current version
    style       TEXT NOT NULL DEFAULT '{}', -- the style JSON (fill, stroke, categorized …)
    synthetic   INTEGER NOT NULL DEFAULT 0, -- 1 for the generated demo layers (合成演示数据)
    created_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE blueprint_layer_versions (
    layer_id      TEXT NOT NULL REFERENCES blueprint_layers(id),
    version       INTEGER NOT NULL,
    file_name     TEXT NOT NULL,      -- relative to <data-dir>/blueprint/<layer-id>/, e.g. v3.gpkg
    format        TEXT NOT NULL,      -- gpkg | gtiff
    feature_count BIGINT NOT NULL,
    bbox          TEXT NOT NULL,      -- JSON [minLon, minLat, maxLon, maxLat] in EPSG:4490
    sha256        TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    source_name   TEXT NOT NULL,      -- the uploaded file's name
    report        TEXT NOT NULL DEFAULT '{}', -- the import report (repaired / rejected features)
    restored_from INTEGER,            -- set when this version restores an older one
    imported_by   TEXT NOT NULL,
    imported_at   BIGINT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (layer_id, version)
);

-- Bumped with every import, restore or style change, so that every server instance sharing the
-- database sees the catalog changed.
INSERT INTO settings (key, value) VALUES ('blueprint_revision', '0');
