"""Turn a matched date mention into an ISO value and a precision.

Absolute dates need nothing else. Partial dates ("le 30 novembre", "en mars")
take the year that puts them nearest the publication date, preferring the past
within :data:`PAST_WINDOW_DAYS`; relative expressions ("hier", "минулого тижня",
"el martes") are counted from the publication date. Without one they resolve to
``None``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .lexicon import Lexicon

__all__ = ["PAST_WINDOW_DAYS", "Resolved", "resolve", "shifted"]

PAST_WINDOW_DAYS = 300

Resolved = tuple[str, str]  # (value, precision)
_Interval = tuple[date, date]


def _which(match: re.Match[str], prefix: str) -> str | None:
    """The suffix of the ``prefix``-named group that took part in the match."""
    for name, value in match.groupdict().items():
        if value is not None and name.startswith(prefix) and name != prefix:
            return name[len(prefix):]
    return None


def _day(d: date) -> Resolved:
    return d.isoformat(), "day"


def _week(d: date) -> Resolved:
    return (d - timedelta(days=d.weekday())).isoformat(), "week"


def _month(year: int, month: int) -> Resolved:
    return f"{year:04d}-{month:02d}", "month"


def _year(year: int) -> Resolved:
    return f"{year:04d}", "year"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _signed_distance(interval: _Interval, base: date) -> int:
    """Days from the interval to ``base``: positive in the past, negative in the future, 0 inside."""
    first, last = interval
    if last < base:
        return (base - last).days
    if first > base:
        return -(first - base).days
    return 0


def _choose(candidates: list[_Interval], base: date, direction: str | None = None) -> _Interval | None:
    """The candidate a partial date means: nearest, preferring the recent past."""
    if not candidates:
        return None
    if direction == "past":
        past = [c for c in candidates if c[0] <= base]
        return max(past) if past else None
    if direction == "future":
        future = [c for c in candidates if c[1] >= base]
        return min(future) if future else None
    recent = [c for c in candidates if 0 <= _signed_distance(c, base) <= PAST_WINDOW_DAYS]
    if recent:
        return min(recent, key=lambda c: _signed_distance(c, base))
    return min(candidates, key=lambda c: abs(_signed_distance(c, base)))


def _direction(match: re.Match[str]) -> str | None:
    word = (match.groupdict().get("dir") or "").lower()
    if word in ("dernier", "passé", "pasado"):
        return "past"
    return "future" if word in ("prochain", "próximo") else None


def _calendar_date(match: re.Match[str], base: date | None) -> Resolved | None:
    month, day = int(_which(match, "mon") or 0), int(match["d"])
    if match["y"]:
        found = _safe_date(int(match["y"]), month, day)
        return _day(found) if found else None
    if base is None:
        return None
    days = [d for y in (base.year - 1, base.year, base.year + 1) if (d := _safe_date(y, month, day))]
    weekday = _which(match, "wd")
    if weekday is not None and any(d.weekday() == int(weekday) for d in days):
        days = [d for d in days if d.weekday() == int(weekday)]
    chosen = _choose([(d, d) for d in days], base, _direction(match))
    return _day(chosen[0]) if chosen else None


def _numeric(match: re.Match[str], lex: Lexicon) -> Resolved | None:
    a, b = int(match["a"]), int(match["b"])
    month_first = lex.month_first and match["sep"] == "/"
    day, month = (b, a) if month_first else (a, b)
    found = _safe_date(int(match["y"]), month, day)
    return _day(found) if found else None


def _partial_month(match: re.Match[str], base: date | None) -> Resolved | None:
    if base is None:
        return None
    month = int(_which(match, "mon") or 0)
    spans = []
    for year in (base.year - 1, base.year, base.year + 1):
        next_year, next_month = _shift_month(year, month, 1)
        spans.append((date(year, month, 1), date(next_year, next_month, 1) - timedelta(days=1)))
    chosen = _choose(spans, base)
    return _month(chosen[0].year, month) if chosen else None


def _weekday(match: re.Match[str], base: date | None) -> Resolved | None:
    if base is None:
        return None
    wd = int(_which(match, "wd") or 0)
    mode = _which(match, "p_") or _which(match, "q_") or "bare"
    back = (base.weekday() - wd) % 7
    if mode == "last":
        return _day(base - timedelta(days=back or 7))
    if mode == "next":
        return _day(base + timedelta(days=(wd - base.weekday()) % 7 or 7))
    if mode == "this":
        return _day(base - timedelta(days=base.weekday() - wd))
    return _day(base - timedelta(days=back))


def shifted(base: date, unit: str, offset: int) -> Resolved:
    """The day, week, month or year ``offset`` units from ``base``."""
    if unit == "day":
        return _day(base + timedelta(days=offset))
    if unit == "week":
        return _week(base + timedelta(weeks=offset))
    if unit == "month":
        return _month(*_shift_month(base.year, base.month, offset))
    return _year(base.year + offset)


def _count(match: re.Match[str], lex: Lexicon) -> int:
    word = (match["n"] or "1").lower().replace("’", "'").replace("ʼ", "'")
    return int(word) if word.isdigit() else lex.numbers.get(word, 1)


def resolve(kind: str, match: re.Match[str], lex: Lexicon, base: date | None) -> Resolved | None:
    """The (value, precision) of a match of a rule of ``kind``, or None when it cannot be dated."""
    if kind == "iso":
        found = _safe_date(int(match["y"]), int(match["mn"]), int(match["d"]))
        return _day(found) if found else None
    if kind == "numeric":
        return _numeric(match, lex)
    if kind == "date":
        return _calendar_date(match, base)
    if kind == "month_year":
        return _month(int(match["y"]), int(_which(match, "mon") or 0))
    if kind == "year":
        return _year(int(match["y"]))
    if kind == "month":
        return _partial_month(match, base)
    if kind == "weekday":
        return _weekday(match, base)
    if base is None:
        return None
    if kind == "relative":
        _, unit, offset = lex.relative[int(_which(match, "rel") or 0)]
        return shifted(base, unit, offset)
    if kind == "ago":
        return shifted(base, _which(match, "u_") or "day", -_count(match, lex))
    raise ValueError(f"unknown date rule kind {kind!r}")
