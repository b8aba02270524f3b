"""Library functions behind the CLI verbs: ``ingest``, ``run``, ``events``, ``show``, ``export``, ``stats``.

Each takes an open :class:`~kronika.store.Store` (or none, for ``run`` without
storing) and returns plain data; the CLI only parses options and prints.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import InputError
from .model import Article, Document
from .pipeline import Outcome, Pipeline
from .readers import ReadResult, read_inputs
from .record import document_record
from .store import EventFilter, Store

__all__ = ["RunReport", "code_article", "events", "export", "ingest", "run", "show", "stats"]


@dataclass
class RunReport:
    """What an ``ingest`` or ``run`` call did."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    coded: int = 0
    already_coded: int = 0
    failed: list[Outcome] = field(default_factory=list)
    read_errors: list[ReadResult] = field(default_factory=list)
    coded_ids: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "new": self.new,
            "duplicates": self.duplicates,
            "coded": self.coded,
            "already_coded": self.already_coded,
            "failed": [{"article_id": o.article_id, "stage": o.stage, "reason": o.reason} for o in self.failed],
            "read_errors": [{"input": r.describe(), "error": r.error} for r in self.read_errors],
            "missing": self.missing,
        }


def _read(
    sources: Sequence[str], fmt: str | None, published: str | None, stdin: IO[bytes] | None, report: RunReport,
    store: Store | None,
) -> Iterator[Article]:
    for item in read_inputs(sources, fmt, published=published, stdin=stdin):
        if item.article is None:
            report.read_errors.append(item)
            if store is not None:
                store.record_read_failure(item.input, item.where, item.error or "unreadable")
            continue
        report.read += 1
        yield item.article


def ingest(
    sources: Sequence[str],
    store: Store,
    *,
    fmt: str | None = None,
    published: str | None = None,
    stdin: IO[bytes] | None = None,
    on_item: Callable[[RunReport], None] | None = None,
) -> RunReport:
    """Read articles from files, folders, globs or ``-`` (stdin) and store the new ones."""
    report = RunReport()
    for article in _read(sources, fmt, published, stdin, report, store):
        if store.add_article(article):
            report.new += 1
        else:
            report.duplicates += 1
        if on_item:
            on_item(report)
    return report


def code_article(article: Article, pipeline: Pipeline) -> tuple[Document, Outcome, dict[str, Any] | None]:
    """Run the pipeline over one article; the record is None when a stage failed."""
    doc = Document(article)
    outcome = pipeline.process(doc)
    record = document_record(doc, pipeline.version, pipeline.missing) if outcome.ok else None
    return doc, outcome, record


def run(
    sources: Sequence[str] | None,
    store: Store | None,
    pipeline: Pipeline,
    *,
    fmt: str | None = None,
    published: str | None = None,
    force: bool = False,
    stdin: IO[bytes] | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    on_item: Callable[[RunReport], None] | None = None,
    workers: int = 1,
) -> RunReport:
    """Ingest and code. With no sources, code every stored article not yet coded.

    Each article is committed with its coding in one transaction, in input order, so
    an interrupted run loses nothing committed and a rerun resumes where it stopped.
    With ``workers`` > 1, articles are coded in that many forked worker processes
    (:mod:`kronika.parallel`) while this process reads, stores and commits; at most a
    few articles per worker are stored and not yet coded at any time.
    Without a store, records go only to ``on_record``.
    """
    report = RunReport(missing=list(pipeline.missing))
    if sources:
        articles: Iterable[Article] = _read(sources, fmt, published, stdin, report, store)
    elif store is not None:
        articles = store.uncoded_articles()
    else:
        raise InputError("nothing to code: no input given and no store", hint="pass files, or drop --no-store")
    in_flight: set[str] = set()  # ids sent to be coded whose coding is not committed yet
    jobs = _jobs(articles, store if sources else None, pipeline, report, force, in_flight)
    with _coder(pipeline, workers) as code:
        for article, outcome, record in code(jobs):
            in_flight.discard(article.id)
            if outcome is None:  # held back: already coded, or a copy of an article that was in flight
                if store is not None and not force and store.coding_version(article.id) == pipeline.version:
                    report.already_coded += 1
                    stored = store.get_record(article.id) if on_record else None
                    if on_record and stored:
                        on_record(stored)
                    if on_item:
                        on_item(report)
                    continue
                _, outcome, record = code_article(article, pipeline)
            if store is not None:
                store.save_coding(article.id, pipeline.version, record, stage=outcome.stage, reason=outcome.reason)
            if outcome.ok:
                report.coded += 1
                report.coded_ids.append(article.id)
                if on_record and record is not None:
                    on_record(record)
            else:
                report.failed.append(outcome)
            if on_item:
                on_item(report)
    return report


def _jobs(
    articles: Iterable[Article], store: Store | None, pipeline: Pipeline, report: RunReport, force: bool,
    in_flight: set[str],
) -> Iterator[tuple[Article, bool]]:
    """Store each article read (when ``store`` is given) and say whether it needs coding.

    A duplicate already coded by this pipeline version is not sent, and neither is a
    duplicate of an article still being coded: :func:`run` decides about it once the
    first copy is committed, exactly as a run in one process would.
    """
    for article in articles:
        if store is not None:
            if store.add_article(article):
                report.new += 1
            else:
                report.duplicates += 1
                article = store.get_article(article.id) or article
                if article.id in in_flight or (not force and store.coding_version(article.id) == pipeline.version):
                    yield article, False
                    continue
        in_flight.add(article.id)
        yield article, True


@contextmanager
def _coder(pipeline: Pipeline, workers: int) -> Iterator[Callable[[Iterable[tuple[Article, bool]]], Iterator[Any]]]:
    """The function that codes jobs: in this process, or in a pool of ``workers`` processes."""
    from . import parallel

    if workers <= 1:
        yield functools.partial(parallel.code_here, pipeline)
        return
    with parallel.WorkerPool(pipeline, workers) as pool:
        yield pool.code


def events(store: Store, flt: EventFilter | None = None) -> list[dict[str, Any]]:
    """Stored events matching the filter."""
    return store.events(flt or EventFilter())


def show(store: Store, article_id: str) -> dict[str, Any]:
    """The stored record of one article (its id or a unique prefix of it)."""
    full = store.resolve_article_id(article_id)
    record = store.get_record(full) if full else None
    if record is None:
        raise InputError(f"no article {article_id!r} in {store.location}", hint="list ids with `kronika events` or `kronika stats`")
    return record


def stats(store: Store) -> dict[str, Any]:
    """Counts of articles, codings, entities and events in the store."""
    return store.stats()


def export(store: Store, path: str | Path, fmt: str | None = None, flt: EventFilter | None = None) -> int:
    """Write stored records (jsonl) or events (csv, parquet) to ``path``; return the rows written."""
    from .export import write_export

    return write_export(store, Path(path), fmt, flt)
