"""The stand-off document model.

An :class:`Article` holds the text exactly as read. Every annotation is a
:class:`Span` of character offsets into ``Article.text``; stages add
annotations to a :class:`Document` and never rewrite the text, so
``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "DateValue",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Span",
    "content_hash",
    "span_of",
]

MODALITIES = ("asserted", "negated", "future", "hypothetical", "reported")


def content_hash(title: str | None, text: str) -> str:
    """Return the id of an article: a hash of its normalised title and text.

    Whitespace runs and Unicode normalisation differences do not change the
    id, so the same article read from two encodings or layouts is stored once.
    """
    norm = unicodedata.normalize("NFC", f"{title or ''}\n{text}")
    norm = " ".join(norm.split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of characters of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


def span_of(text: str, start: int, end: int) -> Span:
    """Build a span from offsets, taking its text from the article text."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}:{end} outside text of length {len(text)}")
    return Span(start, end, text[start:end])


@dataclass(slots=True)
class Article:
    """One news item, as read from its input. ``text`` is never rewritten."""

    id: str
    text: str
    title: str | None = None
    section: str | None = None
    source_id: str | None = None
    url: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    author: str | None = None
    input: str | None = None  # file, URL or "<stdin>" it was read from
    input_format: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def create(cls, text: str, title: str | None = None, **fields: Any) -> Article:
        """Make an article whose id is the content hash of its title and text.

        When the title is given it becomes the first paragraph of ``text`` (unless
        the text already starts with it), so headline spans have offsets too.
        """
        if title:
            title = " ".join(title.split())
            if not text.startswith(title):
                text = f"{title}\n\n{text}" if text else title
        return cls(id=content_hash(title, text), text=text, title=title or None, **fields)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source_id": self.source_id,
            "url": self.url,
            "title": self.title,
            "section": self.section,
            "lang": self.lang,
            "published": self.published,
            "author": self.author,
            "input": self.input,
            "input_format": self.input_format,
            "text": self.text,
        }


@dataclass(slots=True)
class Entity:
    """A mention of an actor, place or thing, linked to the knowledge base when possible."""

    start: int
    end: int
    text: str
    label: str  # PER, ORG, LOC, MISC, WEAPON, PROGRAM, ...
    kb_id: str | None = None
    name: str | None = None  # canonical name from the knowledge base
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # PLOVER actor sector (GOV, MIL, IGO, ...)
    kind: str | None = None  # country, person, igo, weapon_system, ...
    role: str | None = None
    link_score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "kb_id": self.kb_id,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "kind": self.kind,
            "role": self.role,
            "link_score": self.link_score,
        }


@dataclass(slots=True)
class DateValue:
    """A resolved date mention; ``value`` is ISO 8601, ``precision`` day/week/month/year."""

    text: str | None
    start: int | None
    end: int | None
    value: str
    precision: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "precision": self.precision,
        }


@dataclass(slots=True)
class Place:
    """A resolved place mention (GeoNames identity)."""

    text: str
    start: int | None
    end: int | None
    geonameid: int | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    admin1: str | None = None
    feature_class: str | None = None
    precision: str | None = None  # place, region, country
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "geonameid": self.geonameid,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature_class": self.feature_class,
            "precision": self.precision,
            "confidence": self.confidence,
        }


@dataclass(slots=True)
class Event:
    """A coded event: who did what to whom, when and where, with evidence."""

    id: str
    event_type: str  # PLOVER event type
    source: Entity | None
    target: Entity | None
    evidence: list[Span]
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    acled_type: str | None = None
    acled_subtype: str | None = None
    cameo: str | None = None  # CAMEO root code, for users of older data
    date: DateValue | None = None
    location: Place | None = None
    modality: str = "asserted"
    confidence: float = 0.0
    flags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "acled_type": self.acled_type,
            "acled_subtype": self.acled_subtype,
            "cameo": self.cameo,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "evidence": [s.to_dict() for s in self.evidence],
            "modality": self.modality,
            "confidence": round(self.confidence, 4),
            "flags": list(self.flags),
        }


@dataclass(slots=True)
class Document:
    """An article and the annotations the pipeline stages add to it."""

    article: Article
    paragraphs: list[Span] = field(default_factory=list)
    paragraph_langs: list[str] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateValue] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relevance: float | None = None
    # Free slots for stages to pass intermediate results (e.g. a parsed spaCy Doc).
    # Never serialised.
    scratch: dict[str, Any] = field(default_factory=dict)
    stages_run: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        return span_of(self.article.text, start, end)
