"""The store adapter boundary.

Everything above this module talks to a :class:`Store`; the SQLite adapter is
the embedded default and a PostgreSQL adapter will implement the same protocol.
No SQL dialect leaks out of the adapters.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from ..model import Article

__all__ = ["EventFilter", "Store"]


@dataclass(slots=True)
class EventFilter:
    """Filters of :meth:`Store.events`; None means no constraint."""

    event_type: str | None = None
    actor: str | None = None  # matches a source or target name or kb_id (case-insensitive substring)
    country: str | None = None  # ISO alpha-3 of the source, target or place
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    text: str | None = None  # full-text query over evidence and actor names
    article_id: str | None = None
    limit: int | None = None


class Store(Protocol):
    """What kronika needs from a database."""

    location: str

    def add_article(self, article: Article) -> bool:
        """Store an article; return False (and change nothing) if its id is already stored."""
        ...

    def get_article(self, article_id: str) -> Article | None: ...

    def resolve_article_id(self, prefix: str) -> str | None:
        """The full id of the one article whose id starts with ``prefix``."""
        ...

    def coding_version(self, article_id: str) -> str | None:
        """The pipeline version that last coded the article successfully, or None."""
        ...

    def uncoded_articles(self) -> Iterator[Article]:
        """Articles with no successful coding yet, oldest first."""
        ...

    def count_uncoded(self) -> int: ...

    def save_coding(
        self,
        article_id: str,
        pipeline_version: str,
        record: dict[str, Any] | None,
        *,
        stage: str | None = None,
        reason: str | None = None,
    ) -> None:
        """Replace the article's coding: its record (None when failed) with entities and events."""
        ...

    def record_read_failure(self, input: str, where: str | None, reason: str) -> None: ...

    def get_record(self, article_id: str) -> dict[str, Any] | None:
        """The output record of a coded article, or a record with the bare article."""
        ...

    def iter_records(self) -> Iterator[dict[str, Any]]: ...

    def events(self, flt: EventFilter) -> list[dict[str, Any]]:
        """Events matching the filter, each as in the output record plus ``article_id``."""
        ...

    def search_articles(self, query: str, limit: int = 20) -> list[dict[str, Any]]: ...

    def stats(self) -> dict[str, Any]: ...

    def kb_user_entries(self) -> list[dict[str, Any]]:
        """The user's knowledge-base entries, in the order they were last written.

        Each row is ``{"id", "data" (the entry as a dict, docs/kb.md format), "origin"
        (the file it came from, or 'cli'), "added_at"}``; empty for a store that has
        no such entries yet (or predates them, when opened read-only).
        """
        ...

    def put_kb_entries(self, entries: list[dict[str, Any]]) -> tuple[int, int]:
        """Store user entries (``{"id", "data", "origin"}`` each) in one transaction.

        An entry whose id is already stored replaces it. Return (added, replaced).
        """
        ...

    def delete_kb_entry(self, entry_id: str) -> bool:
        """Delete one user entry; False if there was none with that id."""
        ...

    def close(self) -> None: ...
