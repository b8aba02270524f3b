"""Web archives: WARC files, plain or gzip-compressed, read with warcio.

Every ``response`` record holding an HTML page (2xx status, ``text/html`` or
``application/xhtml+xml``) goes through the HTML reader. The article's url is
the record's ``WARC-Target-URI`` (a different canonical link is kept in
``meta["canonical_url"]``) and its date the page's own, else the capture date
``WARC-Date``. Other records (requests, metadata, images, redirects) are
skipped. ``where`` is "record N", counting every record of the file from 1.

warcio writes a warning to stderr itself when a record's Content-Length is
wrong; reading goes on.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from .base import ReadResult
from .html import parse_html

__all__ = ["read_warc"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read the HTML responses of a WARC file; an error result for a broken record or file."""
    records = iter(ArchiveIterator(io.BytesIO(data)))
    number = 0
    while True:
        number += 1
        try:
            record = next(records, None)
            payload = _html_payload(record) if record is not None else None
        except Exception as exc:  # noqa: BLE001 - warcio raises assorted errors on damaged records
            yield _damaged(source, number, exc)
            return
        if record is None:
            return
        if payload is not None:
            yield _record_result(record, payload, source, f"record {number}")


def _html_payload(record: Any) -> bytes | None:
    """The decoded body of a 2xx HTML response record, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not (status.startswith("2") and content_type.startswith(HTML_TYPES)):
        return None
    return bytes(record.content_stream().read())


def _record_result(record: Any, payload: bytes, source: str, where: str) -> ReadResult:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    charset = _charset(record.http_headers.get_header("Content-Type") or "")
    article = parse_html(payload, url=uri, charset=charset)
    if article is None:
        message = f"empty article: no text in the page {uri} (check the record)"
        return ReadResult(input=source, error=message, where=where)
    if uri and article.url and article.url != uri:
        article.meta["canonical_url"] = article.url
    article.url = uri or article.url
    article.published = article.published or record.rec_headers.get_header("WARC-Date")
    article.input = source
    article.input_format = "warc"
    return ReadResult(input=source, article=article, where=where)


def _damaged(source: str, number: int, exc: Exception) -> ReadResult:
    where = f"record {number}"
    problem = " ".join(str(exc).split()) or type(exc).__name__
    message = f"malformed WARC at {where}: {problem} (check the file; later records were not read)"
    return ReadResult(input=source, error=message, where=where)


def _charset(content_type: str) -> str | None:
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
