"""Date evaluation: :func:`kronika.when.find_dates` against hand-written sentences.

A date gold file is JSON Lines, one sentence a line: ``{"lang", "published", "text",
"dates": [{"text", "value", "precision"}]}`` (optional ``id``; a date may carry
``start`` when its text occurs more than once). ``dates: []`` marks a trap: the
sentence must yield no date. A predicted date counts when its text overlaps a gold
mention and its ``value`` and ``precision`` are equal; each prediction counts once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["DateGold", "DateReport", "GoldDate", "evaluate_dates", "format_date_report", "read_date_gold"]

PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class GoldDate:
    """One gold date mention: its offsets in the sentence, ISO value and precision."""

    start: int
    end: int
    value: str
    precision: str


@dataclass(frozen=True, slots=True)
class DateGold:
    """One gold sentence with its publication date and date mentions (none for a trap)."""

    id: str
    lang: str
    published: str | None
    text: str
    dates: tuple[GoldDate, ...]


def _gold_date(text: str, data: dict[str, Any], where: str) -> GoldDate:
    mention, precision = str(data["text"]), str(data["precision"])
    if precision not in PRECISIONS:
        raise InputError(f"{where}: precision {precision!r} is not one of {PRECISIONS}")
    start = data.get("start")
    if start is None:
        start = text.find(mention)
        if start < 0 or text.find(mention, start + 1) >= 0:
            raise InputError(f"{where}: date {mention!r} occurs {'twice' if start >= 0 else 'nowhere'} in the text",
                             hint="give its character offset as \"start\"")
    elif text[start:start + len(mention)] != mention:
        raise InputError(f"{where}: date {mention!r} is not at offset {start}")
    return GoldDate(start, start + len(mention), str(data["value"]), precision)


def read_date_gold(path: str | Path) -> list[DateGold]:
    """Read a date gold file (JSON Lines, see the module docs); errors name the line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="give a JSON Lines date gold file") from None
    items = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(line)
            text = str(data["text"])
            dates = tuple(_gold_date(text, d, where) for d in data["dates"])
            items.append(DateGold(str(data.get("id") or n), str(data["lang"]), data.get("published"), text, dates))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{where}: bad date gold line ({exc})",
                             hint='each line needs "lang", "published", "text" and "dates"') from None
    return items


@dataclass(slots=True)
class DateReport:
    """Date counts overall and per language, and what went wrong."""

    gold: Counter[str] = field(default_factory=Counter)  # per language and "all"
    predicted: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    traps: Counter[str] = field(default_factory=Counter)
    traps_passed: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # missed, wrong_value, wrong_precision, spurious
    examples: list[str] = field(default_factory=list)

    def accuracy(self, lang: str = "all") -> float:
        """Correct gold dates over all gold dates (recall)."""
        return self.correct[lang] / self.gold[lang] if self.gold[lang] else 0.0

    def precision(self, lang: str = "all") -> float:
        return self.correct[lang] / self.predicted[lang] if self.predicted[lang] else 0.0

    def to_dict(self) -> dict[str, Any]:
        langs = sorted(k for k in self.gold if k != "all") + ["all"]
        return {
            lang: {"gold": self.gold[lang], "predicted": self.predicted[lang], "correct": self.correct[lang],
                   "accuracy": round(self.accuracy(lang), 4), "precision": round(self.precision(lang), 4),
                   "traps": self.traps[lang], "traps_passed": self.traps_passed[lang]}
            for lang in langs
        } | {"errors": dict(self.errors.most_common()), "examples": self.examples}


def evaluate_dates(items: Sequence[DateGold]) -> DateReport:
    """Run :func:`kronika.when.find_dates` on each gold sentence and score it (see the module docs)."""
    from ..when import find_dates

    report = DateReport()
    for item in items:
        found = find_dates(item.text, item.lang, item.published)
        keys = ("all", item.lang)
        for k in keys:
            report.gold[k] += len(item.dates)
            report.predicted[k] += len(found)
            if not item.dates:
                report.traps[k] += 1
                report.traps_passed[k] += int(not found)
        used: set[int] = set()
        for g in item.dates:
            near = [i for i, d in enumerate(found) if i not in used and d.start < g.end and g.start < d.end]  # type: ignore[operator]
            hit = next((i for i in near if found[i].value == g.value and found[i].precision == g.precision), None)
            if hit is not None:
                used.add(hit)
                for k in keys:
                    report.correct[k] += 1
                continue
            cause = "missed" if not near else ("wrong_precision" if found[near[0]].precision != g.precision else "wrong_value")
            report.errors[cause] += 1
            got = f"{found[near[0]].value}/{found[near[0]].precision}" if near else "nothing"
            report.examples.append(f"{item.id} [{item.lang}] {item.text[g.start:g.end]!r}: want {g.value}/{g.precision}, got {got}")
        for i, d in enumerate(found):
            if i not in used and not any(d.start < g.end and g.start < d.end for g in item.dates):  # type: ignore[operator]
                report.errors["spurious"] += 1
                report.examples.append(f"{item.id} [{item.lang}] spurious {d.text!r} = {d.value}/{d.precision}")
    return report


def format_date_report(report: DateReport, title: str) -> str:
    """A plain-text table: per language and overall, gold, predicted, accuracy, precision, traps passed."""
    lines = [title, f"{'lang':<6}{'gold':>6}{'pred':>6}{'accuracy':>10}{'precision':>11}{'traps ok':>10}"]
    for lang in sorted(k for k in report.gold if k != "all") + ["all"]:
        lines.append(f"{lang:<6}{report.gold[lang]:>6}{report.predicted[lang]:>6}{report.accuracy(lang):>10.3f}"
                     f"{report.precision(lang):>11.3f}{report.traps_passed[lang]:>6}/{report.traps[lang]:<3}")
    if report.errors:
        lines.append("errors: " + ", ".join(f"{k} {n}" for k, n in report.errors.most_common()))
    lines += [f"  {e}" for e in report.examples]
    return "\n".join(lines)
