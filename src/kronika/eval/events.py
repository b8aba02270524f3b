"""Event-coding evaluation: kronika's events against PLOVER/CAMEO gold (readers in :mod:`.gold_events`).

Each gold item's text is coded as one :class:`~kronika.model.Article` with the gold
language, and its predicted events are compared with the gold events:

* **Event type** (items whose gold gives types): every (item, type) pair is a label,
  so an item may have several; micro P/R/F1 over all pairs, macro F1 over the types
  seen in gold or predictions, and the accuracy of the *top* predicted type (the most
  confident event, the first on ties) on items with exactly one gold event.
* **Confusion** gold type → predicted type: each gold type counts once, against itself
  when predicted, else against the item's top predicted type not in gold, else NONE;
  a non-event item counts NONE → its top predicted type.
* **CAMEO class** (items whose gold gives only a pentaclass): the top predicted type's
  CAMEO class (:data:`~.gold_events.QUAD_OF`), 0 when nothing is coded: accuracy, P/R/F1
  per class, macro F1.
* **Source and target**, on gold/predicted event pairs of the same type (same class for
  pentaclass gold; each predicted event paired once): *exact* when the normalised text
  or canonical name equals the gold text, or the entity's country is the gold country
  code; *overlap* when exact or they share a content word. P = right / predicted roles,
  R = right / gold roles on the pairs; the end-to-end variant divides by every gold and
  predicted role of the scored items instead. A *swap* is a pair whose roles match
  crosswise but not straight.
* **Relevance**: "has any event" against "gold has any event", P/R/F1.

All modalities count as predicted events unless ``modalities`` says otherwise.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Document, Entity
from ..pipeline import Pipeline
from .gold_events import PLOVER_TYPES, QUAD_NAMES, QUAD_OF, GoldActor, GoldEvent, GoldItem

__all__ = [
    "EventReport",
    "ItemResult",
    "PRF",
    "PredEvent",
    "RoleScore",
    "actor_matches",
    "by_language",
    "evaluate_events",
    "format_by_language",
    "format_event_report",
    "predicted_events",
    "score_events",
]

_STOP = frozenset(
    "the a an of and or in on at to for by with from its his her their "
    "le la les l de des du d et en au aux un une à "
    "el los las del y e al lo "
    "и в во на с со по от для у та і й з зі до".split()
)


@dataclass(frozen=True, slots=True)
class PredEvent:
    """A predicted event as scored: type, actors, confidence, modality."""

    event_type: str
    source: Entity | None = None
    target: Entity | None = None
    confidence: float = 0.0
    modality: str = "asserted"


@dataclass(slots=True)
class PRF:
    """True positive, false positive and false negative counts, with P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: bool, pred: bool) -> None:
        self.tp += gold and pred
        self.fp += pred and not gold
        self.fn += gold and not pred

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class RoleScore:
    """Source or target scoring on type-matched pairs, plus end-to-end denominators."""

    pairs: int = 0
    gold: int = 0
    predicted: int = 0
    exact: int = 0
    overlap: int = 0
    all_gold: int = 0
    all_predicted: int = 0

    def prf(self, kind: str = "exact", end_to_end: bool = False) -> PRF:
        right = self.exact if kind == "exact" else self.overlap
        pred, gold = (self.all_predicted, self.all_gold) if end_to_end else (self.predicted, self.gold)
        return PRF(right, pred - right, gold - right)

    def merged(self, other: RoleScore) -> RoleScore:
        return RoleScore(*(getattr(self, f) + getattr(other, f) for f in (
            "pairs", "gold", "predicted", "exact", "overlap", "all_gold", "all_predicted")))

    def to_dict(self) -> dict[str, Any]:
        return {"pairs": self.pairs, "gold": self.gold, "predicted": self.predicted, "exact": self.exact,
                "overlap": self.overlap, "f1_exact": round(self.prf("exact").f1, 4),
                "f1_overlap": round(self.prf("overlap").f1, 4),
                "f1_exact_end_to_end": round(self.prf("exact", True).f1, 4),
                "f1_overlap_end_to_end": round(self.prf("overlap", True).f1, 4)}


@dataclass(slots=True)
class ItemResult:
    """One item's gold, predictions, top type and role outcomes (for error analysis)."""

    item: GoldItem
    predicted: list[PredEvent]
    top: str | None
    pairs: list[tuple[GoldEvent, PredEvent, dict[str, bool]]] = field(default_factory=list)
    failed: str | None = None


@dataclass(slots=True)
class EventReport:
    """Everything :func:`score_events` measures."""

    items: int = 0
    typed_items: int = 0
    types: dict[str, PRF] = field(default_factory=lambda: {t: PRF() for t in PLOVER_TYPES})
    top_correct: int = 0
    top_total: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    quad_items: int = 0
    quads: list[PRF] = field(default_factory=lambda: [PRF() for _ in QUAD_NAMES])
    quad_correct: int = 0
    quad_confusion: Counter[tuple[int, int]] = field(default_factory=Counter)
    relevance: PRF = field(default_factory=PRF)
    source: RoleScore = field(default_factory=RoleScore)
    target: RoleScore = field(default_factory=RoleScore)
    swaps: int = 0
    failed: int = 0
    seconds: float = 0.0
    results: list[ItemResult] = field(default_factory=list)

    @property
    def micro(self) -> PRF:
        return PRF(*(sum(getattr(s, f) for s in self.types.values()) for f in ("tp", "fp", "fn")))

    @property
    def macro_f1(self) -> float:
        seen = [s for s in self.types.values() if s.tp + s.fp + s.fn]
        return sum(s.f1 for s in seen) / len(seen) if seen else 0.0

    @property
    def quad_macro_f1(self) -> float:
        return sum(q.f1 for q in self.quads) / len(self.quads) if self.quad_items else 0.0

    def to_dict(self) -> dict[str, Any]:
        roles = self.source.merged(self.target)
        out: dict[str, Any] = {
            "items": self.items, "failed": self.failed, "seconds": round(self.seconds, 1),
            "relevance": self.relevance.to_dict(),
            "roles": {"source": self.source.to_dict(), "target": self.target.to_dict(), "both": roles.to_dict(),
                      "swaps": self.swaps},
        }
        if self.typed_items:
            out["event_type"] = {
                "items": self.typed_items, "micro": self.micro.to_dict(), "macro_f1": round(self.macro_f1, 4),
                "top_accuracy": round(self.top_correct / self.top_total, 4) if self.top_total else None,
                "top_items": self.top_total,
                "per_type": {t: s.to_dict() for t, s in self.types.items() if s.tp + s.fp + s.fn},
                "confusion": {f"{g}>{p}": n for (g, p), n in sorted(self.confusion.items())},
            }
        if self.quad_items:
            out["cameo_class"] = {
                "items": self.quad_items, "accuracy": round(self.quad_correct / self.quad_items, 4),
                "macro_f1": round(self.quad_macro_f1, 4),
                "per_class": {f"{i} {n}": q.to_dict() for i, (n, q) in enumerate(zip(QUAD_NAMES, self.quads))},
                "confusion": {f"{g}>{p}": n for (g, p), n in sorted(self.quad_confusion.items())},
            }
        return out


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace(".", "")
    text = " ".join(re.findall(r"\w+", text))
    return text[4:] if text.startswith("the ") else text


def _content(text: str) -> set[str]:
    return {w for w in _norm(text).split() if w not in _STOP and len(w) > 1}


def actor_matches(pred: Entity, gold: Iterable[GoldActor]) -> tuple[bool, bool]:
    """(exact, overlap) of a predicted actor against gold alternatives; exact implies overlap."""
    names = {_norm(pred.text)} | ({_norm(pred.name)} if pred.name else set())
    words = _content(pred.text) | (_content(pred.name) if pred.name else set())
    overlap = False
    for g in gold:
        if _norm(g.text) in names or (g.code and (pred.country == g.code or pred.kb_id == f"cty/{g.code}")):
            return True, True
        overlap = overlap or bool(words & _content(g.text))
    return False, overlap


def predicted_events(doc: Document, modalities: Collection[str] | None = None) -> list[PredEvent]:
    """The events of a coded document as scored, optionally only those of some modalities."""
    return [PredEvent(e.event_type, e.source, e.target, e.confidence, e.modality)
            for e in doc.events if modalities is None or e.modality in modalities]


def _top(pred: Sequence[PredEvent], exclude: Collection[str] = ()) -> PredEvent | None:
    best: PredEvent | None = None
    for p in pred:
        if p.event_type not in exclude and (best is None or p.confidence > best.confidence):
            best = p
    return best


def _role_outcome(g: GoldEvent, p: PredEvent) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for role in ("source", "target"):
        actor = getattr(p, role)
        out[f"{role}_exact"], out[f"{role}_overlap"] = actor_matches(actor, getattr(g, role)) if actor else (False, False)
    cross = bool(p.source and p.target and actor_matches(p.source, g.target)[0] and actor_matches(p.target, g.source)[0])
    out["swap"] = cross and not (out["source_exact"] and out["target_exact"])
    return out


def _pairs(gold: Sequence[GoldEvent], pred: Sequence[PredEvent]) -> list[tuple[GoldEvent, PredEvent, dict[str, bool]]]:
    used: set[int] = set()
    out = []
    for g in gold:
        best: tuple[tuple[int, float], int, dict[str, bool]] | None = None
        for i, p in enumerate(pred):
            same = p.event_type == g.event_type if g.event_type else g.quad is not None and QUAD_OF.get(p.event_type) == g.quad
            if i in used or not same:
                continue
            res = _role_outcome(g, p)
            key = (2 * (res["source_exact"] + res["target_exact"]) + res["source_overlap"] + res["target_overlap"], p.confidence)
            if best is None or key > best[0]:
                best = (key, i, res)
        if best is not None:
            used.add(best[1])
            out.append((g, pred[best[1]], best[2]))
    return out


def _score_roles(report: EventReport, item: GoldItem, pred: Sequence[PredEvent], res: ItemResult) -> None:
    if not item.typed and item.quad is None:
        return
    for role in ("source", "target"):
        score: RoleScore = getattr(report, role)
        score.all_gold += sum(bool(getattr(g, role)) for g in item.events)
        score.all_predicted += sum(getattr(p, role) is not None for p in pred)
    res.pairs = _pairs(item.events, pred)
    for g, p, out in res.pairs:
        report.swaps += out["swap"]
        for role in ("source", "target"):
            score = getattr(report, role)
            has_gold, has_pred = bool(getattr(g, role)), getattr(p, role) is not None
            score.pairs += 1
            score.gold += has_gold
            score.predicted += has_pred
            score.exact += has_gold and out[f"{role}_exact"]
            score.overlap += has_gold and out[f"{role}_overlap"]


def _score_item(report: EventReport, item: GoldItem, pred: Sequence[PredEvent]) -> ItemResult:
    top = _top(pred)
    res = ItemResult(item, list(pred), top.event_type if top else None)
    report.items += 1
    report.relevance.add(bool(item.events), bool(pred))
    if item.typed:
        report.typed_items += 1
        gold, got = item.types, {p.event_type for p in pred}
        for t in gold | got:
            report.types.setdefault(t, PRF()).add(t in gold, t in got)
        if len(item.events) == 1:
            report.top_total += 1
            report.top_correct += res.top == item.events[0].event_type
        other = _top(pred, exclude=gold)
        for t in sorted(gold) or ["NONE"]:
            report.confusion[(t, t if t in got else other.event_type if other else "NONE")] += 1
    if item.quad is not None:
        q = QUAD_OF.get(res.top, 0) if res.top else 0
        report.quad_items += 1
        report.quad_correct += q == item.quad
        report.quad_confusion[(item.quad, q)] += 1
        for i, score in enumerate(report.quads):
            score.add(item.quad == i, q == i)
    _score_roles(report, item, pred, res)
    return res


def score_events(items: Sequence[GoldItem], predictions: Sequence[Sequence[PredEvent]]) -> EventReport:
    """Score predicted events against gold items, item by item (see the module docstring)."""
    if len(items) != len(predictions):
        raise ValueError(f"{len(items)} gold items but {len(predictions)} predictions")
    report = EventReport()
    for item, pred in zip(items, predictions):
        report.results.append(_score_item(report, item, pred))
    return report


def evaluate_events(items: Sequence[GoldItem], pipeline: Pipeline, *,
                    modalities: Collection[str] | None = None) -> EventReport:
    """Code each gold item's text with ``pipeline`` and score the events; a failed item predicts nothing."""
    from ..api import code_article

    started = time.perf_counter()
    preds: list[list[PredEvent]] = []
    failures: list[str | None] = []
    for item in items:
        doc, outcome, _ = code_article(Article.create(item.text, lang=item.lang, source_id=item.id), pipeline)
        preds.append(predicted_events(doc, modalities) if outcome.ok else [])
        failures.append(None if outcome.ok else f"{outcome.stage}: {outcome.reason}")
    report = score_events(items, preds)
    for res, why in zip(report.results, failures):
        res.failed = why
    report.failed = sum(f is not None for f in failures)
    report.seconds = time.perf_counter() - started
    return report


def by_language(report: EventReport) -> dict[str, EventReport]:
    """The report's items scored again, one report per gold language."""
    langs = sorted({r.item.lang or "?" for r in report.results})
    return {lang: score_events([r.item for r in report.results if (r.item.lang or "?") == lang],
                               [r.predicted for r in report.results if (r.item.lang or "?") == lang])
            for lang in langs}


def format_by_language(reports: dict[str, EventReport]) -> str:
    """One line per language: items, type micro F1, source+target exact F1 on type-matched pairs."""
    lines = ["by language   items  type F1  roles exact F1"]
    for lang, rep in reports.items():
        both = rep.source.merged(rep.target).prf("exact").f1
        lines.append(f"  {lang:<10}{rep.items:>7}  {_pct(rep.micro.f1)}    {_pct(both)}")
    return "\n".join(lines)


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def format_event_report(report: EventReport, title: str = "") -> str:
    """A compact plain-text table of the report."""
    lines = [f"{title}  {report.items} items, {report.failed} failed, {report.seconds:.0f}s".strip()]
    if report.typed_items:
        m = report.micro
        top = f"{report.top_correct}/{report.top_total} = {_pct(report.top_correct / report.top_total)}" if report.top_total else "-"
        lines += [f"event type   micro P {_pct(m.precision)}  R {_pct(m.recall)}  F1 {_pct(m.f1)}   "
                  f"macro F1 {_pct(report.macro_f1)}   top-type accuracy {top}",
                  f"  {'type':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for t, s in report.types.items():
            if s.tp + s.fp + s.fn:
                lines.append(f"  {t:<10} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {_pct(s.precision):>6} {_pct(s.recall):>6} {_pct(s.f1):>6}")
        wrong = [(n, g, p) for (g, p), n in report.confusion.items() if g != p]
        if wrong:
            lines.append("  confusions: " + ", ".join(f"{g}>{p} {n}" for n, g, p in sorted(wrong, reverse=True)[:12]))
    if report.quad_items:
        lines.append(f"CAMEO class  accuracy {_pct(report.quad_correct / report.quad_items)}  macro F1 {_pct(report.quad_macro_f1)}")
        for i, (name, q) in enumerate(zip(QUAD_NAMES, report.quads)):
            lines.append(f"  {i} {name:<18} gold {q.tp + q.fn:>4} pred {q.tp + q.fp:>4}  P {_pct(q.precision)}  R {_pct(q.recall)}  F1 {_pct(q.f1)}")
    r = report.relevance
    lines.append(f"relevance    P {_pct(r.precision)}  R {_pct(r.recall)}  F1 {_pct(r.f1)}")
    for name, score in (("source", report.source), ("target", report.target), ("both", report.source.merged(report.target))):
        if score.pairs:
            e, o, ee = score.prf("exact"), score.prf("overlap"), score.prf("exact", True)
            lines.append(f"{name:<12} pairs {score.pairs:>4} gold {score.gold:>4} pred {score.predicted:>4}  exact F1 {_pct(e.f1)}"
                         f"  overlap F1 {_pct(o.f1)}  end-to-end exact F1 {_pct(ee.f1)}")
    if report.source.pairs:
        lines.append(f"role swaps   {report.swaps}")
    return "\n".join(lines)
