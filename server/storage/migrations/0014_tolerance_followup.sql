-- 容缺受理 follow-up (guideline 5.5 b): a case accepted with tolerated (missing) materials carries
-- the day by which they are due; the deadline scan notifies the applicant and the department once
-- when that day passes with materials still outstanding (tolerance_overdue_at records it).
ALTER TABLE cases ADD COLUMN tolerance_due TEXT;
ALTER TABLE cases ADD COLUMN tolerance_overdue_at BIGINT;
CREATE INDEX cases_tolerance_due ON cases (tolerance_due);
