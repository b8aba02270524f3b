"""Tell the format of an input from its content first, then from its file name.

Content rules, in order: WARC magic (also inside gzip), a feed root element
(``<rss``, ``<feed``, ``<rdf:RDF``), an HTML document, one JSON object per
line, a CSV header with a ``text`` column, the seed layout. When the content
says nothing, the extension decides, and plain text is the default.
"""

from __future__ import annotations

import json
import re
import zlib

from .encoding import decode
from .records import sniff_delimiter
from .text import is_seed_layout

__all__ = ["FORMATS", "detect_format"]

FORMATS = ("seed", "text", "html", "feed", "jsonl", "csv", "warc")

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "csv",
    ".warc": "warc",
    ".warc.gz": "warc",
}

_HEAD_BYTES = 1 << 16
_SAMPLE_LINES = 20
_FEED_ROOTS = ("rss", "feed", "rdf:rdf")
_HTML_ROOTS = ("html", "head", "body", "article", "main", "div", "p", "meta", "title", "section")
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^>]*>)", re.IGNORECASE | re.DOTALL)
_ROOT = re.compile(r"\s*<([A-Za-z][\w:.-]*)")


def detect_format(data: bytes, name: str = "") -> str:
    """Return the format of an input, one of :data:`FORMATS`.

    ``name`` is the file name (only its extension is used); pass "" for stdin.
    """
    if _is_warc(data):
        return "warc"
    truncated = len(data) > _HEAD_BYTES
    head = decode(data[:_HEAD_BYTES]).lstrip("\ufeff")
    by_name = format_from_name(name)
    fmt = _markup_format(head, by_name) or _jsonl_format(head, truncated) or _csv_format(head)
    if fmt:
        return fmt
    if by_name in (None, "text", "seed"):
        return "seed" if is_seed_layout(head) else "text"
    return by_name


def format_from_name(name: str) -> str | None:
    """The format an extension suggests ("a.warc.gz" -> "warc"), or None."""
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def _is_warc(data: bytes) -> bool:
    if data.startswith(b"\x1f\x8b"):
        try:
            data = zlib.decompressobj(wbits=31).decompress(data[:4096], 64)
        except zlib.error:
            return False
    return data.lstrip(b"\r\n").startswith(b"WARC/")


def _markup_format(head: str, by_name: str | None) -> str | None:
    """Return "feed" or "html" for a document that starts with markup, else None."""
    if not head.lstrip().startswith("<"):
        return None
    position, doctype_html = 0, False
    while match := _PROLOG.match(head, position):
        doctype_html = doctype_html or match.group(0).strip().lower().startswith("<!doctype html")
        position = match.end()
    root = _ROOT.match(head, position)
    tag = root.group(1).lower() if root else ""
    if tag in _FEED_ROOTS:
        return "feed"
    if doctype_html or tag in _HTML_ROOTS:
        return "html"
    return by_name if by_name in ("html", "feed") else "html"


def _jsonl_format(head: str, truncated: bool) -> str | None:
    lines = head.split("\n")
    if truncated:
        lines = lines[:-1]  # the last line may be cut short
    sample = [line.strip() for line in lines if line.strip()][:_SAMPLE_LINES]
    if not sample or not sample[0].startswith("{"):
        return None
    objects = sum(1 for line in sample if _is_json_object(line))
    return "jsonl" if objects * 2 >= len(sample) else None


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _csv_format(head: str) -> str | None:
    return "csv" if sniff_delimiter(head) else None
