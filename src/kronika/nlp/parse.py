"""Small helpers over a spaCy parse of the whole article."""

from __future__ import annotations

from typing import Any

__all__ = ["span_root"]


def span_root(parsed: Any, start: int, end: int) -> Any:
    """The syntactic head of the characters ``[start, end)`` (expanded to whole tokens), or None without a
    parse or when they cover no token."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None
