"""Reading the files ``kronika kb import`` takes: YAML, CSV and Wikidata JSON.

Readers return raw items with where they were found; turning an item into an
entry (and rejecting it) is the job of :mod:`kronika.kb.user`. A file that
cannot be read at all raises :class:`~kronika.errors.InputError`.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from . import wikidata

__all__ = ["CSV_COLUMNS", "FORMATS", "csv_entry", "read_file"]

FORMATS = ("yaml", "csv", "wikidata")
CSV_COLUMNS = ("id", "name", "kind", "country", "sector", "aliases", "other_sectors", "wikidata", "parent")
_FORMAT_HINT = "see docs/kb.md for the entry format"



def read_file(path: Path, fmt: str | None) -> tuple[str, list[tuple[str, Any]]]:
    """The format of a file and its raw items as (where, item); a malformed file raises :class:`InputError`.

    Items are entry dicts (YAML), CSV rows (see :func:`csv_entry`) or Wikidata entities.
    """
    kind = fmt or _format_of(path)
    if kind not in FORMATS:
        raise InputError(f"unknown format {kind!r}", hint=f"use one of {', '.join(FORMATS)}")
    if kind == "wikidata":
        items = [(f"{path} {e.get('id', '?')}", e) for e in wikidata.read_entities(path)]
    else:
        items = _read_yaml(path) if kind == "yaml" else _read_csv(path)
    if not items:
        raise InputError(f"{path} holds no entries", hint=_FORMAT_HINT)
    return kind, items


def _format_of(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".yaml", ".yml")):
        return "yaml"
    if name.endswith(".csv"):
        return "csv"
    if re.search(r"\.(json|jsonl|ndjson)(\.gz|\.bz2)?$", name):
        return "wikidata"
    raise InputError(f"cannot tell the format of {path} from its name", hint="pass --format yaml, csv or wikidata")


def _read_yaml(path: Path) -> list[tuple[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError(f"{path}{at}: not valid YAML ({problem})", hint=_FORMAT_HINT) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="check the path and that the file is UTF-8") from exc
    if not isinstance(data, list):
        raise InputError(f"{path}: expected a list of entries, found {type(data).__name__}", hint=_FORMAT_HINT)
    return [(f"{path} entry {i}", item) for i, item in enumerate(data, 1)]


def _read_csv(path: Path) -> list[tuple[str, Any]]:
    hint = f"columns: {', '.join(CSV_COLUMNS[:6])}, with aliases as lang:alias;lang:alias"
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [(h or "").strip().lower() for h in reader.fieldnames or []]
            missing = [c for c in CSV_COLUMNS[:3] if c not in header]
            unknown = [c for c in header if c not in CSV_COLUMNS]
            if missing or unknown:
                what = (f"lacks column(s) {', '.join(missing)}" if missing
                        else f"has unknown column(s) {', '.join(unknown)}")
                raise InputError(f"{path} {what}", hint=hint)
            reader.fieldnames = header
            return [(f"{path} line {reader.line_num}", row) for row in reader]
    except csv.Error as exc:
        raise InputError(f"{path}: not valid CSV ({exc})", hint=hint) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="check the path and that the file is UTF-8") from exc


def csv_entry(row: dict[str | None, Any]) -> dict[str, Any]:
    """A CSV row as an entry dict: empty cells are null, aliases ``lang:alias;lang:alias``."""
    if None in row:
        raise ValueError("more cells than columns")
    data = {k: (v or "").strip() or None for k, v in row.items() if k is not None}
    aliases: dict[str, list[str]] = {"en": [data["name"]]} if data.get("name") else {}
    for part in filter(None, (p.strip() for p in (data.pop("aliases", None) or "").split(";"))):
        lang, sep, text = part.partition(":")
        if not sep or not lang.strip() or not text.strip():
            raise ValueError(f"alias {part!r} is not lang:alias")
        names = aliases.setdefault(lang.strip(), [])
        names += [text.strip()] if text.strip() not in names else []
    other = data.pop("other_sectors", None)
    return {**{k: v for k, v in data.items() if v is not None}, "aliases": aliases,
            "other_sectors": other.replace(",", " ").split() if other else []}
