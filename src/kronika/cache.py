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
    """A hash of the code of the given modules *as this process loaded it*: cached objects built by other
    code are not reused. Hashing the files on disk instead would let a process that imported the old code
    (a server left running over an upgrade, a test session over an edit) store what it builds under the
    new code's key."""
    import hashlib
    import importlib

    h = hashlib.sha256()
    for name in modules:
        module = importlib.import_module(name)
        for key in sorted(vars(module)):
            value = vars(module)[key]
            if getattr(value, "__module__", None) != name and not _is_plain(value):
                continue  # imported names belong to their own module
            h.update(key.encode())
            h.update(_canonical(value).encode())
    return h.hexdigest()[:12]


def _is_plain(value: object) -> bool:
    return isinstance(value, (str, bytes, int, float, bool, tuple, frozenset, set, list, dict, type(None)))


def _canonical(value: object, depth: int = 0) -> str:
    """A text that is the same in every process for the same code and constants (sets are sorted: their
    order depends on the string hash seed)."""
    if depth > 6:
        return "…"
    code = getattr(value, "__code__", None)
    if code is not None:
        value = code
    if hasattr(value, "co_code"):
        parts = [value.co_code.hex(), repr(value.co_names)]
        parts += [_canonical(c, depth + 1) for c in value.co_consts]
        return "code(" + ",".join(parts) + ")"
    if isinstance(value, type):
        members = vars(value)
        return "class(" + ",".join(f"{k}={_canonical(members[k], depth + 1)}" for k in sorted(members)
                                   if not k.startswith("__") or k in ("__init__", "__call__")) + ")"
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_canonical(v, depth + 1) for v in value)) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_canonical(v, depth + 1) for v in value) + ")"
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{_canonical(k, depth + 1)}:{_canonical(v, depth + 1)}" for k, v in value.items())) + "}"
    if isinstance(value, (property, staticmethod, classmethod)):
        return _canonical(getattr(value, "fget", None) or value.__func__, depth + 1)
    if _is_plain(value):
        return repr(value)
    return type(value).__name__


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
