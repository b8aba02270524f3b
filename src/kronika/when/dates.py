"""Find the date mentions of a text and resolve them to ISO 8601 values.

Candidate mentions come from per-language rules (:mod:`kronika.when.patterns`),
never from a date parser run over free text, so ordinary words such as the
French "sa", "mer" or "Mars" are not dates. Overlapping candidates are settled
longest first; each survivor is resolved by :func:`kronika.when.resolve.resolve`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import NamedTuple

from ..errors import InputError
from ..model import DateValue
from .lexicon import LEXICONS
from .patterns import Rule, rules_for
from .resolve import resolve

__all__ = ["DATE_LANGUAGES", "find_dates", "parse_published"]

DATE_LANGUAGES = tuple(LEXICONS)
_HABITUAL_KINDS = ("weekday", "relative")
_LOOKBEHIND = 12  # characters before a match searched for a habitual cue ("every", "los")


class _Candidate(NamedTuple):
    start: int  # whole match, for overlaps
    end: int
    order: int  # rule index: breaks ties between equally long matches
    mention_start: int
    mention_end: int
    value: str
    precision: str


def parse_published(published: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or datetime, in its own time zone.

    Raises :class:`~kronika.errors.InputError` for a value that is not ISO 8601.
    """
    if not published:
        return None
    try:
        return datetime.fromisoformat(published.strip().replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"invalid published date {published!r}", hint="use an ISO 8601 date such as 2024-03-05"
        ) from None


def _is_habitual(text: str, start: int, habitual: str, kind: str) -> bool:
    if kind not in _HABITUAL_KINDS:
        return False
    before = text[max(0, start - _LOOKBEHIND):start]
    return re.search(rf"(?<!\w)(?:{habitual})\s*$", before, re.IGNORECASE) is not None


def _candidates(text: str, lang: str, base: date | None, start: int, end: int) -> list[_Candidate]:
    lex = LEXICONS[lang]
    habitual = lex.habitual.replace(" ", r"\s+")
    found = []
    for order, rule in enumerate(rules_for(lang)):
        for match in rule.regex.finditer(text, start, end):
            resolved = resolve(rule.kind, match, lex, base)
            if resolved is None or _is_habitual(text, match.start(), habitual, rule.kind):
                continue
            found.append(_Candidate(match.start(), match.end(), order, *_mention(rule, match), *resolved))
    return found


def _mention(rule: Rule, match: re.Match[str]) -> tuple[int, int]:
    """The span of the mention: the ``m`` group if any; a weekday without its bare preposition."""
    if "m" in rule.regex.groupindex and match["m"]:
        return match.span("m")
    groups = match.groupdict()
    if rule.kind == "weekday" and groups.get("p_bare"):
        return next(match.start(n) for n, v in groups.items() if v and n.startswith("wd")), match.end()
    return match.span()


def _settle(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates, then the earlier rule; return them in text order."""
    kept: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def find_dates(text: str, lang: str | None, published: str | None, start: int = 0,
               end: int | None = None) -> list[DateValue]:
    """Every date mention in ``text[start:end]``, resolved, in text order.

    Offsets are into the whole ``text``. ``value`` is ``YYYY-MM-DD`` for day
    precision, the Monday of the week for week precision, ``YYYY-MM`` for month
    and ``YYYY`` for year precision. Partial and relative dates ("le 30
    novembre", "hier", "минулого тижня") are resolved against ``published`` and
    left out when it is None; a language without date rules yields nothing.
    """
    if lang not in LEXICONS:
        return []
    base = parse_published(published)
    end = len(text) if end is None else end
    chosen = _settle(_candidates(text, lang, base, start, end))
    return [
        DateValue(text[c.mention_start:c.mention_end], c.mention_start, c.mention_end, c.value, c.precision)
        for c in chosen
    ]
