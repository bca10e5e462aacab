-- GET /sync/changes sends only an entity's latest change: the index answers "is there a later
-- change of this entity?" with one probe on both backends.
DROP INDEX changes_entity;
CREATE INDEX changes_entity ON changes (entity, entity_id, seq);
