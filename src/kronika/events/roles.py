"""Who did it to whom: choosing source and target among a sentence's actors.

With a dependency parse (spaCy, French today) the source is the actor in the
subject of the trigger's clause (or the agent of a passive), the target the
actor in its objects and obliques; for a noun trigger ("la réunion de X avec
Y") the actors inside the noun phrase fill what the clause leaves open.
Reported speech is handled by taking the clause of the trigger, not of the
reporting verb. Without a parse, the nearest actor before the trigger is the
source and the nearest after it the target. Never the same actor twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import re
from typing import Any

from ..model import Entity
from ..nlp.parse import clause_head as _clause_head, span_root

__all__ = ["Roles", "assign_roles", "same_actor"]

SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# what is done to someone: there, the one a passive names is the victim, never the doer ("were killed")
_VIOLENT = frozenset({"ASSAULT", "COERCE"})
# Universal Dependencies (French model) and ClearNLP (English model) labels.
_SUBJECT = {"nsubj", "csubj", "expl:subj"}
_AGENT = {"obl:agent", "agent"}  # the doer of a passive: "attaquée par la Russie", "attacked by Russia"
_PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubjpass"}  # the one it was done to
_OBJECTS = {"obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "xcomp", "ccomp",
            "dobj", "dative", "prep", "pobj", "attr", "oprd", "npadvmod"} | _PASSIVE_SUBJECT


@dataclass(slots=True)
class Roles:
    source: Entity | None
    target: Entity | None
    by_syntax: bool


def same_actor(a: Entity | None, b: Entity | None) -> bool:
    if a is None or b is None:
        return False
    if a.kb_id and b.kb_id:
        return a.kb_id == b.kb_id
    return a.text.casefold() == b.text.casefold()


def _in(span: tuple[int, int], actors: list[Entity]) -> list[Entity]:
    """The actors inside a phrase; a role noun gives way to the person the phrase names ("le ministre
    français des Affaires étrangères Jean-Noël Barrot" is Barrot)."""
    found = [a for a in actors if span[0] <= a.start and a.end <= span[1]]
    if any(a.label == "PER" for a in found):
        found = [a for a in found if a.kind != "agent"]
    return found


_ATTRIBUTION = frozenset("selon d'après d’après according según per".split())
# the same, written before an actor, for the languages kronika does not parse
_ATTRIBUTED = re.compile(r"(?:по данным|по словам|по информации|со ссылкой на|за даними|за словами|за інформацією|"
                         r"з посиланням на|según|de acuerdo con|selon|d['’]après|according to|citing)\s+"
                         r"(?:(?:le|la|les|l['’]|du|des|the|el|los|las|del)\s*)?$", re.I)


def _attribution(tok: Any) -> bool:
    return tok.lower_ in _ATTRIBUTION or any(c.dep_ in ("case", "prep", "mark", "fixed") and c.lower_ in _ATTRIBUTION
                                             for c in tok.children)


def _subtree_span(tok: Any) -> tuple[int, int]:
    sub = list(tok.subtree)
    return sub[0].idx, sub[-1].idx + len(sub[-1].text)


def _first_other(cands: list[Entity], other: Entity | None) -> Entity | None:
    for c in cands:
        if not same_actor(c, other):
            return c
    return None


def _subject_holders(verb: Any) -> list[Any]:
    """The verb, and the verbs that lend it their subject: "continued to send", "is ready to contribute",
    "a décidé de livrer" (a controlled infinitive has no subject of its own)."""
    holders, cur = [verb], verb
    for _ in range(3):
        if cur.dep_ in ("xcomp", "acomp") or (cur.dep_ in ("ccomp", "advcl") and cur.tag_ == "VB"):
            cur = cur.head
            holders.append(cur)
            if cur.pos_ == "ADJ":  # "ready to": the subject hangs on the copula's head
                continue
        elif cur.dep_ == "acl" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head  # "issued a declaration demanding …": the issuer demands
            holders.append(cur)
        else:
            break
    return holders


_DEONTIC = frozenset("must should ought devoir falloir debe deber мати повинен має должен обязан".split())


def request_frame(parsed: Any, start: int, end: int, actors: list[Entity]) -> Roles | None:
    """"X said that Y must do Z" is PLOVER's REQUEST from X to Y, whatever Z is: the roles of that frame,
    or None when the trigger's clause carries no "must"/"should" under a speaker."""
    if parsed is None:
        return None
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _clause_head(span.root)
    for _ in range(2):  # "must be ready to mediate": the "must" is on the verb the trigger completes
        if any(c.dep_.startswith("aux") and c.lemma_.lower() in _DEONTIC for c in verb.children):
            break
        if verb.dep_ not in ("xcomp", "acomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    if not any(c.dep_.startswith("aux") and c.lemma_.lower() in _DEONTIC for c in verb.children):
        return None
    doer = [a for c in verb.children if c.dep_ in _SUBJECT for a in _in(_subtree_span(c), actors)]
    main = verb.head if verb.dep_ in ("ccomp", "xcomp", "advcl", "acl") else None
    if main is not None and main.pos_ == "NOUN" and verb.dep_ == "acl":
        main = main.head  # "issued a reminder to Iraq that it must cooperate": the reminder's issuer speaks
    if main is None or main.i == verb.i:
        return None
    speaker = [a for c in main.children if c.dep_ in _SUBJECT | _AGENT for a in _in(_subtree_span(c), actors)]
    if not speaker:
        return None
    target = _first_other(doer, speaker[0])
    return Roles(speaker[0], target, True)


_PRONOUNS = frozenset("it they he she we il elle ils elles він вона вони воно он она они оно él ella ellos ellas".split())


def _pronoun_subject(verb: Any) -> Any:
    for holder in _subject_holders(verb):
        for child in holder.children:
            if child.dep_ in _SUBJECT and child.lower_ in _PRONOUNS:
                return child
    return None


def _syntactic(parsed: Any, start: int, end: int, actors: list[Entity], event_type: str) -> Roles | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    trigger = span.root
    verb = _clause_head(trigger)
    subj: list[Entity] = []
    objs: list[Entity] = []
    patients: list[Entity] = []  # what a passive was done to: a target, never the source
    if not any(c.dep_ in _SUBJECT for c in verb.children):
        for holder in _subject_holders(verb)[1:]:
            for child in holder.children:
                if child.dep_ in _SUBJECT:
                    subj += _in(_subtree_span(child), actors)
    pronoun = _pronoun_subject(verb) if not subj else None
    if pronoun is not None:
        # "Syria says it is willing to withdraw": the pronoun stands for the last actor named before it
        before = [a for a in actors if a.end <= pronoun.idx]
        subj = before[-1:] if before else []
    for child in verb.children:
        if _attribution(child):
            continue  # "selon l'armée de l'air", "according to officials": who says so, not who does it
        rng = _subtree_span(child)
        if child.dep_ in _AGENT:
            subj = _in(rng, actors) + subj
        elif child.dep_ in _SUBJECT:
            # a named head before a possessive's: "Sudan's RSF shells ..." is the RSF (but "Sudan's government",
            # "U.S. negotiators": the head is a role noun, and the country codes it)
            subj += sorted(_in(rng, actors), key=lambda a: not (a.start <= child.idx < a.end and a.kind != "agent"))
        elif child.dep_ in _OBJECTS and not (rng[0] <= trigger.idx < rng[1] and child is not trigger):
            objs += _in(rng, actors)
            if child.dep_ in _PASSIVE_SUBJECT:
                patients += _in(rng, actors)
    if verb.dep_ == "conj" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.idx < verb.idx:
        # "Les États-Unis et l'Ukraine ont conclu": parsers often hang the verb on the first subject
        subj = _in((_subtree_span(verb.head)[0], verb.idx), actors) or subj
    if trigger is not verb:  # a noun trigger: its own modifiers ("réunion de X avec Y")
        rng = _subtree_span(trigger)
        inner = [a for a in _in(rng, actors) if a not in subj]
        objs = inner + [o for o in objs if o not in inner]
    objs.sort(key=lambda e: e.start)
    doers = [o for o in objs if o not in patients or event_type not in _VIOLENT]
    source = subj[0] if subj else (doers[0] if doers and trigger is not verb else None)
    if source is not None and source in objs:
        objs.remove(source)
    target = _first_other([s for s in subj[1:]] + objs, source) if event_type in SYMMETRIC else _first_other(objs, source)
    if target is None and event_type in SYMMETRIC:
        target = _first_other(subj[1:], source)
    if source is None and target is None:
        return None
    return Roles(source, target, True)


_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


_PREPOSITIONS = frozenset("""a al con contra para hacia de del en por sobre entre ante tras à au aux avec contre pour
    vers chez sur to with against for from into of at""".split())


def _after_preposition(text: str, actor: Entity) -> bool:
    words = text[max(0, actor.start - 12) : actor.start].split()
    return bool(words) and words[-1].casefold() in _PREPOSITIONS


def _positional(
    start: int, end: int, actors: list[Entity], text: str | None = None,
    cases: Callable[[Entity], frozenset[str]] | None = None,
) -> Roles:
    if text is not None:  # who says so is no role: "По данным Минобороны России, ПВО сбили ..."
        actors = [a for a in actors if not _ATTRIBUTED.search(text, max(0, a.start - 40), a.start)]
    # an actor that opens the trigger itself ("police arrested", "полиция задержала") is its doer
    before = [a for a in actors if a.end <= start or a.start == start]
    after = [a for a in actors if a.start >= end and a.start != start]
    if text is not None:
        # the target is in the trigger's clause: "ВСУ обстреляли Белгород, сообщил губернатор Гладков" -- the
        # governor reports, he is not shelled
        after = [a for a in after if not _CLAUSE_END.search(text, end, a.start)]
    source = before[-1] if before else None
    if text is not None and cases is None and len(before) > 1 and _after_preposition(text, source):
        # "España enviará a Ucrania ayuda": an actor after a preposition is no subject, but the recipient
        recipient = source
        source = next((a for a in reversed(before) if not _after_preposition(text, a)), source)
        if recipient is not source:
            return Roles(source, recipient, False)
    if cases is not None:
        # Ukrainian and Russian say who did it by case, not by order: "Харків атакували російські війська"
        nominative = [a for a in reversed(before) if "nomn" in cases(a)] + [a for a in after if "nomn" in cases(a)]
        if nominative and (source is None or "nomn" not in cases(source)):
            source = nominative[0]
        oblique = [a for a in after if "nomn" not in cases(a)] + [a for a in after if "nomn" in cases(a)]
        target = _first_other(oblique, source)
        if target is None:
            target = _first_other([a for a in reversed(before) if "nomn" not in cases(a)], source)
        return Roles(source, target, False)
    target = _first_other(after, source)
    if source is None and len(after) >= 2:
        source, target = after[0], _first_other(after[1:], after[0])
    return Roles(source, target, False)


def assign_roles(
    parsed: Any, start: int, end: int, actors: list[Entity], event_type: str, text: str | None = None,
    cases: Callable[[Entity], frozenset[str]] | None = None, head_end: int | None = None,
) -> Roles:
    """Source and target for the trigger at ``[start, end)`` among ``actors`` (entities of its sentence);
    ``head_end``, the end of the trigger's first word, lets the position fallback see the actors a phrase
    trigger steps over ("передала Україні тіла");
    with the article's ``text``, the position fallback keeps the target inside the trigger's clause; with
    ``cases`` (the grammatical cases an actor's words can be in), a nominative actor is the source."""
    if parsed is not None:
        roles = _syntactic(parsed, start, end, actors, event_type)
        if roles is not None and roles.source is not None:
            return roles
        patient = _passive_patient(parsed, start, end) if event_type in _VIOLENT and roles is not None else None
        if roles is not None and roles.target is not None and patient is not None \
                and patient[0] <= roles.target.start and roles.target.end <= patient[1]:
            # "sept personnes ont été tuées": the victims are the target; the doer, if any, is named elsewhere
            guess = _positional(start, head_end or end, actors, text, cases)
            if guess.source is not None and not same_actor(guess.source, roles.target):
                return Roles(guess.source, roles.target, False)
            return Roles(None, roles.target, True)
    return _positional(start, head_end or end, actors, text, cases)


def _passive_patient(parsed: Any, start: int, end: int) -> tuple[int, int] | None:
    """The character range of a passive's subject when the passive names no doer ("were killed"), else None."""
    root = span_root(parsed, start, end)
    if root is None:
        return None
    verb = _clause_head(root)
    if any(c.dep_ in _AGENT for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT), None)
    if subject is None:
        return None
    return _subtree_span(subject)
