"""Shared fixtures of the reader tests: the fixture directory and a WARC file builder."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

INPUTS = Path(__file__).resolve().parent.parent / "fixtures" / "inputs"

PAGE_WITH_DATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Grain convoy reaches Mykolaiv | Northern Wire</title>
<meta property="article:published_time" content="2024-03-14T07:00:00Z">
<link rel="canonical" href="https://northern-wire.example/world/grain-convoy">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Grain convoy reaches Mykolaiv</h1>
<p>A convoy of twenty trucks carrying grain reached the port city of Mykolaiv on Thursday after a
two-day journey, the regional administration said. The cargo will be loaded onto ships bound for Egypt.</p>
<p>Officials said the route had been cleared of mines in February and would stay open as long as
the security situation allowed.</p></article>
<footer>Copyright 2024 Northern Wire. All rights reserved.</footer>
</body></html>"""

PAGE_WITHOUT_DATE = """<html lang="uk"><head><title>Енергетики відновили живлення</title></head><body>
<div class="menu"><a href="/">Головна</a> | <a href="/news">Новини</a></div>
<div class="content"><h1>Енергетики відновили живлення</h1>
<p>Енергетики відновили електропостачання для сорока тисяч споживачів у Дніпрі після нічної атаки,
повідомила обласна військова адміністрація. Ремонтні бригади працювали всю ніч.</p>
<p>Графіки відключень у місті цього тижня не застосовуватимуть, заявили в енергокомпанії.</p></div>
</body></html>"""

EMPTY_PAGE = "<html><head><title></title></head><body><div></div></body></html>"


@pytest.fixture
def inputs() -> Path:
    """The directory of committed input fixtures."""
    return INPUTS


def _response(writer: WARCWriter, uri: str, body: bytes, content_type: str, status: str = "200 OK", date=None):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    warc_headers = {"WARC-Date": date} if date else None
    return writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict=warc_headers
    )


def write_warc(path: Path, *, gzip: bool) -> Path:
    """A small crawl: warcinfo, a request, two HTML pages, an image, a 404 page, an empty page."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kronika tests"}))
        request = StatusAndHeaders("GET /world/grain-convoy HTTP/1.1", [("Host", "northern-wire.example")])
        writer.write_record(
            writer.create_warc_record("https://northern-wire.example/world/grain-convoy?utm=rss", "request",
                                      http_headers=request)
        )
        pages = [
            ("https://northern-wire.example/world/grain-convoy?utm=rss", PAGE_WITH_DATE.encode("utf-8"),
             "text/html; charset=utf-8", "200 OK", "2024-03-15T09:00:00Z"),
            ("https://dnipro-vechirnii.example/news/42", PAGE_WITHOUT_DATE.encode("cp1251"),
             "text/html; charset=windows-1251", "200 OK", "2024-03-16T21:45:00Z"),
            ("https://northern-wire.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png", "200 OK", None),
            ("https://northern-wire.example/missing", b"<html><body><p>Not found</p></body></html>",
             "text/html", "404 Not Found", None),
            ("https://northern-wire.example/empty", EMPTY_PAGE.encode("utf-8"), "text/html", "200 OK", None),
        ]
        for uri, body, ctype, status, date in pages:
            writer.write_record(_response(writer, uri, body, ctype, status, date))
    return path


@pytest.fixture
def warc_factory(tmp_path: Path) -> Callable[..., Path]:
    """Build a WARC file in a temporary directory: ``warc_factory(gzip=True)``."""

    def build(*, gzip: bool = False, name: str | None = None) -> Path:
        return write_warc(tmp_path / (name or ("crawl.warc.gz" if gzip else "crawl.warc")), gzip=gzip)

    return build
