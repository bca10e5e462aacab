-- Core schema: base data, users and sessions, audit chain, files and uploads.
-- Timestamps are BIGINT epoch milliseconds; booleans are INTEGER 0/1 on both backends.

CREATE TABLE regions (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_code TEXT,
    level       INTEGER NOT NULL,
    valid       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE departments (
    id          {{id}},
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES regions(code),
    kind        TEXT NOT NULL DEFAULT 'department',
    sort_order  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id            {{id}},
    username      TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    roles         TEXT NOT NULL,
    region_code   TEXT NOT NULL REFERENCES regions(code),
    department_id BIGINT REFERENCES departments(id),
    kind          TEXT NOT NULL DEFAULT 'staff',
    credit_code   TEXT,
    id_number     TEXT,
    organization  TEXT,
    phone         TEXT,
    email         TEXT,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_region ON users (region_code);

-- Failed logins are counted per user name, whether or not the user exists, so that the lock
-- message reveals nothing about which names are real.
CREATE TABLE login_failures (
    username     TEXT PRIMARY KEY,
    failures     INTEGER NOT NULL,
    last_failure BIGINT NOT NULL,
    locked_until BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE refresh_tokens (
    id          {{id}},
    token_hash  TEXT NOT NULL UNIQUE,
    user_id     BIGINT NOT NULL REFERENCES users(id),
    family      TEXT NOT NULL,
    issued_at   BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    revoked_at  BIGINT,
    device      TEXT
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Append-only, hash-chained audit log. Ids are assigned by the writer (previous id + 1) under a
-- lock, so a gap means a removed row.
CREATE TABLE audit_log (
    id         BIGINT PRIMARY KEY,
    at         BIGINT NOT NULL,
    request_id TEXT NOT NULL,
    actor_id   BIGINT,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL,
    ip         TEXT NOT NULL,
    result     INTEGER NOT NULL,
    detail     TEXT NOT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);

-- @sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
-- @postgresql
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
-- @all

CREATE TABLE files (
    sha256     TEXT PRIMARY KEY,
    size       BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE uploads (
    id           TEXT PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users(id),
    filename     TEXT NOT NULL,
    length       BIGINT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open',
    media_type   TEXT,
    sha256       TEXT REFERENCES files(sha256),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX uploads_user ON uploads (user_id);
CREATE INDEX uploads_sha256 ON uploads (sha256);
