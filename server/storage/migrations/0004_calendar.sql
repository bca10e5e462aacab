-- The working-day calendar as administrators edit it. The national and Xinjiang layers ship in
-- the binary (resources/calendar/*.json); a row of calendar_years replaces one year of one layer.
-- calendar_year_versions keeps every version (append-only), so an edit can be reviewed and undone
-- (revert = a new version with an older version's data). Version 1 of a year that ships with the
-- binary is the shipped data and has no row here.

CREATE TABLE calendar_years (
    layer      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    data       TEXT NOT NULL,
    version    INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (layer, year)
);

CREATE TABLE calendar_year_versions (
    layer      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    data       TEXT NOT NULL,
    action     TEXT NOT NULL,
    based_on   INTEGER,
    updated_by TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (layer, year, version)
);

-- Bumped with every edit; each server instance compares it with the one it loaded and reloads
-- the calendar when another instance changed it.
INSERT INTO settings (key, value) VALUES ('calendar_revision', '0');
