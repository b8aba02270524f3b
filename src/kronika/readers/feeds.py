"""News feeds: RSS 2.0, RSS 1.0 (RDF) and Atom, one article per item, with feedparser.

feedparser is lenient: a feed with an XML error still yields the items read
before the error (``bozo`` is set). Those items come through; only a feed that
is malformed *and* has no item at all is an error. The feed is always given to
feedparser as a byte stream, never as a string, which feedparser would try to
open as a URL or a file name.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from ..model import Article
from .base import ReadResult, iso_language
from .html import fragment_text

__all__ = ["entry_article", "read_feed"]


def read_feed(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read every item of a feed; error results for a malformed feed or an empty item.

    An item's ``where`` is "item N" (1-based, in feed order).
    """
    import feedparser  # imported on first use, like trafilatura

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        yield ReadResult(input=source, error=_no_entries_message(parsed))
        return
    feed_lang = iso_language(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"item {number}"
        article = entry_article(entry, feed_lang)
        if article is None:
            message = f"empty feed item: {where} has no title and no text (check the feed)"
            yield ReadResult(input=source, error=message, where=where)
            continue
        article.input = source
        article.input_format = "feed"
        yield ReadResult(input=source, article=article, where=where)


def entry_article(entry: Any, feed_lang: str | None = None) -> Article | None:
    """Build the article of one feedparser entry, or None when it has no title and no text."""
    title = " ".join((entry.get("title") or "").split())
    text = _entry_text(entry)
    if not title and not text:
        return None
    detail = entry.get("content", [None])[0] or entry.get("summary_detail") or {}
    return Article.create(
        text,
        title=title or None,
        url=entry.get("link") or None,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        source_id=entry.get("id") or None,
        author=entry.get("author") or None,
        lang=iso_language(detail.get("language")) or feed_lang,
    )


def _entry_text(entry: Any) -> str:
    """The item's full content if present, else its summary, as plain text."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if not detail or not (detail.get("value") or "").strip():
            continue
        value = detail["value"]
        if detail.get("type") == "text/plain":
            return "\n\n".join(" ".join(p.split()) for p in value.split("\n\n") if p.strip())
        return fragment_text(value)
    return ""


def _iso(parsed: time.struct_time | None) -> str | None:
    """feedparser's UTC struct_time as an ISO 8601 datetime ("2024-03-11T08:15:00+00:00")."""
    if parsed is None:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()


def _no_entries_message(parsed: Any) -> str:
    if parsed.get("bozo"):
        problem = str(parsed.get("bozo_exception") or "not well-formed XML").splitlines()[0]
        return f"malformed feed: {problem} (check that the file is well-formed RSS or Atom)"
    if not parsed.get("version"):
        return "not a feed: no RSS or Atom root element (pass an RSS or Atom file, or force another format)"
    return "empty feed: no items (check the feed)"
