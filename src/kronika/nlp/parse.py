"""Small helpers over a spaCy parse of the whole article."""

from __future__ import annotations

from typing import Any

__all__ = ["clause_head", "span_root"]


def span_root(parsed: Any, start: int, end: int) -> Any:
    """The syntactic head of the characters ``[start, end)`` (expanded to whole tokens), or None without a
    parse or when they cover no token."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def clause_head(tok: Any) -> Any:
    """The verb whose clause holds ``tok`` (``tok`` itself when it is a verb, or when no verb is near)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return tok
