"""Exporters: full records as JSON Lines, events as flat rows in CSV or Parquet."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .store import EventFilter, Store

__all__ = ["EVENT_COLUMNS", "EXPORTERS", "event_row", "write_export"]

EVENT_COLUMNS = (
    "event_id", "article_id", "event_type", "mode", "contexts", "acled_type", "acled_subtype",
    "source_name", "source_kb_id", "source_country", "source_sector",
    "target_name", "target_kb_id", "target_country", "target_sector",
    "date", "date_precision", "place", "geonameid", "place_country", "lat", "lon",
    "modality", "confidence", "evidence",
)


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """Flatten an event (as returned by ``Store.events``) into one row of EVENT_COLUMNS."""
    src, tgt = event.get("source") or {}, event.get("target") or {}
    date, loc = event.get("date") or {}, event.get("location") or {}
    return {
        "event_id": event["id"],
        "article_id": event.get("article_id"),
        "event_type": event["event_type"],
        "mode": event.get("mode"),
        "contexts": ";".join(event.get("contexts") or []),
        "acled_type": event.get("acled_type"),
        "acled_subtype": event.get("acled_subtype"),
        "source_name": src.get("name") or src.get("text"),
        "source_kb_id": src.get("kb_id"),
        "source_country": src.get("country"),
        "source_sector": src.get("sector"),
        "target_name": tgt.get("name") or tgt.get("text"),
        "target_kb_id": tgt.get("kb_id"),
        "target_country": tgt.get("country"),
        "target_sector": tgt.get("sector"),
        "date": date.get("value"),
        "date_precision": date.get("precision"),
        "place": loc.get("name"),
        "geonameid": loc.get("geonameid"),
        "place_country": loc.get("country"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "modality": event.get("modality"),
        "confidence": event.get("confidence"),
        "evidence": " | ".join(s["text"] for s in event.get("evidence") or []),
    }


def _rows(store: Store, flt: EventFilter | None) -> Iterator[dict[str, Any]]:
    return (event_row(e) for e in store.events(flt or EventFilter()))


def _jsonl(store: Store, out: Any, flt: EventFilter | None) -> int:
    n = 0
    for record in store.iter_records():
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(store: Store, out: Any, flt: EventFilter | None) -> int:
    writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
    writer.writeheader()
    n = 0
    for row in _rows(store, flt):
        writer.writerow(row)
        n += 1
    return n


def _parquet(store: Store, path: Path, flt: EventFilter | None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [(c, pa.float64() if c in ("lat", "lon", "confidence") else pa.int64() if c == "geonameid" else pa.string())
         for c in EVENT_COLUMNS]
    )
    rows = list(_rows(store, flt))
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, str(path))
    return len(rows)


EXPORTERS: dict[str, Callable[..., int]] = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}


def write_export(store: Store, path: Path, fmt: str | None = None, flt: EventFilter | None = None) -> int:
    """Write the export atomically (a temporary file renamed into place), or to stdout for ``-``."""
    fmt = fmt or _SUFFIXES.get(path.suffix.lower())
    if fmt not in EXPORTERS:
        raise ConfigError(
            f"cannot tell the export format of {path}", hint="pass --format jsonl, csv or parquet"
        )
    if str(path) == "-":
        if fmt == "parquet":
            raise ConfigError("Parquet cannot be written to stdout", hint="give a file path")
        return EXPORTERS[fmt](store, sys.stdout, flt)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        if fmt == "parquet":
            n = _parquet(store, Path(tmp), flt)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as out:
                n = EXPORTERS[fmt](store, out, flt)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n
