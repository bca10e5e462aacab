-- The timeline form of each event (without the application and case snapshots the engine needs),
-- written once so that the change feed can send timelines without re-reading every event.
ALTER TABLE events ADD COLUMN view TEXT;
