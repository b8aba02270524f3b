"""Derived indexes cached in the user's cache folder (``$KRONIKA_CACHE`` overrides it).

Only data derived from shipped files is cached, under a key that changes with
those files; a corrupt or stale cache is rebuilt, never trusted.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "cached_pickle", "code_fingerprint"]

T = TypeVar("T")


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(os.environ.get("KRONIKA_CACHE") or user_cache_dir("kronika", appauthor=False))


def code_fingerprint(*modules: str) -> str:
    """A hash of the source of the given modules: cached objects built by older code are not reused."""
    import hashlib
    from importlib.util import find_spec

    h = hashlib.sha256()
    for name in modules:
        spec = find_spec(name)
        if spec and spec.origin:
            h.update(Path(spec.origin).read_bytes())
    return h.hexdigest()[:12]


def cached_pickle(name: str, key: str, build: Callable[[], T]) -> T:
    """Load ``name-key.pickle`` from the cache, or build, store and return it."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache folder costs time, not correctness
    return value
