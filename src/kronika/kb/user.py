"""The user's own knowledge-base entries: checking, importing and storing them.

User entries live in the store (table ``kb_user``), apart from the shipped YAML,
so that they survive upgrades of the package; a user entry with the id of a
shipped one overrides it. Imports read YAML (the shipped format), CSV and
Wikidata JSON; every file is read before anything is written, so a malformed
file stores nothing and loses nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import Store, default_location, open_store
from . import wikidata
from .formats import FORMATS, csv_entry, read_file
from .load import load_shipped, shipped_fingerprint, validate
from .model import KBEntry

__all__ = [
    "FORMATS", "KINDS", "ImportReport", "Rejected", "StoredEntry", "add_entry", "check_entry", "entry_from_dict",
    "get_entry", "import_files", "kb_entries", "kb_fingerprint", "load_kb_entries", "make_entry", "open_kb_store",
    "remove_entry",
]

KINDS = (
    "country", "igo", "ngo", "government", "ministry", "agency", "legislature", "court", "military", "military_unit",
    "police", "intelligence", "armed_group", "party", "company", "media", "person", "weapon_system",
    "weapon_program", "conference",
)
_ID = re.compile(r"(?:(?:igo|org|mil|grp|per|wpn|prg|evt)/[a-z0-9]+(?:-[a-z0-9]+)*|cty/[A-Z]{3}|wd/Q[1-9][0-9]*)")
_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_FIELDS = frozenset(("id", "name", "kind", "country", "sector", "other_sectors", "aliases", "adjectives", "roles",
                     "parent", "capital", "wikidata"))
_TEXT_FIELDS = ("id", "name", "kind", "country", "sector", "parent", "capital", "wikidata")
_FORMAT_HINT = "see docs/kb.md for the entry format"
_SHIPPED: dict[str, list[KBEntry]] = {}  # shipped entries by fingerprint of the data files, loaded once


@dataclass(frozen=True, slots=True)
class Rejected:
    """An entry of an imported file that was not stored, and why."""

    where: str  # file and line, entry number or QID
    reason: str
    id: str | None = None

    def line(self) -> str:
        """One line for the user: where, which id, why."""
        return f"{self.where}{f' ({self.id})' if self.id else ''}: {self.reason}"


@dataclass(slots=True)
class ImportReport:
    """What an add or import stored: counts, rejected entries and notes (e.g. unknown references)."""

    added: int = 0
    replaced: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"added": self.added, "replaced": self.replaced, "notes": self.notes,
                "rejected": [{"where": r.where, "id": r.id, "reason": r.reason} for r in self.rejected]}


@dataclass(frozen=True, slots=True)
class StoredEntry:
    """An entry with where it comes from: ``source`` is the file or 'cli' of a user entry, None if shipped."""

    entry: KBEntry
    source: str | None = None
    added_at: str | None = None
    overrides: bool = False  # a user entry that replaces a shipped one

    def to_dict(self) -> dict[str, Any]:
        return {**self.entry.to_dict(), "source": self.source, "added_at": self.added_at, "overrides": self.overrides}


# -- reading the knowledge base ------------------------------------------------------------------------


def _shipped() -> list[KBEntry]:
    """The shipped entries, parsed once per process (and again if the data files change)."""
    key = shipped_fingerprint()
    if key not in _SHIPPED:
        _SHIPPED.clear()
        _SHIPPED[key] = load_shipped()
    return list(_SHIPPED[key])


def open_kb_store(location: str | None) -> Store | None:
    """The store at ``location`` (default: ``$KRONIKA_DB``) opened read-only, or None when none exists yet."""
    location = location or default_location()
    if location.startswith(("postgres://", "postgresql://")) or Path(location.removeprefix("sqlite:///")).exists():
        return open_store(location, readonly=True)
    return None


def load_kb_entries(store: Store | None) -> list[KBEntry]:
    """Shipped entries followed by the user's, so that a user entry overrides a shipped one with its id."""
    user = store.kb_user_entries() if store is not None else []
    return _shipped() + [KBEntry.from_dict(row["data"], origin="user") for row in user]


def kb_entries(store: Store | None) -> dict[str, StoredEntry]:
    """Every entry by id, user entries overriding shipped ones, with their source."""
    merged = {e.id: StoredEntry(e) for e in _shipped()}
    shipped = set(merged)
    for row in store.kb_user_entries() if store is not None else []:
        entry = KBEntry.from_dict(row["data"], origin="user")
        merged[entry.id] = StoredEntry(entry, row["origin"], row["added_at"], entry.id in shipped)
    return merged


def get_entry(store: Store | None, entry_id: str) -> StoredEntry | None:
    """One entry (the user's if it overrides a shipped one), or None."""
    return kb_entries(store).get(entry_id)


def kb_fingerprint(store: Store | None) -> str:
    """A key that changes with the shipped files and with the user's entries: for caching built indexes."""
    h = hashlib.sha256(shipped_fingerprint().encode())
    for row in store.kb_user_entries() if store is not None else []:
        h.update(json.dumps(row["data"], sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:16]


# -- checking entries ------------------------------------------------------------------------------------


def entry_from_dict(data: Any, origin: str = "user") -> KBEntry:
    """An entry from its docs/kb.md dict, with the field types checked; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a mapping of fields")
    unknown = sorted(str(k) for k in set(data) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}")
    for key in ("id", "name", "kind"):
        if data.get(key) in (None, ""):
            raise ValueError(f"no {key}")
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            quote = " (quote it: YAML reads NO, yes, on... as booleans)" if isinstance(value, bool) else ""
            raise ValueError(f"{key} {value!r} is not text{quote}")
    for key in ("aliases", "adjectives"):
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, list | None) for v in value.values()):
            raise ValueError(f"{key} must map languages to lists of names")
    if not isinstance(data.get("other_sectors") or [], list):
        raise ValueError("other_sectors must be a list of sectors")
    roles = data.get("roles") or []
    if not (isinstance(roles, list) and all(isinstance(r, dict) and r.get("title") for r in roles)):
        raise ValueError("roles must be a list of {title, org, start, end}, each with a title")
    return KBEntry.from_dict(data, origin)


def check_entry(entry: KBEntry) -> list[str]:
    """What keeps an entry out of the KB: id format, kind, alias languages, role dates, sectors, country."""
    problems = []
    if not _ID.fullmatch(entry.id):
        problems.append(f"id {entry.id!r} is not <prefix>/<slug> in lower-case ASCII and hyphens, cty/ISO3 or wd/Q…")
    if not entry.name.strip():
        problems.append("empty name")
    if entry.kind not in KINDS and entry.kind != "unknown":
        problems.append(f"unknown kind {entry.kind!r}")
    langs = sorted(set(entry.aliases) - set(wikidata.LANGS))
    if langs:
        problems.append(f"unknown alias language(s) {', '.join(map(str, langs))} (use {', '.join(wikidata.LANGS)})")
    for role in entry.roles:
        dates = [d for d in (role.start, role.end) if d]
        problems += [f"role date {d!r} is not YYYY-MM-DD" for d in dates if not _DATE.fullmatch(d)]
        if role.start and role.end and role.end < role.start:
            problems.append(f"role {role.title!r} ends before it starts")
    stripped = replace(entry, parent=None, roles=())  # references are noted, not refused: see _notes
    return problems + [p.removeprefix(f"{entry.id}: ") for p in validate([stripped])]


def make_entry(
    entry_id: str, name: str, kind: str, *, country: str | None = None, sector: str | None = None,
    aliases: tuple[str, ...] = (), roles: tuple[str, ...] = (), parent: str | None = None,
    wikidata_id: str | None = None,
) -> KBEntry:
    """An entry from ``kb add`` options: aliases as ``LANG:TEXT``, roles as ``TITLE|ORG|START|END``."""
    by_lang: dict[str, list[str]] = {"en": [name]}
    for alias in aliases:
        lang, sep, text = alias.partition(":")
        if not sep or not lang.strip() or not text.strip():
            raise InputError(f"alias {alias!r} is not LANG:TEXT", hint="e.g. --alias 'fr:Roustem Oumerov'")
        names = by_lang.setdefault(lang.strip(), [])
        names += [text.strip()] if text.strip() not in names else []
    parsed = []
    for role in roles:
        parts = [p.strip() or None for p in role.split("|")]
        if len(parts) > 4 or not parts[0]:
            raise InputError(f"role {role!r} is not TITLE|ORG|START|END",
                             hint="e.g. --role 'Minister of Defence|org/ukr-mod|2023-09-06|'")
        parsed.append(dict(zip(("title", "org", "start", "end"), parts + [None] * (4 - len(parts)))))
    data = {"id": entry_id, "name": name, "kind": kind, "country": country, "sector": sector, "aliases": by_lang,
            "roles": parsed, "parent": parent, "wikidata": wikidata_id}
    try:
        return entry_from_dict(data)
    except ValueError as exc:
        raise InputError(f"{entry_id}: {exc}", hint=_FORMAT_HINT) from exc


# -- writing ----------------------------------------------------------------------------------------------


def _row(entry: KBEntry, origin: str) -> dict[str, Any]:
    data = {k: v for k, v in entry.to_dict().items() if k != "origin"}
    return {"id": entry.id, "data": data, "origin": origin}


def _notes(entries: list[KBEntry], known: set[str], shipped: set[str]) -> list[str]:
    ids = known | {e.id for e in entries}
    notes = [f"{e.id} overrides the shipped entry" for e in entries if e.id in shipped]
    for e in entries:
        refs = dict.fromkeys(r for r in [e.parent, *(role.org for role in e.roles)] if r)
        notes += [f"{e.id} refers to {ref}, which is not in the knowledge base" for ref in refs if ref not in ids]
    return notes


def add_entry(store: Store, entry: KBEntry, origin: str = "cli") -> ImportReport:
    """Check one entry and store it as a user entry (replacing a user entry with its id)."""
    problems = check_entry(entry)
    if problems:
        raise InputError(f"{entry.id}: {'; '.join(problems)}", hint=_FORMAT_HINT)
    shipped = {e.id for e in _shipped()}
    known = shipped | {row["id"] for row in store.kb_user_entries()}
    added, replaced = store.put_kb_entries([_row(entry, origin)])
    return ImportReport(added, replaced, notes=_notes([entry], known, shipped))


def remove_entry(store: Store, entry_id: str) -> bool:
    """Remove one user entry (a shipped entry it overrode comes back); False if there was none."""
    return store.delete_kb_entry(entry_id)


def import_files(store: Store, paths: list[str], fmt: str | None = None) -> ImportReport:
    """Import entries from YAML, CSV or Wikidata JSON files as user entries.

    Every file is read first: a malformed file raises :class:`InputError` and
    nothing is stored. Entries that fail their checks are reported as rejected;
    the others are stored in one transaction.
    """
    files = [(os.path.abspath(p), *read_file(Path(p), fmt)) for p in paths]
    entities = [raw for _, kind, items in files if kind == "wikidata" for _, raw in items]
    labels = {e["id"]: name for e in entities if isinstance(e.get("id"), str) and (name := wikidata.label_of(e))}
    shipped_entries = _shipped()
    shipped = {e.id for e in shipped_entries}
    user = [KBEntry.from_dict(row["data"], "user") for row in store.kb_user_entries()]
    by_qid = {q: f"wd/{q}" for q in labels} | {e.wikidata: e.id for e in shipped_entries + user if e.wikidata}
    report = ImportReport()
    batch: dict[str, tuple[str, KBEntry, str]] = {}
    for origin, kind, items in files:
        for where, raw in items:
            raw_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
            try:
                data = wikidata.entity_to_entry(raw, labels, by_qid) if kind == "wikidata" else raw
                entry = entry_from_dict(csv_entry(data) if kind == "csv" else data)
            except ValueError as exc:
                report.rejected.append(Rejected(where, str(exc), raw_id))
                continue
            problems = check_entry(entry)
            if entry.id in batch:
                problems.append(f"duplicate id, first at {batch[entry.id][0]}")
            if entry.wikidata and by_qid.get(entry.wikidata, entry.id) not in (entry.id, f"wd/{entry.wikidata}"):
                problems.append(f"{entry.wikidata} is already in the knowledge base as {by_qid[entry.wikidata]}")
            if problems:
                report.rejected.append(Rejected(where, "; ".join(problems), entry.id))
            else:
                batch[entry.id] = (where, entry, origin)
    entries = [entry for _, entry, _ in batch.values()]
    report.notes = _notes(entries, shipped | {e.id for e in user}, shipped)
    if batch:
        report.added, report.replaced = store.put_kb_entries([_row(e, origin) for _, e, origin in batch.values()])
    return report
