"""The embedded SQLite store: one file, created on first use, migrated on open."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..model import Article
from .base import EventFilter

__all__ = ["SQLiteStore"]

_ARTICLE_COLUMNS = (
    "id", "source_id", "url", "title", "section", "lang", "published", "author", "input", "input_format", "text",
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _migrations() -> list[tuple[str, str]]:
    folder = resources.files("kronika.store") / "migrations" / "sqlite"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".sql")), key=lambda f: f.name)
    return [(f.name.removesuffix(".sql"), f.read_text(encoding="utf-8")) for f in files]


def _explain(exc: sqlite3.Error, location: str) -> StoreError:
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return StoreError(f"database {location} is locked by another process", hint="wait for it to finish, or pass another --db")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"database {location} is read-only", hint="check its permissions, or pass another --db")
    if "not a database" in msg or "malformed" in msg:
        return StoreError(f"{location} is not a kronika database ({msg})", hint="pass another --db")
    if "unable to open" in msg:
        return StoreError(f"cannot open database {location}", hint="check that its folder exists and is writable, or pass another --db")
    return StoreError(f"database error on {location}: {msg}", hint="run `kronika doctor` to check the store")


class SQLiteStore:
    """:class:`kronika.store.base.Store` over one SQLite file (WAL journal)."""

    def __init__(self, path: str | Path, *, readonly: bool = False, timeout: float = 5.0) -> None:
        self.location = str(path)
        self.readonly = readonly
        try:
            if self.location != ":memory:" and not readonly:
                Path(self.location).parent.mkdir(parents=True, exist_ok=True)
            if readonly:
                if not Path(self.location).exists():
                    raise StoreError(f"no database at {self.location}", hint="ingest articles first, or pass another --db")
                uri = f"file:{Path(self.location).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            else:
                self.conn = sqlite3.connect(self.location, timeout=timeout, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                self._migrate()
            else:
                self._check_schema()
        except OSError as exc:
            raise StoreError(f"cannot open database {self.location}: {exc.strerror}", hint="check the path, or pass another --db") from exc
        except sqlite3.Error as exc:
            raise _explain(exc, self.location) from exc

    # -- plumbing -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        self.conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {r[0] for r in self.conn.execute("SELECT name FROM migrations")}
        for name, sql in _migrations():
            if name in done:
                continue
            # executescript commits first; wrap the migration in its own transaction.
            self.conn.executescript(
                f"BEGIN;\n{sql}\nINSERT INTO migrations(name, applied_at) VALUES ('{name}', '{_now()}');\nCOMMIT;"
            )

    def _check_schema(self) -> None:
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "migrations" not in names:
            raise StoreError(f"{self.location} is not a kronika database", hint="pass another --db")

    def _write(self, fn: Any, *args: Any) -> Any:
        """Run ``fn`` in one IMMEDIATE transaction; roll back and explain on error."""
        if self.readonly:
            raise StoreError(f"database {self.location} was opened read-only", hint="this is a bug: report it")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(*args)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            raise _explain(exc, self.location) from exc

    def _read(self, sql: str, params: tuple | list = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise _explain(exc, self.location) from exc

    def close(self) -> None:
        self.conn.close()

    # -- articles ---------------------------------------------------------------------------------

    def add_article(self, article: Article) -> bool:
        def insert() -> bool:
            cur = self.conn.execute(
                f"INSERT OR IGNORE INTO articles ({', '.join(_ARTICLE_COLUMNS)}, ingested_at) "
                f"VALUES ({', '.join('?' * (len(_ARTICLE_COLUMNS) + 1))})",
                [getattr(article, c) for c in _ARTICLE_COLUMNS] + [_now()],
            )
            return cur.rowcount == 1

        return bool(self._write(insert))

    def get_article(self, article_id: str) -> Article | None:
        rows = self._read(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
        return Article(**dict(rows[0])) if rows else None

    def resolve_article_id(self, prefix: str) -> str | None:
        rows = self._read("SELECT id FROM articles WHERE id LIKE ? || '%' LIMIT 2", (prefix,))
        return rows[0]["id"] if len(rows) == 1 else None

    def coding_version(self, article_id: str) -> str | None:
        rows = self._read(
            "SELECT pipeline_version FROM codings WHERE article_id = ? AND status = 'coded'", (article_id,)
        )
        return rows[0][0] if rows else None

    def uncoded_articles(self) -> Iterator[Article]:
        # Page by rowid so a long run neither holds a read transaction open nor re-reads rows.
        last = 0
        while True:
            rows = self._read(
                f"SELECT a.rowid AS rid, {', '.join('a.' + c for c in _ARTICLE_COLUMNS)} FROM articles a "
                "LEFT JOIN codings c ON c.article_id = a.id AND c.status = 'coded' "
                "WHERE c.article_id IS NULL AND a.rowid > ? ORDER BY a.rowid LIMIT 200",
                (last,),
            )
            if not rows:
                return
            for row in rows:
                last = row["rid"]
                yield Article(**{c: row[c] for c in _ARTICLE_COLUMNS})

    def count_uncoded(self) -> int:
        return self._read(
            "SELECT count(*) FROM articles a LEFT JOIN codings c ON c.article_id = a.id AND c.status = 'coded' "
            "WHERE c.article_id IS NULL"
        )[0][0]

    # -- codings ------------------------------------------------------------------------------------

    def save_coding(
        self,
        article_id: str,
        pipeline_version: str,
        record: dict[str, Any] | None,
        *,
        stage: str | None = None,
        reason: str | None = None,
    ) -> None:
        def replace() -> None:
            self._delete_annotations(article_id)
            relevance = (record or {}).get("relevance") or {}
            self.conn.execute(
                "INSERT OR REPLACE INTO codings(article_id, pipeline_version, status, stage, reason, relevant, "
                "relevance, record, coded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    pipeline_version,
                    "coded" if record is not None else "failed",
                    stage,
                    reason,
                    relevance.get("relevant"),
                    relevance.get("score"),
                    json.dumps(record, ensure_ascii=False) if record is not None else None,
                    _now(),
                ),
            )
            if record is not None:
                self._insert_annotations(article_id, record)
                lang = (record.get("article") or {}).get("lang")
                self.conn.execute("UPDATE articles SET lang = ? WHERE id = ?", (lang, article_id))

        self._write(replace)

    def _delete_annotations(self, article_id: str) -> None:
        self.conn.execute(
            "DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE article_id = ?)", (article_id,)
        )
        self.conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))

    def _insert_annotations(self, article_id: str, record: dict[str, Any]) -> None:
        self.conn.executemany(
            'INSERT INTO entities(article_id, start, "end", text, label, kb_id, name, country, sector, kind) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (article_id, e["start"], e["end"], e["text"], e["label"], e.get("kb_id"), e.get("name"),
                 e.get("country"), e.get("sector"), e.get("kind"))
                for e in record.get("entities", [])
            ],
        )
        for ev in record.get("events", []):
            src, tgt = ev.get("source") or {}, ev.get("target") or {}
            date, loc = ev.get("date") or {}, ev.get("location") or {}
            cur = self.conn.execute(
                "INSERT INTO events(id, article_id, event_type, mode, acled_type, acled_subtype, source_kb_id, "
                "source_name, source_country, target_kb_id, target_name, target_country, date, date_precision, "
                "geonameid, place, place_country, lat, lon, modality, confidence, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    ev["id"], article_id, ev["event_type"], ev.get("mode"), ev.get("acled_type"),
                    ev.get("acled_subtype"), src.get("kb_id"), src.get("name") or src.get("text"),
                    src.get("country"), tgt.get("kb_id"), tgt.get("name") or tgt.get("text"), tgt.get("country"),
                    date.get("value"), date.get("precision"), loc.get("geonameid"), loc.get("name"),
                    loc.get("country"), loc.get("lat"), loc.get("lon"), ev.get("modality", "asserted"),
                    ev.get("confidence", 0.0), json.dumps(ev, ensure_ascii=False),
                ),
            )
            actors = " ".join(
                str(x) for x in (src.get("name"), src.get("text"), tgt.get("name"), tgt.get("text")) if x
            )
            evidence = " ".join(s["text"] for s in ev.get("evidence", []))
            self.conn.execute(
                "INSERT INTO events_fts(rowid, evidence, actors) VALUES (?, ?, ?)", (cur.lastrowid, evidence, actors)
            )

    def record_read_failure(self, input: str, where: str | None, reason: str) -> None:
        self._write(
            lambda: self.conn.execute(
                'INSERT INTO read_failures(input, "where", reason, at) VALUES (?, ?, ?, ?)',
                (input, where, reason, _now()),
            )
        )

    # -- queries ------------------------------------------------------------------------------------

    def get_record(self, article_id: str) -> dict[str, Any] | None:
        rows = self._read(
            "SELECT c.record, c.status, c.stage, c.reason FROM articles a LEFT JOIN codings c "
            "ON c.article_id = a.id WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            return None
        row = rows[0]
        if row["record"]:
            return json.loads(row["record"])
        article = self.get_article(article_id)
        assert article is not None
        status = {"coded": False, "failed_stage": row["stage"], "reason": row["reason"]}
        return {"article": article.to_dict(), "entities": [], "events": [], "coding": status}

    def iter_records(self) -> Iterator[dict[str, Any]]:
        last = 0
        while True:
            rows = self._read("SELECT rowid, id FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500", (last,))
            if not rows:
                return
            for row in rows:
                last = row["rowid"]
                record = self.get_record(row["id"])
                if record is not None:
                    yield record

    def events(self, flt: EventFilter) -> list[dict[str, Any]]:
        where, params = [], []
        if flt.event_type:
            where.append("e.event_type = ?")
            params.append(flt.event_type.upper())
        if flt.actor:
            where.append(
                "(lower(e.source_name) LIKE ? OR lower(e.target_name) LIKE ? OR e.source_kb_id = ? OR e.target_kb_id = ?)"
            )
            like = f"%{flt.actor.lower()}%"
            params += [like, like, flt.actor, flt.actor]
        if flt.country:
            where.append("(e.source_country = ? OR e.target_country = ? OR e.place_country = ?)")
            params += [flt.country.upper()] * 3
        if flt.date_from:
            where.append("e.date >= ?")
            params.append(flt.date_from)
        if flt.date_to:
            where.append("substr(e.date, 1, 10) <= ?")
            params.append(flt.date_to)
        if flt.article_id:
            where.append("e.article_id = ?")
            params.append(flt.article_id)
        if flt.text:
            where.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(_fts_query(flt.text))
        sql = "SELECT e.article_id, e.data FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date IS NULL, e.date, e.rowid"
        if flt.limit:
            sql += f" LIMIT {int(flt.limit)}"
        return [{"article_id": r["article_id"], **json.loads(r["data"])} for r in self._read(sql, params)]

    def search_articles(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = self._read(
            "SELECT a.id, a.title, snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet FROM articles_fts "
            "JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (_fts_query(query), limit),
        )
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self._read(sql)[0][0]  # noqa: E731
        by_type = {r[0]: r[1] for r in self._read("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC")}
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "coded": one("SELECT count(*) FROM codings WHERE status = 'coded'"),
            "failed": one("SELECT count(*) FROM codings WHERE status = 'failed'"),
            "uncoded": self.count_uncoded(),
            "not_relevant": one("SELECT count(*) FROM codings WHERE status = 'coded' AND relevant = 0"),
            "entities": one("SELECT count(*) FROM entities"),
            "linked_entities": one("SELECT count(*) FROM entities WHERE kb_id IS NOT NULL"),
            "events": one("SELECT count(*) FROM events"),
            "events_by_type": by_type,
            "read_failures": one("SELECT count(*) FROM read_failures"),
            "languages": {r[0] or "unknown": r[1] for r in self._read("SELECT lang, count(*) FROM articles GROUP BY 1")},
        }

    # -- knowledge base: the user's entries -----------------------------------------------------------

    def kb_user_entries(self) -> list[dict[str, Any]]:
        if not self._read("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kb_user'"):
            return []  # a store created before migration 0002, opened read-only
        rows = self._read("SELECT id, data, origin, added_at FROM kb_user ORDER BY rowid")
        out = []
        for row in rows:
            try:
                data = json.loads(row["data"])
            except ValueError as exc:
                raise StoreError(
                    f"knowledge-base entry {row['id']} in {self.location} is not valid JSON ({exc})",
                    hint=f"remove it with `kronika kb remove {row['id']}` and import it again",
                ) from exc
            out.append({"id": row["id"], "data": data, "origin": row["origin"], "added_at": row["added_at"]})
        return out

    def put_kb_entries(self, entries: list[dict[str, Any]]) -> tuple[int, int]:
        def put() -> tuple[int, int]:
            added = replaced = 0
            for e in entries:
                exists = self.conn.execute("SELECT 1 FROM kb_user WHERE id = ?", (e["id"],)).fetchone()
                self.conn.execute(
                    "INSERT OR REPLACE INTO kb_user(id, data, origin, added_at) VALUES (?, ?, ?, ?)",
                    (e["id"], json.dumps(e["data"], ensure_ascii=False), e.get("origin"), _now()),
                )
                replaced += exists is not None
                added += exists is None
            return added, replaced

        return self._write(put)

    def delete_kb_entry(self, entry_id: str) -> bool:
        return bool(self._write(lambda: self.conn.execute("DELETE FROM kb_user WHERE id = ?", (entry_id,)).rowcount))


def _fts_query(text: str) -> str:
    """Quote each word so user text is never parsed as FTS5 syntax."""
    words = [w.replace('"', '""') for w in text.split()]
    return " ".join(f'"{w}"' for w in words) or '""'
