-- kronika store, first schema. Applied once, recorded in the migrations table.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,            -- content hash of title and text
    source_id TEXT,
    url TEXT,
    title TEXT,
    section TEXT,
    lang TEXT,
    published TEXT,
    author TEXT,
    input TEXT,
    input_format TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_source_id ON articles(source_id);
CREATE INDEX articles_published ON articles(published);

-- The latest coding of each article: the full output record, and how it went.
CREATE TABLE codings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_version TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('coded', 'failed')),
    stage TEXT,
    reason TEXT,
    relevant INTEGER,
    relevance REAL,
    record TEXT,                        -- JSON output record (see kronika/schema)
    coded_at TEXT NOT NULL
);

CREATE TABLE entities (
    rowid INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    kb_id TEXT,
    name TEXT,
    country TEXT,
    sector TEXT,
    kind TEXT
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_kb_id ON entities(kb_id);

CREATE TABLE events (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    mode TEXT,
    acled_type TEXT,
    acled_subtype TEXT,
    source_kb_id TEXT,
    source_name TEXT,
    source_country TEXT,
    target_kb_id TEXT,
    target_name TEXT,
    target_country TEXT,
    date TEXT,
    date_precision TEXT,
    geonameid INTEGER,
    place TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    modality TEXT NOT NULL,
    confidence REAL NOT NULL,
    data TEXT NOT NULL                  -- the event as in the output record (JSON)
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(event_type);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);

-- Inputs or items that could not be read, kept so a run can be audited.
CREATE TABLE read_failures (
    rowid INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    "where" TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

-- Events are searched by their evidence and their actors' names.
CREATE VIRTUAL TABLE events_fts USING fts5(evidence, actors);
