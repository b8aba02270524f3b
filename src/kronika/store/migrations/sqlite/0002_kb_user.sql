-- The user's own knowledge-base entries (`kronika kb add`, `kronika kb import`),
-- kept apart from the shipped YAML so that they survive upgrades of the package.
-- A user entry with the id of a shipped entry overrides it.
CREATE TABLE kb_user (
    id TEXT PRIMARY KEY,                -- kb_id, e.g. per/rustem-umerov or wd/Q42
    data TEXT NOT NULL,                 -- the entry as JSON, in the format of docs/kb.md
    origin TEXT,                        -- the file it was imported from, or 'cli'
    added_at TEXT                       -- ISO timestamp (UTC) of the last add or import
);
