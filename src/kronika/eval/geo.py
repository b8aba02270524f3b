"""Geocoding evaluation: kronika's place resolution against stand-off GeoNames gold.

Each gold mention is put back in its context (:func:`~kronika.eval.geo_gold.source_text`:
±300 characters, or whole neighbouring sentences for token files), made an article
with the gold language, and run through the ``segment``, ``language`` and ``entities``
stages. Two predictions are scored:

- **full path** — the ``doc.places`` entry whose span best matches the mention's (the
  same span, else the same start, else the largest overlap: of "Vermillion, South
  Dakota" the town, not the state that qualifies it); none means the mention was not
  recognised as a place (unresolved);
- **resolver only** — :meth:`~kronika.geo.gazetteer.Gazetteer.resolve` on the gold
  mention string, then on its lemmas for Ukrainian and Russian (as the entity stage
  does), with the article's country weights: the share of each country among the
  entities the stage linked exactly to the knowledge base.

The metrics are the Mordecai geoparser's: **country** (the predicted country is the
gold's; mentions of areas beyond one country are left out), **exact** (same
geonameid; on mentions whose gold geonameid is not null) and **161 km** (great-circle
distance between predicted and gold coordinates at most 161 km, 100 miles; the same
geonameid counts as 0 km; a prediction without coordinates, a country, is otherwise a
miss). Unresolved mentions count as wrong in all three. Scores are kept overall and per
slice: language, corpus (first folder of the gold file path), and whether the gold place
is in the gazetteer (geonameid not null) or not.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Document, Place
from ..pipeline import Pipeline, build_pipeline
from .geo_gold import GeoGold, Toponym, source_text

__all__ = [
    "EVAL_STAGES",
    "GeoPrediction",
    "GeoReport",
    "GeoScore",
    "WITHIN_KM",
    "distance_km",
    "evaluate_geo",
    "evaluate_toponyms",
    "format_geo_report",
    "score_prediction",
]

EVAL_STAGES: tuple[str, ...] = ("segment.v1", "language.v1", "entities.v1")
WITHIN_KM = 161.0
_EARTH_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class GeoPrediction:
    """What kronika said a mention refers to (None fields: nothing resolved)."""

    geonameid: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def resolved(self) -> bool:
        return self.geonameid is not None or self.country is not None

    @classmethod
    def of(cls, place: Any) -> GeoPrediction:
        """From a :class:`~kronika.model.Place` or a gazetteer candidate."""
        return cls(place.geonameid, place.country, place.lat, place.lon)


@dataclass(slots=True)
class GeoScore:
    """Counts for one slice: ``*_n`` mentions scored on a metric, ``*_ok`` right ones."""

    mentions: int = 0
    resolved: int = 0
    country_n: int = 0
    country_ok: int = 0
    exact_n: int = 0
    exact_ok: int = 0
    km_n: int = 0
    km_ok: int = 0

    def add(self, checks: dict[str, bool | None], resolved: bool) -> None:
        """Count one mention: ``checks`` maps country/exact/km to right, wrong or None (not scored)."""
        self.mentions += 1
        self.resolved += int(resolved)
        for name in ("country", "exact", "km"):
            if checks[name] is not None:
                setattr(self, f"{name}_n", getattr(self, f"{name}_n") + 1)
                setattr(self, f"{name}_ok", getattr(self, f"{name}_ok") + int(bool(checks[name])))

    def rate(self, name: str) -> float:
        n = getattr(self, f"{name}_n") if name != "resolved" else self.mentions
        return getattr(self, f"{name}_ok" if name != "resolved" else "resolved") / n if n else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"mentions": self.mentions, "resolved": self.resolved,
                **{f"{m}_accuracy": round(self.rate(m), 4) for m in ("country", "exact", "km")},
                **{f"{m}_{k}": getattr(self, f"{m}_{k}") for m in ("country", "exact", "km") for k in ("n", "ok")}}


def score_prediction(gold: GeoGold | Toponym, pred: GeoPrediction) -> dict[str, bool | None]:
    """Whether ``pred`` is right on country, exact geonameid and 161 km (None: the metric does not apply)."""
    country = None if not gold.country else pred.country == gold.country
    exact = None if gold.geonameid is None else pred.geonameid == gold.geonameid
    km: bool | None = None
    if gold.country and gold.lat is not None and gold.lon is not None:
        if gold.geonameid is not None and pred.geonameid == gold.geonameid:
            km = True
        elif pred.lat is not None and pred.lon is not None:
            km = distance_km(gold.lat, gold.lon, pred.lat, pred.lon) <= WITHIN_KM
        else:
            km = False
    return {"country": country, "exact": exact, "km": km}


def _cause(gold: GeoGold | Toponym, pred: GeoPrediction, checks: dict[str, bool | None]) -> str | None:
    """The kind of error, or None when every applicable metric is right."""
    if all(v is not False for v in checks.values()) and (gold.country or not pred.resolved):
        return None
    if not gold.country:
        return "area_beyond_one_country_resolved"
    if not pred.resolved:
        return "unresolved_in_gazetteer" if gold.geonameid is not None else "unresolved_not_in_gazetteer"
    if checks["country"] is False:
        return "wrong_country"
    return "wrong_place_same_country" if checks["exact"] is False or checks["km"] is False else None


@dataclass(slots=True)
class GeoReport:
    """Full-path and resolver-only scores, overall and per slice, with error causes."""

    # "all", each language, each corpus, in_gazetteer / not_in_gazetteer (gold geonameid null or not)
    full: dict[str, GeoScore] = field(default_factory=dict)
    resolver: dict[str, GeoScore] = field(default_factory=dict)
    causes: dict[str, Counter[str]] = field(default_factory=lambda: {"full": Counter(), "resolver": Counter()})
    not_placed: Counter[str] = field(default_factory=Counter)  # why a mention has no doc.places entry
    examples: list[dict[str, Any]] = field(default_factory=list)
    failed: int = 0
    seconds: float = 0.0

    def add(self, mode: str, keys: Sequence[str], gold: GeoGold | Toponym, pred: GeoPrediction) -> dict[str, bool | None]:
        """Score one prediction into the ``mode`` table under "all" and each of ``keys`` (language, corpus)."""
        checks = score_prediction(gold, pred)
        table = self.full if mode == "full" else self.resolver
        for key in ("all", *keys):
            table.setdefault(key, GeoScore()).add(checks, pred.resolved)
        cause = _cause(gold, pred, checks)
        if cause:
            self.causes[mode][cause] += 1
        return checks

    def to_dict(self) -> dict[str, Any]:
        return {
            "full_path": {k: v.to_dict() for k, v in self.full.items()},
            "resolver_only": {k: v.to_dict() for k, v in self.resolver.items()},
            "error_causes": {m: dict(c.most_common()) for m, c in self.causes.items() if c},
            "not_placed": dict(self.not_placed.most_common()), "failed": self.failed,
            "seconds": round(self.seconds, 1), "examples": self.examples,
        }


def _country_weights(doc: Document) -> dict[str, float]:
    """The article's countries as the entity stage weighs them: exact knowledge-base links."""
    counts = Counter(e.country for e in doc.entities
                     if e.kb_id and e.kind != "place" and not e.kb_id.startswith("geo/") and e.country and e.link_score == 1.0)
    total = sum(counts.values()) or 1
    return {c: n / total for c, n in counts.items()}


def _resolve(gazetteer: Any, lemmatize: Any, name: str, lang: str, countries: dict[str, float]) -> GeoPrediction:
    found = gazetteer.resolve_mention(name, lang, countries, lemmatize(lang) if lang in ("uk", "ru") else None)
    return GeoPrediction.of(found[0]) if found else GeoPrediction()


def _placed(doc: Document, start: int, end: int) -> Place | None:
    """The place whose span best matches the mention's: the same span, else one that starts with it, else the
    one overlapping it most (of "Vermillion, South Dakota" the town, not the state it is qualified by)."""
    def fit(span: tuple[int, int, Place]) -> tuple[bool, bool, int, int]:
        s, e, _ = span
        return (s, e) == (start, end), s == start, min(end, e) - max(start, s), -abs((e - s) - (end - start))

    spans = [(p.start, p.end, p) for p in doc.places if p.start is not None and p.end is not None]
    near = [sp for sp in spans if sp[0] < end and start < sp[1]]
    return max(near, key=fit)[2] if near else None


def _why_not_placed(doc: Document, start: int, end: int) -> str:
    near = [e for e in doc.entities if e.start < end and start < e.end]
    if not near:
        return "not_recognised"
    e = max(near, key=lambda e: min(end, e.end) - max(start, e.start))
    return "kb_country_entity" if e.kind == "country" else f"entity_{e.label}" + ("_linked" if e.kb_id else "")


def evaluate_geo(gold_rows: Sequence[GeoGold], shared_root: str | Path, *, pipeline: Pipeline | None = None,
                 gazetteer: Any = None, examples: int = 0) -> GeoReport:
    """Score kronika's full place path and its resolver alone on ``gold_rows`` (see the module docs).

    Raises :class:`~kronika.errors.InputError` when a row's locator does not verify.

    ``shared_root`` is the eval-data folder the rows' files are relative to; ``examples`` keeps that
    many error records (id, language, mention, mode, gold and prediction) for reading.
    """
    from ..geo.gazetteer import Gazetteer
    from ..nlp.lemmas import Lemmatizers
    from ..stages import make_stage

    started = time.monotonic()
    pipeline = pipeline or build_pipeline([make_stage(n) for n in EVAL_STAGES], "eval-geo")
    gazetteer = gazetteer or Gazetteer()
    lemmas = Lemmatizers()
    report, cache = GeoReport(), {}
    for row in gold_rows:
        found = source_text(row, shared_root, cache=cache)
        doc = Document(Article.create(found.text, lang=row.lang))
        if not pipeline.process(doc).ok:
            report.failed += 1
        place = _placed(doc, found.start, found.end)
        why = _why_not_placed(doc, found.start, found.end) if place is None else None
        if why:
            report.not_placed[why] += 1
        full = GeoPrediction.of(place) if place is not None else GeoPrediction()
        alone = _resolve(gazetteer, lemmas.for_lang, found.mention, row.lang, _country_weights(doc))
        for mode, pred in (("full", full), ("resolver", alone)):
            where = "in_gazetteer" if row.geonameid is not None else "not_in_gazetteer"
            checks = report.add(mode, (row.lang, row.file.split("/")[0], where), row, pred)
            if len(report.examples) < examples and False in checks.values():
                report.examples.append({"id": row.id, "lang": row.lang, "mention": found.mention, "mode": mode,
                                        "gold": [row.geonameid, row.country], "pred": [pred.geonameid, pred.country],
                                        **({"why": why} if mode == "full" and why else {})})
    report.seconds = time.monotonic() - started
    return report


def evaluate_toponyms(toponyms: Sequence[Toponym], gazetteer: Any = None) -> GeoReport:
    """Resolver-only scores of a toponym list, each name resolved in its own country's context."""
    from ..geo.gazetteer import Gazetteer
    from ..nlp.lemmas import Lemmatizers

    started = time.monotonic()
    gazetteer = gazetteer or Gazetteer()
    lemmas = Lemmatizers()
    report = GeoReport()
    for t in toponyms:
        pred = _resolve(gazetteer, lemmas.for_lang, t.name, t.lang, {t.country: 1.0})
        if False in report.add("resolver", (t.lang,), t, pred).values():
            report.examples.append({"name": t.name, "lang": t.lang, "gold": [t.geonameid, t.country, t.place],
                                    "pred": [pred.geonameid, pred.country]})
    report.seconds = time.monotonic() - started
    return report


def format_geo_report(report: GeoReport, title: str) -> str:
    """A plain-text table: per language and overall, country / exact / 161 km for each mode."""
    lines = [f"{title}: {report.seconds:.0f}s" + (f", {report.failed} articles failed" if report.failed else ""),
             f"{'mode':<10}{'slice':<24}{'mentions':>9}{'resolved':>9}{'country':>9}{'exact':>9}{'161 km':>9}"]
    for mode, table in (("full", report.full), ("resolver", report.resolver)):
        for key in sorted(table, key=lambda k: (k == "all", len(k) > 2, k)):
            s = table[key]
            lines.append(f"{mode:<10}{key:<24}{s.mentions:>9}{s.rate('resolved'):>9.3f}{s.rate('country'):>9.3f}"
                         f"{s.rate('exact'):>9.3f}{s.rate('km'):>9.3f}")
    for mode, causes in report.causes.items():
        if causes:
            lines.append(f"errors ({mode}): " + ", ".join(f"{k} {n}" for k, n in causes.most_common()))
    if report.not_placed:
        lines.append("not placed (full): " + ", ".join(f"{k} {n}" for k, n in report.not_placed.most_common()))
    for ex in report.examples:
        lines.append("  " + " ".join(f"{k}={v}" for k, v in ex.items()))
    return "\n".join(lines)
