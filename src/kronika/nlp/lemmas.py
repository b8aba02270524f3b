"""Lemmatisers per language, loaded lazily and cached per word.

Ukrainian and Russian use pymorphy3 (it knows inflected surnames and
toponyms: Умєрова → Умєров, Києві → Київ); French, English and Spanish use
simplemma. Both ship their data in their wheels.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .tokens import fold_apostrophes

__all__ = ["Lemmatizers"]


class Lemmatizers:
    """A lemma function per language; one instance per pipeline, no global state."""

    def __init__(self) -> None:
        self._fns: dict[str, Callable[[str], str]] = {}
        self._morph: dict[str, object] = {}

    def is_noun(self, word: str, lang: str | None) -> bool | None:
        """For Ukrainian and Russian, whether pymorphy3 reads ``word`` as a noun first; None elsewhere."""
        tags = self.grammemes(word, lang)
        return None if tags is None else "NOUN" in tags

    def grammemes(self, word: str, lang: str | None) -> frozenset[str] | None:
        """For Ukrainian and Russian, the grammemes of pymorphy3's readings of ``word`` (POS, Name, Surn, ...)
        joined over its first three parses; None elsewhere."""
        if lang not in ("uk", "ru"):
            return None
        if lang not in self._morph:
            import pymorphy3

            self._morph[lang] = pymorphy3.MorphAnalyzer(lang=lang)
        parses = self._morph[lang].parse(fold_apostrophes(word))[:3]  # type: ignore[attr-defined]
        out: set[str] = set()
        for p in parses:
            out |= set(p.tag.grammemes)
        return frozenset(out)

    def __getstate__(self) -> dict:
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__()  # type: ignore[misc]

    def for_lang(self, lang: str | None) -> Callable[[str], str]:
        lang = lang or "en"
        if lang not in self._fns:
            self._fns[lang] = self._build(lang)
        return self._fns[lang]

    @staticmethod
    def _build(lang: str) -> Callable[[str], str]:
        if lang in ("uk", "ru"):
            import pymorphy3

            morph = pymorphy3.MorphAnalyzer(lang=lang)

            @lru_cache(maxsize=100_000)
            def slavic(word: str) -> str:
                if not any("а" <= c.lower() <= "я" or c.lower() in "іїєґё" for c in word):
                    return word
                parses = morph.parse(fold_apostrophes(word))
                if not parses:
                    return word
                if word[:1].isupper():
                    # a capitalised word is more likely a name than "кий" or "умер"
                    for p in parses:
                        if {"Geox", "Name", "Surn", "Patr", "Orgn"} & set(p.tag.grammemes):
                            return p.normal_form
                return parses[0].normal_form

            return slavic
        import simplemma

        code = lang if lang in ("fr", "en", "es", "de", "it", "pt", "pl") else "en"

        @lru_cache(maxsize=100_000)
        def latin(word: str) -> str:
            if word.isupper() or any(c.isdigit() for c in word):
                return word  # acronyms and codes (OTAN, F-16) are not words to inflect
            return simplemma.lemmatize(word.lower(), lang=code)

        return latin
