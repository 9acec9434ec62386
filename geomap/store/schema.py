"""The SQLite schema, as an ordered list of migrations.

A database records the number of migrations applied in ``PRAGMA user_version``; opening
an older database applies the rest, so a store written by an earlier geomap keeps working.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        url TEXT,
        source TEXT,
        published TEXT,
        ingested_at TEXT NOT NULL
    );
    CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;
    CREATE INDEX documents_published ON documents(published);

    CREATE TABLE places (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        kind TEXT NOT NULL,
        country_code TEXT,
        admin1 TEXT,
        population INTEGER,
        geonameid INTEGER,
        countries TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL
    );

    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        place_id TEXT REFERENCES places(id),
        score REAL NOT NULL
    );
    CREATE INDEX mentions_doc ON mentions(doc_id);
    CREATE INDEX mentions_place ON mentions(place_id);

    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        event_type TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        date TEXT,
        time_precision INTEGER NOT NULL,
        place_id TEXT REFERENCES places(id),
        lat REAL,
        lon REAL,
        country_code TEXT,
        location_text TEXT,
        location_start INTEGER,
        location_end INTEGER,
        geo_precision INTEGER NOT NULL,
        actor1 TEXT,
        actor2 TEXT,
        fatalities INTEGER,
        injured INTEGER,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        confidence REAL NOT NULL
    );
    CREATE INDEX events_doc ON events(doc_id);
    CREATE INDEX events_date ON events(date);
    CREATE INDEX events_type ON events(event_type, date);
    CREATE INDEX events_country ON events(country_code, date);
    CREATE INDEX events_lat_lon ON events(lat, lon);

    CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (event_id, position)
    );

    CREATE TABLE geocode_cache (
        backend TEXT NOT NULL,
        query TEXT NOT NULL,
        answer TEXT,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (backend, query)
    );
    """,
    # 2: who made a reported claim ("the ministry said"); appended, so older rows read as NULL
    """
    ALTER TABLE events ADD COLUMN claimed_by TEXT;
    """,
    # 3: time order (undated last) straight from an index, both ways: exports stream in
    # it, the map reads it backwards for the most recent events
    """
    CREATE INDEX events_chrono ON events((date IS NULL), date, id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
