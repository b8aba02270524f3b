"""Stores: where articles, their codings, entities and events are kept.

:func:`open_store` picks the adapter from the location; SQLite is the default.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError
from .base import EventFilter, Store
from .sqlite import SQLiteStore

__all__ = ["EventFilter", "Store", "SQLiteStore", "default_location", "open_store"]


def default_location() -> str:
    """``$KRONIKA_DB``, else ``kronika.db`` in the user's data folder."""
    env = os.environ.get("KRONIKA_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    return str(Path(user_data_dir("kronika", appauthor=False)) / "kronika.db")


def open_store(location: str | None = None, *, readonly: bool = False) -> Store:
    """Open (and create or migrate, unless ``readonly``) the store at ``location``.

    ``KRONIKA_BUSY_TIMEOUT`` (seconds, default 5) is how long to wait for a store
    that another process is writing.
    """
    location = location or default_location()
    if location.startswith(("postgres://", "postgresql://")):
        raise StoreError("PostgreSQL stores are not supported yet", hint="use a SQLite file path for --db")
    if location.startswith("sqlite:///"):
        location = location.removeprefix("sqlite:///")
    timeout = float(os.environ.get("KRONIKA_BUSY_TIMEOUT", "5"))
    return SQLiteStore(location, readonly=readonly, timeout=timeout)
