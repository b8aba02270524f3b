"""Tokens with offsets, a normalised key and a lemma key, the same for every language.

Keys are case-folded, stripped of accents (combining marks) and of the
apostrophe and hyphen variants, so that "États-Unis", "Etats-Unis" and
"ÉTATS-UNIS" meet, and so do "Мінстратегпром" typed with Latin or Cyrillic і.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Token", "FUNCTION_WORDS", "fold_apostrophes", "normalize", "overlaps_any", "place_key", "tokenize"]

# a Ukrainian apostrophe between letters is inside the word ("здоров'я", "В’ячеслав", "Мар'їнка"); a French
# or English one is not ("l’armée", "O'Brien" stay two tokens, as the knowledge base's aliases do)
_TOKEN = re.compile(r"\w+(?:(?:[-‐‑]|['’ʼ](?=[а-яіїєґА-ЯІЇЄҐ]))\w+)*", re.UNICODE)
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})

# Words skipped when matching multi-word names ("ministère de la Défense de l'Ukraine"
# meets "ministère de la Défense d'Ukraine"): articles, prepositions, contractions.
FUNCTION_WORDS = frozenset(
    """l la le les d de du des un une et à au aux en the of a an and for to y el los las del al por para
    da do o і й та в у на з зі із до від про для по и в во на с со к о об от для при""".split()
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # normalised surface form
    lemma: str  # normalised lemma (== key when no lemmatiser knows the word)
    alt: str = ""  # a second lemmatiser's reading where the two disagree ("staged": "stag" / "stage")
    # a sentence end, a bracket or a line break lies between this token and the one before it (or none
    # comes before it): a multi-word phrase never runs across it
    boundary: bool = False

    @property
    def is_upper(self) -> bool:
        return self.text.isupper() and len(self.text) > 1

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()


@lru_cache(maxsize=200_000)
def normalize(text: str) -> str:
    """Case-fold, drop accents and unify hyphens: the key two spellings must share."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("‐", "-").replace("‑", "-")).translate(_APOSTROPHES)


def fold_apostrophes(text: str) -> str:
    """Every apostrophe as the ASCII one, as dictionaries write it ("здоров’я" -> "здоров'я")."""
    return text.translate(_APOSTROPHES)


_NAME_MARKS = str.maketrans("", "", "‘’`'ʿʾʼ")


def place_key(text: str) -> str:
    """:func:`normalize`, without the apostrophes and ayn/hamza marks that romanised Arabic and Ukrainian
    names may or may not carry ("‘Ayn ‘Īsá" and "Ayn Isa", "Межигір'я" and "Межигіря")."""
    return normalize(text).translate(_NAME_MARKS)


def overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the character range ``start``-``end`` overlaps the span before or after it in ``spans`` (sorted)."""
    i = bisect.bisect_right(spans, (start, float("inf")))
    return (i > 0 and spans[i - 1][1] > start) or (i < len(spans) and spans[i][0] < end)


def tokenize(text: str, start: int = 0, end: int | None = None, lemmatize=None) -> list[Token]:
    """Word tokens of ``text[start:end]`` with offsets into ``text``.

    ``lemmatize`` maps a word to its lemma (or returns it unchanged).
    """
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        key = normalize(word)
        lemma = normalize(lemmatize(word)) if lemmatize else key
        boundary = not out or _breaks(text[out[-1].end : m.start()], out[-1].text)
        out.append(Token(m.start(), m.end(), word, key, lemma, "", boundary))
    return out


_HARD_BREAK = re.compile(r"[\n\r()\[\]{}!?;…]")


def _breaks(gap: str, before: str) -> bool:
    """Whether the characters between two words end a sentence or open or close a bracket.

    A full stop glued to the next word ("U.S", "1.er") or after an initial or a short abbreviation
    ("U.S. Army", "J. Smith", "St. Petersburg", "Gen. Zaluzhnyi") ends nothing.
    """
    if not gap or gap == " ":
        return False
    if _HARD_BREAK.search(gap):
        return True
    if "." not in gap or gap.endswith("."):
        return False
    abbreviation = len(before) == 1 or (len(before) <= 3 and before[:1].isupper() and not before.isupper())
    return not abbreviation
