-- The 失信 list is kept by administrators (CreditService): where each listing came from, who
-- entered it, and why and by whom it was lifted (a lifted listing ends; rows are never deleted).
ALTER TABLE credit_blacklist ADD COLUMN source TEXT;
ALTER TABLE credit_blacklist ADD COLUMN listed_by TEXT;
ALTER TABLE credit_blacklist ADD COLUMN lifted_reason TEXT;
ALTER TABLE credit_blacklist ADD COLUMN lifted_by TEXT;
ALTER TABLE credit_blacklist ADD COLUMN created_at BIGINT;
