"""Read articles from the sources named on a command line: files, directories, globs, stdin.

:func:`read_inputs` never raises for a bad input: a missing file, a binary
file, an empty article or a malformed record is a :class:`ReadResult` with a
one-line ``error`` that names the problem and what to do, and reading goes on
with the next item. Only usage errors (an unknown format, a bad default date)
raise :class:`~kronika.errors.InputError`, once, before anything is read.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .base import EMPTY_ARTICLE, ReadResult
from .detect import FORMATS, detect_format
from .encoding import looks_binary
from .feeds import read_feed
from .html import read_html
from .records import read_csv, read_jsonl
from .text import read_seed, read_text
from .warc import read_warc

__all__ = ["READERS", "STDIN", "read_bytes", "read_inputs"]

STDIN = "<stdin>"

Reader = Callable[[bytes, str], Iterator[ReadResult]]
READERS: dict[str, Reader] = {
    "seed": read_seed,
    "text": read_text,
    "html": read_html,
    "feed": read_feed,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "warc": read_warc,
}

_GLOB_CHARS = frozenset("*?[")
_FORMAT_LIST = ", ".join(FORMATS)
BINARY = "not a text file: binary content (pass a text, HTML, feed, JSON Lines, CSV or WARC file)"


def read_inputs(
    sources: Sequence[str],
    fmt: str | None = None,
    *,
    published: str | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ReadResult]:
    """Read every article of ``sources``, in order, as :class:`ReadResult` items.

    Each source is a file path, a directory (walked recursively in sorted
    order, hidden files and directories skipped), a glob pattern (``*.txt``,
    ``**/*.html``) or ``-`` for standard input (read from ``stdin``, else
    ``sys.stdin.buffer``). A file named twice is read once.

    ``fmt`` forces one of :data:`~kronika.readers.detect.FORMATS` for every
    input; by default each input's format is detected from its content and
    name. ``published`` (an ISO 8601 date) fills ``Article.published`` when
    the input gives none. Every article has ``input`` (the path or
    ``"<stdin>"``) and ``input_format`` set; its id is the content hash, so
    reading the same input twice yields the same ids.

    Bad inputs never raise; they yield a ``ReadResult`` whose ``error`` is a
    one-line message. Raises :class:`~kronika.errors.InputError` at once (not
    on first iteration) for an unknown ``fmt`` or a ``published`` value that
    is not an ISO date: those are usage errors.
    """
    _check_format(fmt)
    if published is not None:
        _check_date(published)
    return _read_all(sources, fmt, published, stdin)


def read_bytes(data: bytes, name: str, fmt: str | None = None) -> Iterator[ReadResult]:
    """Read the articles of one input already in memory.

    ``name`` labels the results and its extension helps detection (pass
    ``"<stdin>"`` for none). Raises :class:`~kronika.errors.InputError` at once
    for an unknown ``fmt``; bad content yields error results, as in :func:`read_inputs`.
    """
    _check_format(fmt)
    return _read_bytes(data, name, fmt)


def _read_bytes(data: bytes, name: str, fmt: str | None) -> Iterator[ReadResult]:
    if not data.strip():
        yield ReadResult(input=name, error=EMPTY_ARTICLE)
        return
    label = fmt or "detected format"
    try:
        label = fmt = fmt or detect_format(data, "" if name == STDIN else name)
        if fmt != "warc" and looks_binary(data):
            yield ReadResult(input=name, error=BINARY)
            return
        yield from _nonempty(READERS[fmt](data, name), name, fmt)
    except Exception as exc:  # noqa: BLE001 - a parser failing on odd input must not stop the batch
        problem = " ".join(str(exc).split()) or "no detail"
        message = f"cannot read as {label}: {type(exc).__name__}: {problem} (check the file or force another format)"
        yield ReadResult(input=name, error=message)


def _read_all(
    sources: Sequence[str], fmt: str | None, published: str | None, stdin: BinaryIO | None
) -> Iterator[ReadResult]:
    seen: set[str] = set()
    for source in sources:
        for name, error in _expand(source):
            if error is not None:
                yield ReadResult(input=name, error=error)
                continue
            key = name if name == STDIN else os.path.realpath(name)
            if key in seen:
                continue
            seen.add(key)
            for result in _read_one(name, fmt, stdin):
                if result.article is not None and result.article.published is None:
                    result.article.published = published
                yield result


def _expand(source: str) -> Iterator[tuple[str, str | None]]:
    """(file name, None) for every file a source names, or (source, error message)."""
    if source == "-":
        yield STDIN, None
    elif os.path.isdir(source):
        files = _walk(source)
        if not files:
            yield source, "empty directory: no files found (check the path; hidden files are skipped)"
        yield from ((name, None) for name in files)
    elif os.path.lexists(source) or not _GLOB_CHARS.intersection(source):
        yield source, None  # a missing file is reported when it is opened
    else:
        matches = sorted(glob.glob(source, recursive=True))
        files = [f for m in matches for f in (_walk(m) if os.path.isdir(m) else [m])]
        if not files:
            yield source, "no files match this pattern (check the pattern and quote it so the shell leaves it alone)"
        yield from ((name, None) for name in files)


def _walk(directory: str) -> list[str]:
    """Every non-hidden file under ``directory``, recursively, in sorted order."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if not f.startswith("."))
    return found


def _read_one(name: str, fmt: str | None, stdin: BinaryIO | None) -> Iterator[ReadResult]:
    data = _load_stdin(stdin) if name == STDIN else _load(name)
    if isinstance(data, str):
        yield ReadResult(input=name, error=data)
        return
    yield from _read_bytes(data, name, fmt)


def _load(path: str) -> bytes | str:
    """The bytes of a file, or an error message."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        return "no such file or directory (check the path)"
    except PermissionError:
        return "permission denied (check the file's permissions)"
    except IsADirectoryError:
        return "is a directory (pass the directory itself to read the files in it)"
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc} (check the file)"


def _load_stdin(stdin: BinaryIO | None) -> bytes | str:
    """The bytes of standard input, or an error message."""
    try:
        return (stdin or sys.stdin.buffer).read()
    except (OSError, ValueError) as exc:
        return f"cannot read standard input: {exc} (pipe a file into the command or name it)"


def _nonempty(results: Iterator[ReadResult], name: str, fmt: str) -> Iterator[ReadResult]:
    """Pass ``results`` through; one error result if there were none."""
    empty = True
    for result in results:
        empty = False
        yield result
    if empty:
        yield ReadResult(input=name, error=f"no articles found in this {fmt} input (check the file)")


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in READERS:
        raise InputError(f"unknown format {fmt!r}", hint=f"use one of: {_FORMAT_LIST}")


def _check_date(value: str) -> None:
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"invalid published date {value!r}", hint="use an ISO 8601 date such as 2024-03-05"
        ) from None
