"""HTML pages: the main text and metadata of a news page, boilerplate removed.

trafilatura does the extraction (navigation, footers and related-links boxes
are dropped). Its date search is run on the markup only (``extensive_search``
off): the extensive search guesses a date from any year in the text, such as
"2024" becoming 2024-01-01. Paragraphs are separated by a blank line, as in the
other readers.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml import etree

from ..model import Article
from .base import EMPTY_ARTICLE, ReadResult, iso_language
from .encoding import decode

__all__ = ["decode_html", "fragment_text", "parse_html", "read_html"]

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BLOCK_TAGS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def read_html(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read one HTML page from ``data``; an error result when it holds no article text."""
    article = parse_html(data)
    if article is None:
        yield ReadResult(input=source, error=EMPTY_ARTICLE)
        return
    article.input = source
    article.input_format = "html"
    yield ReadResult(input=source, article=article)


def parse_html(data: bytes | str, *, url: str | None = None, charset: str | None = None) -> Article | None:
    """Extract the article of an HTML page, or None when no main text is found.

    ``url`` is the page's address if known (a canonical link in the page wins);
    ``charset`` is an encoding declared outside the page (an HTTP header).
    Sets title, published (ISO date), author, url and lang (from ``<html lang>``
    or a content-language meta tag).
    """
    import trafilatura  # imported on first use: it takes half a second to load

    html = data if isinstance(data, str) else decode_html(data, charset)
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    if doc is None:
        return None
    meta: dict[str, Any] = doc.as_dict()
    text = _paragraphs(meta.get("text") or "")
    if not text:
        return None
    return Article.create(
        text,
        title=meta.get("title") or None,
        url=meta.get("url") or url,
        published=meta.get("date") or None,
        author=meta.get("author") or None,
        lang=_page_language(tree),
    )


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Decode an HTML page: a BOM, then the given or declared charset if it fits, then a guess."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    match = _CHARSET.search(data[:4096])
    for name in (charset, match.group(1).decode("ascii") if match else None):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue  # unknown or wrong declaration: try the next, then guess
    return decode(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): tags dropped, one paragraph per block."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _blocks(fragment)
    for element in root.xpath(".//script | .//style"):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return _blocks(root.text_content())


def _blocks(text: str) -> str:
    """Paragraphs split at blank lines, inner whitespace (single newlines too) squeezed."""
    blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(block for block in blocks if block)


def _paragraphs(text: str) -> str:
    """One paragraph per non-empty line, inner whitespace squeezed, separated by blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _page_language(tree: Any) -> str | None:
    root = tree.getroottree().getroot()
    declared = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        metas = root.xpath(
            "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
            "='content-language']/@content"
        )
        declared = metas[0] if metas else None
    return iso_language(declared)
