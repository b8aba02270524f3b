"""Plain-text inputs: the "seed" layout (section, title, body) and free text.

The seed layout is::

    Incidents                      <- section: a short label, no final punctuation
                                   <- blank line
    A one-line headline            <- title
                                   <- blank line
    Body paragraphs ...

It becomes ``Article(section="Incidents", title=headline, text=headline + "\\n\\n" + body)``:
the section is metadata and never part of the title or text. Free text gets a
title only when its first line looks like one (short, no final punctuation,
followed by a blank line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article
from .base import EMPTY_ARTICLE, ReadResult
from .encoding import decode

__all__ = [
    "is_seed_layout",
    "normalize_newlines",
    "parse_seed",
    "parse_text",
    "read_seed",
    "read_text",
]

SECTION_MAX_CHARS = 40
SECTION_MAX_WORDS = 5
TITLE_MAX_CHARS = 200
SEED_TITLE_MAX_CHARS = 300

_FINAL_PUNCTUATION = ".!?…:;,"
_CLOSERS = "\"'»”’)]"


def normalize_newlines(text: str) -> str:
    """Turn CRLF and CR line ends into LF, drop leading blank lines and trailing space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"\A(?:[ \t]*\n)+", "", text).rstrip()


def is_seed_layout(text: str) -> bool:
    """Tell whether ``text`` is in the seed layout (section, blank, title, blank, body).

    Strict: the section must look like a label (at most 5 words and 40
    characters, no final punctuation, shorter than the title), the title must
    not end with a full stop, and there must be a body.
    """
    parts = _seed_parts(normalize_newlines(text))
    if parts is None:
        return False
    section, title, body = parts
    return (
        bool(body)
        and len(section) <= SECTION_MAX_CHARS
        and len(section.split()) <= SECTION_MAX_WORDS
        and not _ends_sentence(section)
        and len(section) < len(title) <= SEED_TITLE_MAX_CHARS
        and not _strip_closers(title).endswith(".")
    )


def parse_seed(text: str) -> Article | None:
    """Read text in the seed layout; None when it has no section and title lines."""
    parts = _seed_parts(normalize_newlines(text))
    if parts is None:
        return None
    section, title, body = parts
    return Article.create(body, title=title, section=section)


def parse_text(text: str) -> Article | None:
    """Read free text; None when there is no text at all.

    The first line is the title when it is shorter than 200 characters, has
    no final sentence punctuation and is followed by a blank line and more text.
    """
    text = normalize_newlines(text)
    if not text:
        return None
    first, sep, rest = text.partition("\n")
    if sep and _looks_like_title(first) and not rest.partition("\n")[0].strip():
        body = normalize_newlines(rest)
        if body:
            return Article.create(body, title=first.strip())
    return Article.create(text)


def read_seed(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read one seed-layout article from ``data``; an error result if the layout is missing."""
    text = decode(data)
    article = parse_seed(text)
    if article is not None:
        yield _result(article, source, "seed")
    elif not text.strip():
        yield ReadResult(input=source, error=EMPTY_ARTICLE)
    else:
        message = (
            "not in seed layout: expected a section line, a blank line, a title line, a blank line "
            "and the body (fix the layout or read it as format 'text')"
        )
        yield ReadResult(input=source, error=message)


def read_text(data: bytes, source: str = "<bytes>") -> Iterator[ReadResult]:
    """Read one free-text article from ``data``; an error result if it holds no text."""
    article = parse_text(decode(data))
    if article is None:
        yield ReadResult(input=source, error=EMPTY_ARTICLE)
        return
    yield _result(article, source, "text")


def _result(article: Article, source: str, fmt: str) -> ReadResult:
    article.input = source
    article.input_format = fmt
    return ReadResult(input=source, article=article)


def _seed_parts(text: str) -> tuple[str, str, str] | None:
    """Split normalised text into (section, title, body), or None if the layout is not there."""
    lines = text.split("\n")
    if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
        return None
    i = 2
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i == len(lines):
        return None
    title = lines[i]
    rest = lines[i + 1 :]
    if rest and rest[0].strip():
        return None  # the title runs on to a second line: not a one-line headline
    return lines[0].strip(), title.strip(), normalize_newlines("\n".join(rest))


def _looks_like_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) < TITLE_MAX_CHARS and not _ends_sentence(line)


def _ends_sentence(line: str) -> bool:
    return _strip_closers(line).endswith(tuple(_FINAL_PUNCTUATION))


def _strip_closers(line: str) -> str:
    return line.rstrip().rstrip(_CLOSERS).rstrip()
