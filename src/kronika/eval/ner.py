"""Named-entity evaluation: kronika's entity stage against token-level gold.

Each gold sentence is rebuilt as its tokens joined by single spaces, one sentence a
line; consecutive sentences of one gold document are grouped into pseudo-articles of
``group`` sentences, run through the pipeline with ``Article.lang`` set to the
file's language, and the predicted entities are compared with the gold spans by
exact character range and label (conlleval-style): precision, recall and F1 per
type, micro-averaged over PER/ORG/LOC and over PER/ORG/LOC/MISC.

Gold spans whose label maps to none of PER/ORG/LOC/MISC (dates, jobs, money, …)
are not scored; a prediction on exactly such a span counts neither way.
Predicted spans are trimmed of surrounding whitespace before comparison; AGENT
entities (unnamed actors) are not predictions of a name and are left out.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Article, Document
from ..pipeline import Pipeline, build_pipeline
from .conll import Sentence, read_gold

__all__ = [
    "CORE_LABELS",
    "EVAL_STAGES",
    "Mention",
    "NerReport",
    "TypeScore",
    "evaluate_ner",
    "format_report",
    "gold_label",
    "pred_label",
    "score_mentions",
]

EVAL_STAGES: tuple[str, ...] = ("segment.v1", "language.v1", "entities.v1")
CORE_LABELS: tuple[str, ...] = ("PER", "ORG", "LOC")
ALL_LABELS: tuple[str, ...] = (*CORE_LABELS, "MISC")

_GOLD = {
    "PER": "PER", "PERS": "PER", "PERSON": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "LOC": "LOC", "GPE": "LOC", "LOCATION": "LOC", "LOCORG": "LOC", "FAC": "LOC", "FACILITY": "LOC",
    "MISC": "MISC", "NORP": "MISC", "NATIONALITY": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC", "LAW": "MISC", "ART": "MISC", "DOC": "MISC", "DOCUMENTREFERENCE": "MISC",
    "PROJECT": "MISC", "WEAPON": "MISC", "MILITARYPLATFORM": "MISC", "VEHICLE": "MISC",
}
_PRED = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
_NOT_NAMES = frozenset({"AGENT"})  # unnamed actors ("the protesters", "військові"): not named entities


def gold_label(label: str) -> str | None:
    """The evaluation label (PER, ORG, LOC, MISC) of a corpus label, or None when it is not scored."""
    return _GOLD.get(label.upper())


def pred_label(label: str) -> str | None:
    """The evaluation label of a kronika label: WEAPON, PROGRAM, EVENT and other names count as MISC.

    None for AGENT (an unnamed actor such as "the protesters"), which is not a named entity.
    """
    label = label.upper()
    return None if label in _NOT_NAMES else _PRED.get(label, "MISC")


class Mention(NamedTuple):
    """An entity to score: a character range of one pseudo-article (``unit``) and its label."""

    unit: int
    start: int
    end: int
    label: str


@dataclass(slots=True)
class TypeScore:
    """Counts for one label (or a micro-average): true positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.support if self.support else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: TypeScore) -> TypeScore:
        return TypeScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "support": self.support, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def score_mentions(gold: Collection[Mention], pred: Collection[Mention],
                   ignored: Collection[tuple[int, int, int]] = ()) -> dict[str, TypeScore]:
    """Exact-match scores per label; a prediction on an ``ignored`` (unit, start, end) that is no gold span is dropped."""
    gold_set = set(gold)
    skip = set(ignored) - {(m.unit, m.start, m.end) for m in gold_set}
    pred_set = {m for m in pred if (m.unit, m.start, m.end) not in skip}
    scores: dict[str, TypeScore] = {}
    for m in gold_set:
        s = scores.setdefault(m.label, TypeScore())
        if m in pred_set:
            s.tp += 1
        else:
            s.fn += 1
    for m in pred_set - gold_set:
        scores.setdefault(m.label, TypeScore()).fp += 1
    return scores


def _micro(scores: dict[str, TypeScore], labels: Iterable[str]) -> TypeScore:
    return sum((scores.get(label, TypeScore()) for label in labels), TypeScore())


def _causes(mine: set[Mention], theirs: set[Mention], skip: set[tuple[int, int, int]],
            alone: str) -> Counter[tuple[str, str]]:
    """Why each of ``mine`` is unmatched in ``theirs``: (label, alone|wrong_type|wrong_span|wrong_span_type).

    ``alone`` names the cause when nothing in ``theirs`` overlaps: "missed" for gold, "spurious" for predictions.
    """
    by_unit: dict[int, list[Mention]] = {}
    for t in theirs:
        by_unit.setdefault(t.unit, []).append(t)
    out: Counter[tuple[str, str]] = Counter()
    for m in mine - theirs:
        if (m.unit, m.start, m.end) in skip:
            continue
        near = [t for t in by_unit.get(m.unit, []) if t.start < m.end and m.start < t.end]
        if any(t.start == m.start and t.end == m.end for t in near):
            cause = "wrong_type"
        elif any(t.label == m.label for t in near):
            cause = "wrong_span"
        else:
            cause = "wrong_span_type" if near else alone
        out[m.label, cause] += 1
    return out


@dataclass(slots=True)
class NerReport:
    """The result of one evaluation: per-label counts and scores, and what the errors were."""

    path: str
    lang: str
    sentences: int = 0
    tokens: int = 0
    units: int = 0
    failed_units: int = 0
    lang_mismatches: int = 0  # sentences the language stage gave another language
    seconds: float = 0.0
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    missed: Counter[tuple[str, str]] = field(default_factory=Counter)  # gold side: (label, cause)
    spurious: Counter[tuple[str, str]] = field(default_factory=Counter)  # predicted side: (label, cause)
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (gold, predicted) on one span
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def micro(self) -> TypeScore:
        """Micro-average over PER, ORG and LOC."""
        return _micro(self.per_type, CORE_LABELS)

    @property
    def micro_misc(self) -> TypeScore:
        """Micro-average over PER, ORG, LOC and MISC."""
        return _micro(self.per_type, ALL_LABELS)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path, "lang": self.lang, "sentences": self.sentences, "tokens": self.tokens,
            "units": self.units, "failed_units": self.failed_units, "lang_mismatches": self.lang_mismatches,
            "seconds": round(self.seconds, 1),
            "per_type": {k: self.per_type.get(k, TypeScore()).to_dict() for k in ALL_LABELS},
            "micro": self.micro.to_dict(), "micro_with_misc": self.micro_misc.to_dict(),
            "false_negatives": {f"{label}:{cause}": n for (label, cause), n in sorted(self.missed.items())},
            "false_positives": {f"{label}:{cause}": n for (label, cause), n in sorted(self.spurious.items())},
            "confusions": {f"{g}->{p}": n for (g, p), n in self.confusions.most_common()},
            "examples": self.examples,
        }


def _units(sentences: Sequence[Sentence], group: int) -> list[list[Sentence]]:
    units: list[list[Sentence]] = []
    for s in sentences:
        if not units or len(units[-1]) >= group or units[-1][-1].doc != s.doc:
            units.append([])
        units[-1].append(s)
    return units


def _layout(unit: list[Sentence]) -> tuple[str, list[list[tuple[int, int]]]]:
    """The pseudo-article text (tokens joined by spaces, one sentence a line) and each token's character range."""
    offsets: list[list[tuple[int, int]]] = []
    pos = 0
    for s in unit:
        offsets.append([])
        for tok in s.tokens:  # every token is followed by one separator: a space or the line break
            offsets[-1].append((pos, pos + len(tok)))
            pos += len(tok) + 1
    return "\n".join(" ".join(s.tokens) for s in unit), offsets


_QUOTE_MARKS = "«»“”„\"'"


def _trimmed(text: str, start: int, end: int, quotes: bool = True) -> tuple[int, int]:
    """A span without the spaces and (``quotes``) the quotation marks at its ends: "« Днепр »" and "Днепр" name
    the same club (corpora differ on whether the quotes belong to the name; kronika's spans leave them out)."""
    span = text[start:end]
    inner = span.strip().strip(_QUOTE_MARKS if quotes else "").strip()
    if not inner:
        return start, start
    offset = span.index(inner)
    return start + offset, start + offset + len(inner)


def _add_gold(u: int, unit: list[Sentence], text: str, offsets: list[list[tuple[int, int]]], gold: set[Mention],
              skip: set[tuple[int, int, int]], quotes: bool) -> None:
    for s, ranges in zip(unit, offsets):
        for g in [*s.spans, *s.ignored]:
            key = (u, *_trimmed(text, ranges[g.start][0], ranges[g.end - 1][1], quotes))
            label = gold_label(g.label) if g in s.spans else None
            if label is None:
                skip.add(key)
            else:
                gold.add(Mention(*key, label))


def evaluate_ner(path: str | Path, lang: str, *, limit: int | None = None, pipeline: Pipeline | None = None,
                 stages: Sequence[str] = EVAL_STAGES, group: int = 20, examples: int = 0,
                 strict_quotes: bool = False) -> NerReport:
    """Run kronika's entity stage over a gold file and score it against the gold spans.

    ``limit`` keeps the first sentences only; ``pipeline`` reuses a built pipeline (else one is
    built from ``stages``); ``examples`` keeps that many error examples per side and label;
    ``strict_quotes`` counts the quotation marks at a span's ends (by default "« Днепр »" and "Днепр" match).
    """
    from ..stages import make_stage

    started = time.monotonic()
    sentences = read_gold(path)[:limit]
    if pipeline is None:
        pipeline = build_pipeline([make_stage(n) for n in stages], "eval")
    report = NerReport(str(path), lang, sentences=len(sentences), tokens=sum(len(s.tokens) for s in sentences))
    gold: set[Mention] = set()
    pred: set[Mention] = set()
    skip: set[tuple[int, int, int]] = set()
    texts: dict[int, str] = {}
    for u, unit in enumerate(_units(sentences, group)):
        texts[u], offsets = _layout(unit)
        _add_gold(u, unit, texts[u], offsets, gold, skip, not strict_quotes)
        doc = Document(Article.create(texts[u], lang=lang))
        report.units += 1
        if not pipeline.process(doc).ok:
            report.failed_units += 1
            continue
        report.lang_mismatches += sum(1 for pl in doc.paragraph_langs if pl != lang)
        for e in doc.entities:
            start, end = _trimmed(texts[u], e.start, e.end, not strict_quotes)
            label = pred_label(e.label)
            if end > start and label is not None:
                pred.add(Mention(u, start, end, label))
    skip -= {(m.unit, m.start, m.end) for m in gold}  # a span scored under one label is never ignored
    report.per_type = score_mentions(gold, pred, skip)
    _diagnose(report, gold, pred, skip, texts, examples)
    report.seconds = time.monotonic() - started
    return report


def _diagnose(report: NerReport, gold: set[Mention], pred: set[Mention], skip: set[tuple[int, int, int]],
              texts: dict[int, str], keep: int) -> None:
    """Fill the report's error causes, label confusions and (``keep`` per side and label) examples."""
    report.missed = _causes(gold, pred, skip, "missed")
    report.spurious = _causes(pred, gold, skip, "spurious")
    pred_at = {(m.unit, m.start, m.end): m.label for m in pred}
    gold_at = {(m.unit, m.start, m.end): m.label for m in gold}
    for side, mine, at, word in (("fn", gold - pred, pred_at, "predicted"), ("fp", pred - gold, gold_at, "gold")):
        for m in sorted(mine):
            if side == "fp" and (m.unit, m.start, m.end) in skip:
                continue
            other = at.get((m.unit, m.start, m.end))
            if other is not None and side == "fn":
                report.confusions[m.label, other] += 1
            bucket = report.examples.setdefault(f"{side}:{m.label}", []) if keep else []
            if len(bucket) < keep:
                bucket.append(f"{texts[m.unit][m.start:m.end]!r} {m.label}" + (f" ({word} {other})" if other else ""))


def format_report(report: NerReport) -> str:
    """A plain-text table: label, precision, recall, F1, support, then the error causes."""
    lines = [f"{report.path} [{report.lang}]: {report.sentences} sentences, {report.tokens} tokens, "
             f"{report.seconds:.0f}s" + (f", {report.failed_units} pseudo-articles failed" if report.failed_units else "")
             + (f", {report.lang_mismatches} sentences identified as another language" if report.lang_mismatches else ""),
             f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}"]
    rows = [(k, report.per_type.get(k, TypeScore())) for k in ALL_LABELS]
    rows += [("micro P/O/L", report.micro), ("micro +MISC", report.micro_misc)]
    for name, s in rows:
        lines.append(f"{name:<14}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.support:>9}")
    for title, causes in (("false negatives", report.missed), ("false positives", report.spurious)):
        if causes:
            text = ", ".join(f"{label} {cause} {n}" for (label, cause), n in sorted(causes.items()))
            lines.append(f"{title}: {text}")
    for key, items in sorted(report.examples.items()):
        lines.append(f"{key}: " + "; ".join(items))
    return "\n".join(lines)
