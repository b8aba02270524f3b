"""Language identification per article and per paragraph (py3langid restricted to kronika's languages)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..model import Document

__all__ = ["LANGUAGES", "LanguageStage", "identify"]

LANGUAGES = ("fr", "en", "uk", "ru", "es")

# Letters only one of the two Cyrillic languages uses: a cheap, reliable tie-break.
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэёъЫЭЁЪ]")


class LanguageStage:
    """Sets ``article.lang`` (unless the input declared it) and each paragraph's language."""

    name = "language"
    requires = ("paragraphs",)
    assigns = ("article.lang", "paragraph_langs")

    def __init__(self) -> None:
        self._identifier: Any = None

    def _classify(self, text: str) -> tuple[str, float]:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            self._identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            self._identifier.set_languages(list(LANGUAGES))
        return identify(text, self._identifier)

    def __call__(self, doc: Document) -> None:
        weights: Counter[str] = Counter()
        langs = []
        for para in doc.paragraphs:
            lang, _ = self._classify(para.text)
            langs.append(lang)
            weights[lang] += len(para.text)
        doc.paragraph_langs = langs
        if doc.article.lang in LANGUAGES:
            return
        if weights:
            doc.article.lang = weights.most_common(1)[0][0]


def identify(text: str, identifier: Any) -> tuple[str, float]:
    """Return (language, probability) for ``text``, with the Ukrainian/Russian letter tie-break."""
    lang, prob = identifier.classify(text)
    if lang in ("uk", "ru"):
        uk, ru = len(_UK_ONLY.findall(text)), len(_RU_ONLY.findall(text))
        if uk and not ru:
            return "uk", max(prob, 0.9)
        if ru and not uk:
            return "ru", max(prob, 0.9)
    return lang, float(prob)
