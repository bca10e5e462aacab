-- The approval model: the versioned catalog, projects, applications with their cases, the
-- event log (全程留痕), notifications, clock alerts, idempotency keys and the change feed.
-- An application's state is stored as the JSON of the engine's Application (the projection of
-- its events); the columns beside it are what queries filter and sort on.

CREATE TABLE catalog_items (
    code         TEXT NOT NULL,
    version      TEXT NOT NULL,
    status       TEXT NOT NULL,
    name         TEXT NOT NULL,
    department   TEXT NOT NULL,
    data         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    published_at BIGINT,
    PRIMARY KEY (code, version)
);

CREATE TABLE catalog_processes (
    code         TEXT NOT NULL,
    version      TEXT NOT NULL,
    status       TEXT NOT NULL,
    name         TEXT NOT NULL,
    process_type INTEGER NOT NULL,
    region_code  TEXT NOT NULL,
    data         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    published_at BIGINT,
    PRIMARY KEY (code, version)
);

CREATE TABLE catalog_forms (
    code         TEXT NOT NULL,
    version      TEXT NOT NULL,
    status       TEXT NOT NULL,
    data         TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE projects (
    id             {{id}},
    project_code   TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL,
    region_code    TEXT NOT NULL REFERENCES regions(code),
    process_type   INTEGER NOT NULL,
    approval_type  INTEGER NOT NULL,
    owner_id       BIGINT NOT NULL REFERENCES users(id),
    builder_name   TEXT NOT NULL DEFAULT '',
    builder_credit_code TEXT NOT NULL DEFAULT '',
    investment     TEXT NOT NULL DEFAULT '0',
    land_area      DOUBLE PRECISION NOT NULL DEFAULT 0,
    building_area  DOUBLE PRECISION NOT NULL DEFAULT 0,
    address        TEXT NOT NULL DEFAULT '',
    site           TEXT,
    data           TEXT NOT NULL DEFAULT '{}',
    current_stage  INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX projects_region ON projects (region_code);
CREATE INDEX projects_owner ON projects (owner_id);

CREATE TABLE applications (
    id              TEXT PRIMARY KEY,
    project_id      BIGINT NOT NULL REFERENCES projects(id),
    stage           INTEGER NOT NULL,
    status          TEXT NOT NULL,
    region_code     TEXT NOT NULL,
    applicant_id    BIGINT NOT NULL,
    process_code    TEXT NOT NULL,
    process_version TEXT NOT NULL,
    channel         TEXT NOT NULL,
    form            TEXT NOT NULL,
    state           TEXT NOT NULL,
    version         INTEGER NOT NULL,
    submitted_at    BIGINT NOT NULL,
    updated_at      BIGINT NOT NULL
);
CREATE INDEX applications_project ON applications (project_id, stage);
CREATE INDEX applications_status ON applications (status, region_code);
CREATE INDEX applications_applicant ON applications (applicant_id);

CREATE TABLE cases (
    id             TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id),
    project_id     BIGINT NOT NULL,
    region_code    TEXT NOT NULL,
    department     TEXT NOT NULL,
    item_code      TEXT NOT NULL,
    item_name      TEXT NOT NULL,
    status         TEXT NOT NULL,
    assignee_id    TEXT NOT NULL DEFAULT '',
    version        INTEGER NOT NULL,
    deadline       TEXT NOT NULL,
    level          TEXT NOT NULL,
    first_overdue  TEXT,
    paused         INTEGER NOT NULL DEFAULT 0,
    clock          TEXT NOT NULL,
    accepted_at    BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX cases_department ON cases (department, status, deadline);
CREATE INDEX cases_region ON cases (region_code, status, deadline);
CREATE INDEX cases_application ON cases (application_id);
CREATE INDEX cases_level ON cases (level, status);

-- One row per event = one row of handling detail (SPGL_XMSPSXBLXXXXB).
CREATE TABLE events (
    application_id TEXT NOT NULL REFERENCES applications(id),
    seq            INTEGER NOT NULL,
    case_id        TEXT,
    kind           TEXT NOT NULL,
    blzt           INTEGER NOT NULL,
    actor_id       TEXT NOT NULL,
    actor_name     TEXT NOT NULL,
    department     TEXT NOT NULL,
    text           TEXT NOT NULL,
    at             BIGINT NOT NULL,
    data           TEXT NOT NULL,
    PRIMARY KEY (application_id, seq)
);
CREATE INDEX events_case ON events (case_id);

-- A clock changed level (normal → warning → overdue), found by the deadline scan.
CREATE TABLE clock_alerts (
    id         {{id}},
    case_id    TEXT NOT NULL REFERENCES cases(id),
    level      TEXT NOT NULL,
    previous   TEXT NOT NULL,
    deadline   TEXT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX clock_alerts_case ON clock_alerts (case_id);

-- In-app notifications for a person (user_id) or a department's staff (department).
CREATE TABLE notifications (
    id             {{id}},
    user_id        BIGINT,
    department     TEXT,
    application_id TEXT,
    case_id        TEXT,
    kind           TEXT NOT NULL,
    message        TEXT NOT NULL,
    created_at     BIGINT NOT NULL,
    read_at        BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_department ON notifications (department, id);

-- Writes with an Idempotency-Key: the first answer, returned again for the same key.
CREATE TABLE idempotency_keys (
    user_id     BIGINT NOT NULL,
    key         TEXT NOT NULL,
    method      TEXT NOT NULL,
    path        TEXT NOT NULL,
    status      INTEGER NOT NULL,
    body        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- The change feed for sync: every change to an entity a client caches, in commit order.
CREATE TABLE changes (
    seq         {{id}},
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    version     INTEGER NOT NULL,
    op          TEXT NOT NULL,
    region_code TEXT NOT NULL,
    department  TEXT NOT NULL DEFAULT '',
    owner_id    BIGINT,
    at          BIGINT NOT NULL
);
CREATE INDEX changes_region ON changes (region_code, seq);

CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- 失信 records of the credit platform: 容缺受理 and 告知承诺 are refused to listed units.
CREATE TABLE credit_blacklist (
    credit_code TEXT NOT NULL,
    reason      TEXT NOT NULL,
    listed_on   TEXT NOT NULL,
    until       TEXT,
    PRIMARY KEY (credit_code, listed_on)
);
