"""Names that the company they keep makes places.

The NER models call many towns persons or organisations ("Raqqah", "Ліда", "Kobane"), or miss them, when
nothing in the name itself says what it is. These cues around a name say it:

- a list of places it stands in: "Брест, Ліда та Мінськ", "Львів – Коростень – Київ", "Qamenas, Sarmin and
  Talamenes";
- a country after it that qualifies it: "Raqqah, Syria", "Мінськ (Білорусь)", or before it that owns it:
  "Syria’s Idlib province";
- a town in brackets after a name: "ФК «Металург» (Запоріжжя)";
- words after it that say what place it is: "Sabboura, an area outside Damascus";
- the same name placed elsewhere in the article ("isolate Raqqah, Syria" … "the isolation of Raqqah").

A name so placed must still be a place the gazetteer knows (an apposition may also call a name a place the
gazetteer lacks): in the qualifying or owning country; in the country of a town beside it in a list (beside
places the gazetteer lacks: in one of the article's countries, or a town of 20,000); a town in brackets of the
article's countries or of 20,000.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Entity

__all__ = ["Placed", "places_in_company"]

# what may stand between two names of a list
_LIST_GAP = frozenset([",", ";", "–", "—", "-", "/", "&", "and", "or", "et", "ou", "y", "o", "e", "та", "і", "й", "и",
                       "або", "чи", "или", ", and", ", or", ", et", ", y", ", та", ", і", ", и"])
# what may stand between a name and the country that qualifies it
_QUALIFIER_GAP = frozenset([",", "(", "in", "en", "au", "в", "у"])
_POSSESSIVE = re.compile(r"['’]s\s+")
_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
# ", a town ...", ", une ville ...", ", місто ...": an apposition that says what the name before it is
_DESCRIBED = re.compile(
    r"\s*,\s+(?:(?:a|an|the)\s+(?:\w+\s+)?(?:town|city|village|area|district|suburb|neighbou?rhood|region|province|port)"
    r"|(?:une?|la|le)\s+(?:\w+\s+)?(?:ville|village|commune|localité|région|quartier|banlieue|province)"
    r"|(?:una?|la|el)\s+(?:\w+\s+)?(?:ciudad|pueblo|localidad|región|provincia|barrio|municipio)"
    r"|(?:місто|село|селище|смт|город|поселок|посёлок|деревня))\b", re.I)
_MAX_WORDS = 3
_TOWN = 20_000


@dataclass(frozen=True, slots=True)
class Placed:
    """A name found to be a place: the span and the gazetteer's answer (None: a place it lacks), or the place
    entity of the same name elsewhere in the article that it repeats."""

    entity: Entity
    candidate: Any
    confidence: float
    same_as: Entity | None = None


def _gap(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split()).lower()


def _is_place(e: Entity) -> bool:
    """A place a list of places may hold: a town or region, resolved or not; not a country ("in Syria, Cook
    said")."""
    return e.label == "LOC" and (e.kind == "place" or e.kb_id is None)


def _open(e: Entity) -> bool:
    """A name that may turn out to be a place: a short unlinked name the model called something else."""
    return e.label in ("PER", "ORG", "MISC") and e.kb_id is None and len(e.text.split()) <= _MAX_WORDS


def places_in_company(
    text: str,
    entities: Sequence[Entity],
    same_sentence: Callable[[int, int], bool],
    resolve: Callable[[str, dict[str, float]], Any],
    countries: dict[str, float],
    *,
    repeats_only: bool = False,
) -> list[Placed]:
    """The open names of ``entities`` (sorted by start) that the cues above make places.
    ``resolve(name, countries)`` is the gazetteer's ``(candidate, confidence)`` or None;
    ``same_sentence(a, b)`` says whether two offsets lie in one sentence; ``repeats_only`` applies the last cue
    alone (a second pass, once the names the others placed are places)."""
    out: list[Placed] = []
    placed: set[int] = set()
    # one name, one place in an article: "isolate Raqqah, Syria" ... "the isolation of Raqqah"
    named = {_key(e.text): e for e in entities if e.label == "LOC" and e.kind == "place" and e.kb_id}
    for _ in range(1 if repeats_only else 2):  # a name placed in the first pass may make the next one a neighbour of places
        for i, e in enumerate(entities):
            if i in placed or not _open(e):
                continue
            left = entities[i - 1] if i > 0 else None
            right = entities[i + 1] if i + 1 < len(entities) else None
            same = named.get(_key(e.text))
            if same is not None:
                placed.add(i)
                out.append(Placed(e, None, same.link_score or 0.0, same))
                continue
            if repeats_only:
                continue
            found = (_qualified(text, e, right, same_sentence, resolve) or _owned(text, e, left, resolve)
                     or _bracketed(text, e, left, resolve, countries)
                     or _listed(text, e, [(left, i - 1 in placed), (right, i + 1 in placed)], same_sentence, resolve,
                                countries)
                     or _described(text, e, resolve, countries))
            if found is not None:
                placed.add(i)
                out.append(Placed(e, *found))
    return out


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _qualified(text: str, e: Entity, right: Entity | None, same_sentence: Callable[[int, int], bool],
               resolve: Callable[[str, dict[str, float]], Any]) -> tuple[Any, float] | None:
    if right is None or right.kind != "country" or not right.country or not same_sentence(e.start, right.start):
        return None
    if _gap(text, e.end, right.start) not in _QUALIFIER_GAP:
        return None
    return _a_place_in(resolve(e.text, {right.country: 1.0}), right.country)


def _owned(text: str, e: Entity, left: Entity | None, resolve: Callable[[str, dict[str, float]], Any]) -> tuple[Any, float] | None:
    """A place of the country whose possessive precedes it: "Syria’s Idlib province", "Ukraine's Kharkiv"."""
    if left is None or left.kind != "country" or not left.country or not _POSSESSIVE.fullmatch(text[left.end : e.start]):
        return None
    return _a_place_in(resolve(e.text, {left.country: 1.0}), left.country)


def _a_place_in(found: tuple[Any, float] | None, iso3: str) -> tuple[Any, float] | None:
    """The gazetteer's answer if it is a place (no country) in ``iso3``."""
    return found if found is not None and found[0].country == iso3 and found[0].precision != "country" else None


def _bracketed(text: str, e: Entity, left: Entity | None, resolve: Callable[[str, dict[str, float]], Any],
               countries: dict[str, float]) -> tuple[Any, float] | None:
    """A town in brackets after a name, saying where it is: "ФК «Металург» (Запоріжжя)", "Bayern (Munich)"."""
    if left is None or not _OPEN.fullmatch(text[left.end : e.start]) or not _CLOSE.match(text, e.end):
        return None
    found = resolve(e.text, countries)
    if found is None or found[0].precision == "country":
        return None
    return found if _a_town_of(found[0], countries) else None


def _described(text: str, e: Entity, resolve: Callable[[str, dict[str, float]], Any],
               countries: dict[str, float]) -> tuple[Any, float] | None:
    """A name the words after it call a place: "Sabboura, an area outside Damascus", "Ліда, місто на заході".
    A place the gazetteer lacks is kept as one it lacks (None): its country may still be clear."""
    if not _DESCRIBED.match(text, e.end):
        return None
    found = resolve(e.text, countries)
    return found if found is not None and found[0].precision != "country" else (None, 0.0)


def _listed(text: str, e: Entity, beside: list[tuple[Entity | None, bool]], same_sentence: Callable[[int, int], bool],
            resolve: Callable[[str, dict[str, float]], Any], countries: dict[str, float]) -> tuple[Any, float] | None:
    """``beside``: the entity before and the one after, each with whether this pass made it a place."""
    neighbours = [
        n for n, now_placed in beside
        if n is not None and (_is_place(n) or now_placed) and same_sentence(n.start, e.start)
        and _gap(text, *((n.end, e.start) if n.end <= e.start else (e.end, n.start))) in _LIST_GAP
    ]
    if not neighbours:
        return None
    near = {n.country for n in neighbours if n.country and n.kind != "country"}
    found = resolve(e.text, dict.fromkeys(near, 1.0) if near else countries)
    if found is None or found[0].precision == "country":
        return None
    # a town of the neighbours' country; with unresolved neighbours only, of the article's countries or of some size
    return found if found[0].country in near or (not near and _a_town_of(found[0], countries)) else None


def _a_town_of(cand: Any, countries: dict[str, float]) -> bool:
    """A place in one of the article's countries, or a town of 20,000 wherever it is."""
    return bool(countries.get(cand.country or "")) or cand.population >= _TOWN
