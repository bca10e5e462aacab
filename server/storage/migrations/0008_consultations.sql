-- Which departments a case consulted (征求意见): their staff receive the case through the change
-- feed and answer from their desktops, offline too.
CREATE TABLE case_consultations (
    case_id    TEXT NOT NULL REFERENCES cases(id),
    department TEXT NOT NULL,
    PRIMARY KEY (case_id, department)
);
CREATE INDEX case_consultations_department ON case_consultations (department);
