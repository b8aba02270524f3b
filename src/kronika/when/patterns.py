"""Compile a language's date lexicon into regular expressions (once, on first use).

Each :class:`Rule` is one compiled pattern and the kind of mention it finds.
Names tell the resolver what matched: ``mon1``..``mon12`` a month, ``wd0``..``wd6``
a weekday (Monday is 0), ``rel<i>`` the i-th relative phrase, ``p_<mode>`` and
``q_<mode>`` a weekday modifier before or after it, ``u_<unit>`` the unit of
"three days ago", ``d``/``mn``/``y`` day, month and year numbers, ``dir`` a
"dernier"/"pasado" after or before a partial date, ``m`` the mention itself
when the match is longer (it then leaves out cue words such as "en" or "у").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import LEXICONS, Lexicon

__all__ = ["Rule", "rules_for"]

_YEAR = r"(?P<y>(?:18|19|20)\d{2})(?!\d)"
# A "year" that is a quantity: "2000 €", "2000,5", "2 000".
_NOT_AMOUNT = r"(?!\s?(?:%|‰|€|\$|£|₴|₽)|[.,]\d|\s\d{3}(?!\d))"
_ISO = r"(?P<y>(?:18|19|20)\d{2})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)"
_NUMERIC = r"(?<![\d.,/-])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:18|19|20)\d{2})(?![\d]|[.,/-]\d)"


@dataclass(frozen=True, slots=True)
class Rule:
    """One compiled date pattern and the kind of mention it finds."""

    kind: str  # iso, numeric, date, month_year, month, year, weekday, relative, ago
    regex: re.Pattern[str]


def _src(text: str) -> str:
    """A lexicon source as a regex: any whitespace run for a space, any apostrophe for ``'``."""
    return text.replace("'", "['’ʼ]").replace(" ", r"\s+")


def _cased(alternation: str, case: str) -> str:
    """Keep ``alternation`` case-sensitive unless its words may be written in any case."""
    return f"(?:{alternation})" if case == "any" else f"(?-i:{alternation})"


def _named(prefix: str, sources: list[str] | tuple[str, ...]) -> str:
    return "|".join(f"(?P<{prefix}{i}>{_src(s)})" for i, s in enumerate(sources) if s)


def _months(lex: Lexicon, full_only: bool) -> str:
    forms = [full if full_only or not abbr else f"{full}|{abbr}" for full, abbr in lex.months]
    case = "title" if lex.month_case == "title" else ("lower" if full_only else lex.month_case)
    body = "|".join(f"(?P<mon{i + 1}>{_src(f)})" for i, f in enumerate(forms))
    return _cased(body, case) + r"(?!\w)"


def _modes(prefix: str, modes: dict[str, str]) -> str:
    body = "|".join(f"(?P<{prefix}{mode}>{_src(alts)})" for mode, alts in modes.items())
    return f"(?:{body or '(?!)'})"


def _fill(template: str, lex: Lexicon, **extra: str) -> str:
    parts = {
        "{D}": rf"(?P<d>[0-3]?\d)(?!\d){lex.ordinal}",
        "{M}": _months(lex, full_only=False),
        "{MF}": _months(lex, full_only=True),
        "{Y}": _YEAR,
        "{YS}": lex.year_suffix,
        "{WD}": _cased(_named("wd", lex.weekdays), lex.weekday_case) + r"(?!\w)",
        **extra,
    }
    pattern = _src(template)
    for key, value in parts.items():
        pattern = pattern.replace(key, value)
    return pattern


def _compile(kind: str, body: str) -> Rule:
    return Rule(kind, re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE))


def _weekday_rule(lex: Lexicon) -> Rule:
    pre = f"(?P<pre>{_modes('p_', lex.weekday_pre)})"
    post = f"(?P<post>{_modes('q_', lex.weekday_post)})"
    return _compile("weekday", _fill(lex.weekday_template, lex, **{"{PRE}": pre, "{POST}": post}))


def _ago_rule(lex: Lexicon) -> Rule:
    words = "|".join(_src(w) for w in sorted(lex.numbers, key=len, reverse=True))
    units = "|".join(f"(?P<u_{unit}>{_src(alts)})" for unit, alts in lex.units.items())
    body = _fill(lex.ago_template, lex, **{"{N}": rf"(?P<n>\d{{1,2}}|{words})", "{U}": f"(?:{units})"})
    return _compile("ago", body)


@lru_cache(maxsize=None)
def rules_for(lang: str) -> tuple[Rule, ...]:
    """Every date rule of ``lang``; empty for a language kronika has no date words for."""
    lex = LEXICONS.get(lang)
    if lex is None:
        return ()
    rules = [_compile("iso", _ISO), _compile("numeric", _NUMERIC)]
    for kind, template in lex.templates:
        body = _fill(template, lex)
        rules.append(_compile(kind, body + _NOT_AMOUNT if kind == "year" else body))
    rules.append(_weekday_rule(lex))
    relative = "|".join(f"(?P<rel{i}>{_src(phrase)})" for i, (phrase, _, _) in enumerate(lex.relative))
    rules.append(_compile("relative", relative))
    if lex.ago_template:
        rules.append(_ago_rule(lex))
    return tuple(rules)
