"""A person named once is the same person when a word of their name comes back alone.

News and stories name a person in full once ("Ірина Золотарьова", "Dmytro Kuleba") and then by one word of
the name, often where a model misses it: opening a sentence ("Золотарьова нині є власницею"), or inflected
("Кулебу"). A capitalised word no entity covers whose lemma is a word of a person's name found in the same
article is that person: it takes the person's knowledge-base link when it is their surname (a first name
alone may be another person's).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from ..model import Entity
from ..nlp.tokens import FUNCTION_WORDS, Token, overlaps_any

__all__ = ["repeated_names"]

_LINK_FIELDS = ("kb_id", "name", "country", "sector", "kind", "role", "link_score")


def repeated_names(
    tokens: Sequence[Token], entities: Sequence[Entity], is_first_name: Callable[[str], bool]
) -> list[Entity]:
    """New PER entities for the uncovered capitalised words that repeat a word of a person's name (by lemma).

    ``is_first_name(word)`` says whether a word is a first name (which never passes a link on)."""
    persons = [e for e in entities if e.label == "PER"]
    if not persons:
        return []
    spans = sorted((e.start, e.end) for e in entities)
    persons.sort(key=lambda p: p.start)
    starts = [p.start for p in persons]
    words: dict[str, tuple[Entity, bool]] = {}  # lemma -> (person, whether it is their surname)
    for tok in tokens:
        i = bisect.bisect_right(starts, tok.start) - 1
        owner = persons[i] if i >= 0 and tok.end <= persons[i].end else None
        if owner is None or not _name_word(tok):
            continue
        surname = tok.end == owner.end and owner.text.count(" ") > 0 and not is_first_name(tok.text)
        if tok.lemma not in words or surname:
            words[tok.lemma] = (owner, surname)
    out = []
    for tok in tokens:
        found = words.get(tok.lemma)
        if found is None or not _name_word(tok) or overlaps_any(spans, tok.start, tok.end):
            continue
        owner, surname = found
        e = Entity(tok.start, tok.end, tok.text, "PER")
        if surname and owner.kb_id:
            for f in _LINK_FIELDS:
                setattr(e, f, getattr(owner, f))
        out.append(e)
    return out


def _name_word(tok: Token) -> bool:
    return tok.is_title and not tok.is_upper and len(tok.text) >= 3 and tok.key not in FUNCTION_WORDS

