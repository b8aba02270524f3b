"""Searching the knowledge base by name: ``kronika kb search``.

Names and aliases are compared case- and accent-insensitively ("defense" finds
"Défense", "U.S." finds "US"). Substring matches come first (the whole alias,
then an alias starting with the query, then one containing it); when they do
not fill the limit, rapidfuzz ranks the aliases closest to the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..nlp.tokens import normalize as fold
from .model import KBEntry

__all__ = ["SearchHit", "normalize", "search"]

_FUZZY_CUTOFF = 80.0
_DROP = str.maketrans("", "", ".'’ʼ`")
_NON_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An entry found by :func:`search`: ``matched`` is the alias that matched, ``score`` 0–100."""

    entry: KBEntry
    matched: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        return {"id": e.id, "name": e.name, "kind": e.kind, "country": e.country, "sector": e.sector,
                "origin": e.origin, "matched": self.matched, "score": round(self.score, 1)}


def normalize(text: str) -> str:
    """Lower-case, without accents, dots or apostrophes, other punctuation as single spaces."""
    return " ".join(_NON_WORD.sub(" ", fold(text).translate(_DROP)).split())


def _fuzzy(query: str, choices: list[str], limit: int) -> dict[int, float]:
    """Indexes of the choices close to ``query``, with scores: whole-string and word-order-free
    similarity, and a typo inside a longer alias at 0.9. Unlike rapidfuzz's WRatio, an alias
    shorter than the query ("OLA") never matches it ("hezbolah") as a part.
    """
    from rapidfuzz import fuzz, process

    scores: dict[int, float] = {}
    longer = [i for i, c in enumerate(choices) if len(c) > len(query)]
    runs = [(fuzz.ratio, 1.0, list(range(len(choices)))), (fuzz.token_sort_ratio, 1.0, list(range(len(choices)))),
            (fuzz.partial_ratio, 0.9, longer)]
    for scorer, weight, indexes in runs:
        found = process.extract(query, [choices[i] for i in indexes], scorer=scorer,
                                score_cutoff=_FUZZY_CUTOFF / weight, limit=limit)
        for _, score, j in found:
            scores[indexes[j]] = max(scores.get(indexes[j], 0.0), float(score) * weight)
    return scores


def _substring_score(query: str, alias: str) -> float | None:
    if alias == query:
        return 100.0
    if alias.startswith(query):
        return 96.0
    if f" {query}" in f" {alias}":
        return 93.0  # a word of the alias starts with the query
    if query in alias:
        return 90.0
    return None


def search(
    entries: Iterable[KBEntry], query: str, *, kind: str | None = None, country: str | None = None, limit: int = 20
) -> list[SearchHit]:
    """Entries whose name or an alias matches ``query``, best first; later entries override earlier ones by id."""
    q = normalize(query)
    by_id = {e.id: e for e in entries}
    pool = [e for e in by_id.values() if (kind is None or e.kind == kind)
            and (country is None or (e.country or "").upper() == country.upper())]
    if not q or limit <= 0:
        return []
    best: dict[str, SearchHit] = {}
    aliases: list[tuple[str, str, KBEntry]] = []  # (normalized, original, entry)
    for e in pool:
        for _, alias in e.all_aliases():
            norm = normalize(alias)
            if not norm:
                continue
            aliases.append((norm, alias, e))
            score = _substring_score(q, norm)
            if score is not None and (e.id not in best or score > best[e.id].score):
                best[e.id] = SearchHit(e, alias, score)
    if len(best) < limit and len(q) >= 3:
        for i, score in _fuzzy(q, [a[0] for a in aliases], (limit - len(best)) * 10 + 20).items():
            _, alias, e = aliases[i]
            score = min(score, 89.0)  # below any substring match
            if e.id not in best or score > best[e.id].score:
                best[e.id] = SearchHit(e, alias, score)
    ranked = sorted(best.values(), key=lambda h: (-h.score, h.matched != h.entry.name, len(h.entry.name), h.entry.id))
    return ranked[:limit]
