"""kronika's input readers: news articles from text, HTML, feeds, records and web archives.

:func:`read_inputs` is the entry point: it expands files, directories, globs and
``-`` (stdin), detects each input's format and yields one :class:`ReadResult`
per article or per problem. The per-format readers take the bytes of one input
and are usable on their own.
"""

from __future__ import annotations

from .base import ReadResult
from .detect import FORMATS, detect_format
from .encoding import decode, looks_binary
from .feeds import read_feed
from .html import parse_html, read_html
from .records import read_csv, read_jsonl
from .sources import READERS, read_bytes, read_inputs
from .text import parse_seed, parse_text, read_seed, read_text
from .warc import read_warc

__all__ = [
    "FORMATS",
    "READERS",
    "ReadResult",
    "decode",
    "detect_format",
    "looks_binary",
    "parse_html",
    "parse_seed",
    "parse_text",
    "read_bytes",
    "read_csv",
    "read_feed",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_seed",
    "read_text",
    "read_warc",
]
