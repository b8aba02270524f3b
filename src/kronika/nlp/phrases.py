"""A trie of multi-word phrases over token keys, matched by surface form or lemma.

Used for knowledge-base aliases and for event triggers. Function words are
skipped between the content words of a phrase, so "conclure accord" meets
"ont conclu un accord" and "ministère Défense Ukraine" meets
"ministère de la Défense de l'Ukraine". Nothing is skipped, and no phrase runs,
across a sentence end, a bracket or a line break (``Token.boundary``), unless
the phrase itself holds one there ("Pakistan Muslim League (N)").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .tokens import FUNCTION_WORDS, Token

__all__ = ["BOUNDARY", "PhraseMatch", "PhraseTrie", "phrase_keys"]

P = TypeVar("P")
_END = "\x00"
BOUNDARY = "\x01"  # a phrase key: the phrase runs across a sentence end or bracket here


def phrase_keys(tokens: list[Token], attr: str = "key") -> list[str]:
    """The keys of a phrase's tokens (``attr`` is "key" or "lemma"), with ``BOUNDARY`` where one lies
    between two of them."""
    out: list[str] = []
    for n, tok in enumerate(tokens):
        if n and tok.boundary:
            out.append(BOUNDARY)
        out.append(getattr(tok, attr))
    return out


@dataclass(slots=True)
class PhraseMatch(Generic[P]):
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    payloads: list[P]


class PhraseTrie(Generic[P]):
    """Phrases as key sequences; each phrase end holds payloads."""

    def __init__(self, skippable: frozenset[str] = FUNCTION_WORDS, max_gap: int = 3, max_wild: int = 0) -> None:
        self._root: dict[str, Any] = {}
        self.skippable = skippable
        self.max_gap = max_gap
        # content words a match may step over after its first word ("called off a four-day strike"
        # meets "call off strike"); never across punctuation
        self.max_wild = max_wild

    def add(self, keys: Iterable[str], payload: P) -> None:
        node = self._root
        for k in keys:
            node = node.setdefault(k, {})
        bucket = node.setdefault(_END, [])
        if payload not in bucket:
            bucket.append(payload)

    def match(
        self, tokens: list[Token], accept: Callable[[P, list[Token]], bool] | None = None, lo: int = 0,
        hi: int | None = None,
    ) -> list[PhraseMatch[P]]:
        """Longest matches in ``tokens[lo:hi]``, left to right, not overlapping."""
        hi = len(tokens) if hi is None else hi
        out: list[PhraseMatch[P]] = []
        i = lo
        while i < hi:
            found = self.longest_at(tokens, i, hi, accept)
            if found:
                out.append(found)
                i = found.last + 1
            else:
                i += 1
        return out

    def longest_at(
        self, tokens: list[Token], i: int, hi: int, accept: Callable[[P, list[Token]], bool] | None = None
    ) -> PhraseMatch[P] | None:
        if tokens[i].key in self.skippable and not tokens[i].is_upper:
            return None  # "un" is a French article, "UN" the United Nations
        best: PhraseMatch[P] | None = None
        frontier = [(self._root, i, 0, False)]
        while frontier:
            node, j, wild, after_wild = frontier.pop()
            if j >= hi:
                continue
            tok = tokens[j]
            # in this order, so that readings come out the same in every process (a set's order is not)
            for key in dict.fromkeys((tok.key, tok.lemma, tok.alt) if tok.alt else (tok.key, tok.lemma)):
                child = node.get(key)
                if child is None or (after_wild and key in _PARTICLES):
                    continue  # a particle of the phrase follows its verb: "called on", not "called X on Tuesday"
                ends = child.get(_END, [])
                if accept is not None:
                    ends = [p for p in ends if accept(p, tokens[i : j + 1])]
                if ends and (best is None or j > best.last):
                    best = PhraseMatch(i, j, list(ends))
                elif ends and j == best.last:  # same words reached by surface and by lemma: keep both readings
                    best.payloads += [p for p in ends if p not in best.payloads]
                if len(child) == (_END in child):
                    continue  # a leaf: nothing follows
                if j + 1 < hi and tokens[j + 1].boundary:
                    if BOUNDARY in child:  # the phrase itself runs across a bracket here
                        frontier.append((child[BOUNDARY], j + 1, wild, False))
                    continue  # nothing is skipped across a sentence end, a bracket or a line break
                k = j + 1
                while k < hi and tokens[k].key in self.skippable and k - j <= self.max_gap and not _stop(tokens, k + 1, hi):
                    k += 1
                frontier.append((child, k, wild, False))
                if k != j + 1:
                    frontier.append((child, j + 1, wild, False))
                w, used = k, 0
                while wild + used < self.max_wild and w < hi and tokens[w].key[:1].isalnum() and not _stop(tokens, w + 1, hi):
                    w, used = w + 1, used + 1
                    frontier.append((child, w, wild + used, True))
                    s = w  # function words after an arbitrary word are not counted: "abattu 18 des 25 drones"
                    while s < hi and tokens[s].key in self.skippable and s - w < self.max_gap and not _stop(tokens, s + 1, hi):
                        s += 1
                    if s != w:
                        frontier.append((child, s, wild + used, True))
                        w = s
        return best


# function words and particles a phrase may hold ("call on", "call for", "pull out"): never right after words
# the phrase stepped over
_PARTICLES = FUNCTION_WORDS | frozenset("on up down off out over back away".split())


def _stop(tokens: list[Token], k: int, hi: int) -> bool:
    """A sentence end, bracket or line break comes before ``tokens[k]``: no step may land there."""
    return k < hi and tokens[k].boundary
