-- The project side of the blueprint. Project sites and their compliance checks (一张蓝图, guideline 5.2 b/c). projects.site holds the
-- current site; project_sites keeps every version of it (append-only) so that the site history can
-- be shown on the map; project_compliance keeps each check's report with the layer versions used.
CREATE TABLE project_sites (
    project_id  BIGINT NOT NULL REFERENCES projects(id),
    version     INTEGER NOT NULL,
    site        TEXT NOT NULL,      -- GeoJSON geometry, EPSG:4490
    area_m2     DOUBLE PRECISION NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (project_id, version)
);

CREATE TABLE project_compliance (
    id           {{id}},
    project_id   BIGINT NOT NULL REFERENCES projects(id),
    site_version INTEGER NOT NULL,
    land_use     TEXT NOT NULL DEFAULT '',
    compliant    INTEGER NOT NULL,
    report       TEXT NOT NULL,      -- the API's report JSON, layer versions included
    checked_by   TEXT NOT NULL,
    checked_at   BIGINT NOT NULL
);
CREATE INDEX project_compliance_project ON project_compliance (project_id, id);

-- Reviewers' annotations on a project's map (审查批注): drawn offline on the desktop, synced up as
-- additive commands (the id is the client's UUID, so two departments never conflict), visible to
-- every department with a case of the project. Never deleted: withdrawn is a status.
CREATE TABLE annotations (
    id          TEXT PRIMARY KEY,
    project_id  BIGINT NOT NULL REFERENCES projects(id),
    case_id     TEXT,
    geometry    TEXT NOT NULL,      -- GeoJSON Point / LineString / Polygon, EPSG:4490
    text        TEXT NOT NULL,
    status      TEXT NOT NULL,      -- open | resolved | withdrawn
    author_id   BIGINT NOT NULL,
    author_name TEXT NOT NULL,
    department  TEXT NOT NULL DEFAULT '',
    region_code TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX annotations_project ON annotations (project_id);

-- Planning generation (项目策划生成, 5.2 d): before an application, departments add conditions and
-- required assessments to a project on the map; the coordinator merges them into a planning
-- opinion (versioned) that the applicant sees on the portal.
CREATE TABLE planning_conditions (
    id          {{id}},
    project_id  BIGINT NOT NULL REFERENCES projects(id),
    department  TEXT NOT NULL,
    kind        TEXT NOT NULL,      -- condition | assessment
    text        TEXT NOT NULL,
    assessment  TEXT NOT NULL DEFAULT '', -- environmental, energy, geological_hazard, seismic, water, mineral
    geometry    TEXT,               -- GeoJSON, EPSG:4490, optional
    author      TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    withdrawn   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX planning_conditions_project ON planning_conditions (project_id);

CREATE TABLE planning_opinions (
    project_id  BIGINT NOT NULL REFERENCES projects(id),
    version     INTEGER NOT NULL,
    text        TEXT NOT NULL,
    conditions  TEXT NOT NULL,      -- JSON snapshot of the merged conditions
    merged_by   TEXT NOT NULL,
    merged_at   BIGINT NOT NULL,
    PRIMARY KEY (project_id, version)
);

-- @sqlite
CREATE TRIGGER project_sites_no_update BEFORE UPDATE ON project_sites
BEGIN SELECT RAISE(ABORT, 'project_sites is append-only'); END;
-- @postgresql
CREATE FUNCTION project_sites_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'project_sites is append-only'; END $$;
CREATE TRIGGER project_sites_no_update BEFORE UPDATE ON project_sites
FOR EACH ROW EXECUTE FUNCTION project_sites_append_only();
-- @all
