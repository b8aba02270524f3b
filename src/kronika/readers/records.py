"""Record files: JSON Lines and CSV, one article per record.

A record holds ``text`` (required) and optionally ``id``, ``title``, ``lang``,
``published``, ``url``, ``section`` and ``author``; ``id`` becomes the article's
``source_id`` and other fields go to ``Article.meta``. A bad record is an error
result located by ``where`` ("line N" for JSON Lines, the physical line;
"row N" for CSV, the N-th data row after the header) and the other records
still come through.

CSV is read with the csv module: quoted fields may span lines; the header
names are matched without regard to case or surrounding spaces; the delimiter
is the first of ``, ; TAB |`` that makes a header with a ``text`` column.
Quoting is strict: a stray or unterminated quote is an error at that row
(the lenient mode would silently swallow the rest of the file into one field)
and the rows after it are not read. The csv module caps a field at 131072
characters; a longer field is such an error too.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from ..model import Article
from .base import ReadResult, iso_language
from .encoding import decode

__all__ = ["read_csv", "read_jsonl", "record_article", "sniff_delimiter"]

FIELDS = ("id", "text", "title", "lang", "published", "url", "section", "author")
DELIMITERS = (",", ";", "\t", "|")
_HEADER_NAME = re.compile(r"[\w .-]{0,40}")


def read_jsonl(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read one article per JSON Lines line; blank lines are skipped."""
    for number, line in enumerate(decode(data).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            message = f"malformed JSON on {where}: {exc.msg} (fix or remove the line)"
            yield ReadResult(input=source, error=message, where=where)
            continue
        if not isinstance(record, dict):
            message = f"not a JSON object on {where} (write one object per line, or remove the line)"
            yield ReadResult(input=source, error=message, where=where)
            continue
        yield _record_result(record, source, where, "jsonl")


def read_csv(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read one article per CSV row; the header must name a ``text`` column."""
    text = decode(data)
    delimiter = sniff_delimiter(text.split("\n", 1)[0]) or ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 0
    try:
        reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
        if "text" not in reader.fieldnames:
            message = "no 'text' column in the CSV header (name the column holding the article text 'text')"
            yield ReadResult(input=source, error=message)
            return
        for number, row in enumerate(reader, start=1):
            fields = {k: _csv_value(v) for k, v in row.items() if k}
            yield _record_result(fields, source, f"row {number}", "csv")
    except csv.Error as exc:
        where = f"row {number + 1}"
        message = f"malformed CSV on {where}: {exc} (fix the quoting of that row; later rows were not read)"
        yield ReadResult(input=source, error=message, where=where)


def sniff_delimiter(header: str) -> str | None:
    """The delimiter that makes ``header`` (its first line) a CSV header with a ``text`` column, or None."""
    header = header.splitlines()[0] if header else ""
    for delimiter in DELIMITERS:
        try:
            names = [n.strip().lower() for n in next(csv.reader([header], delimiter=delimiter), [])]
        except csv.Error:
            return None
        if len(names) >= 2 and "text" in names and all(_HEADER_NAME.fullmatch(n) for n in names):
            return delimiter
    return None


def record_article(record: Mapping[str, Any]) -> Article | str:
    """Build the article of one record, or return what is wrong with it."""
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        return "'text' is not a string"
    if not text or not text.strip():
        return "no text in the record"
    values = {key: _scalar(record.get(key)) for key in FIELDS if key not in ("id", "text")}
    meta = {k: v for k, v in record.items() if k not in FIELDS}
    return Article.create(
        text,
        title=values["title"],
        source_id=_scalar(record.get("id")),
        lang=iso_language(values["lang"]) or values["lang"],
        published=values["published"],
        url=values["url"],
        section=values["section"],
        author=values["author"],
        meta=meta,
    )


def _record_result(record: Mapping[str, Any], source: str, where: str, fmt: str) -> ReadResult:
    article = record_article(record)
    if isinstance(article, str):
        hint = "add a non-empty 'text' field or remove the record"
        return ReadResult(input=source, error=f"{article} on {where} ({hint})", where=where)
    article.input = source
    article.input_format = fmt
    return ReadResult(input=source, article=article, where=where)


def _scalar(value: Any) -> str | None:
    """A field value as a non-empty string, or None (numbers are written out)."""
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _csv_value(value: str | list[str] | None) -> str | None:
    if value is None or isinstance(value, list):
        return None  # a missing cell, or the extra cells of a too-long row
    return value.replace("\r\n", "\n")
