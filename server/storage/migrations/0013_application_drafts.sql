-- Application drafts (保存草稿, issue 4): the applicant's unfinished stage form and the files chosen
-- so far, kept on the server so that filing can go on from another browser or PC. One draft per
-- project and stage (the project's owner is its only reader and writer); version counts saves for
-- optimistic concurrency (a save from a stale copy gets 409). Removed when the stage is submitted.
CREATE TABLE application_drafts (
    project_id  BIGINT NOT NULL REFERENCES projects(id),
    stage       INTEGER NOT NULL,
    owner_id    BIGINT NOT NULL,
    data        TEXT NOT NULL,      -- {"form":{…},"materials":[{item_code, material_code, file_id, filename, size}],"step":n}
    version     INTEGER NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (project_id, stage)
);
