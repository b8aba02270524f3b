"""Event coding: triggers over lemmas, roles by syntax, modality, contexts, place and date, one event per real event.

Per sentence, the trigger lexicon proposes PLOVER types; the strongest trigger
codes the sentence's event. Roles come from :mod:`kronika.events.roles`.
Sentences of one article that report the same event (same type, same pair of
actors or countries; or an actorless follow-up such as "the document was signed
in Washington") become one event with several evidence spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import replace
import hashlib
import math
import re
from typing import Any

from ..events.lexicon import Lexicon, Trigger, load_lexicon
from ..events.roles import SYMMETRIC, Roles, assign_roles, request_frame, same_actor
from ..model import DateValue, Document, Entity, Event, Place, Span
from ..nlp.lemmas import Lemmatizers
from ..nlp.parse import clause_head, span_root
from ..nlp.tokens import Token
from .dates import date_for

__all__ = ["EventStage"]

_LOCATIVE = frozenset("à a au aux en in at near à dans près в у под біля під около en cerca".split())
_ES_FUTURE = ("rá", "rán", "ré", "rás", "remos", "réis")  # accented: "enviara" is a past subjunctive
_ES_CONDITIONAL = ("ría", "rían", "ríamos", "ríais")
_CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2"})
_NEGATION_AFTER = {"fr": frozenset("pas jamais rien plus aucun aucune guère point".split())}
# a negation that is a refusal: with these verbs, or with a future or a conditional ("will not accept")
_REFUSAL_WORDS = frozenset("fail refuse refrain decline échouer refuser отказаться отказываться відмовитися відмовлятися negar rehusar".split())
_REFUSAL_CUES = frozenset({"refusal", "future", "hypothetical"})
_MODALITY_ORDER = ("negated", "denied", "hypothetical", "future", "reported")


class EventStage:
    name = "events"
    requires = ("sentences", "dates", "entities", "tokens", "places")
    assigns = ("events", "relevance")

    def __init__(self) -> None:
        self.lemmatizers = Lemmatizers()
        self._lexicon: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            from ..cache import cached_pickle, code_fingerprint

            code = code_fingerprint("kronika.events.lexicon", "kronika.nlp.phrases", "kronika.nlp.tokens", "kronika.nlp.lemmas")
            self._lexicon = cached_pickle("lexicon", f"{code}-{_data_fingerprint()}", lambda: load_lexicon(self.lemmatizers))
        return self._lexicon

    def __call__(self, doc: Document) -> None:
        tokens: list[Token] = doc.scratch.get("tokens", [])
        starts = [t.start for t in tokens]
        parsed = doc.scratch.get("spacy")
        actors = _named_over_roles([e for e in doc.entities if _is_actor(e)], doc.text,
                                   self._verb_reader(parsed, tokens, doc.article.lang or "en"))
        pro, con = self._cues(doc, tokens)
        # sport, markets, culture: "battre", "frapper" are not violence there; one stray cue word ("match"
        # as a verb, "cup") does not make an article off-topic
        off_topic = con >= 2 and con > pro
        events: list[tuple[int, Event]] = []
        # the words of a name are no event words: "Rapid Support Forces", "Forces de soutien rapide"
        names = sorted((e.start, e.end) for e in doc.entities if e.kb_id and e.kind not in ("agent", "place", "country"))
        outside_names = lambda _p, words: not _in_a_name(names, words[0].start)  # noqa: E731
        for si, sent in enumerate(doc.sentences):
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            lang = _lang_at(doc, sent.start)
            trie = self.lexicon.triggers.get(lang)
            if trie is None or lo >= hi:
                continue
            found = [m for m in trie.match(tokens, accept=outside_names, lo=lo, hi=hi)
                     if _pos_agrees(parsed, tokens[m.first], m.payloads)]
            found = self._not_cues(found, tokens, lo, hi, lang)
            if not found:
                continue
            sent_actors = [a for a in actors if sent.start <= a.start and a.end <= sent.end]
            capitals = [e for e in doc.entities if e.role == "capital" and e.kind == "place"
                        and sent.start <= e.start and e.end <= sent.end]
            cases = self._case_reader(lang) if parsed is None else None
            chosen = self._choose(found, tokens, parsed, sent_actors, off_topic, capitals, doc.text, cases,
                                  doc.scratch.get("demonyms", []))
            if chosen is None:
                continue
            events.append((si, self._event(doc, sent, tokens, (lo, hi), lang, parsed, found, sent_actors, actors, chosen)))
            second = self._second(found, chosen, tokens, parsed, sent_actors, doc.text)
            if second is not None:  # "Russia struck Kharkiv, and Zelensky demanded more air defence"
                events.append((si, self._event(doc, sent, tokens, (lo, hi), lang, parsed, found, sent_actors, actors, second)))
        self.conclude(doc, _corefer(events), pro, con)

    def _event(self, doc: Document, sent: Span, tokens: list[Token], bounds: tuple[int, int], lang: str, parsed: Any,
               found: list[Any], sent_actors: list[Entity], actors: list[Entity], chosen: tuple[Any, Trigger, Roles]) -> Event:
        """The event a chosen trigger codes: its type after PLOVER's conventions, roles, modality, place and date."""
        lo, hi = bounds
        match, trig, roles = chosen
        t_start, t_end = tokens[match.first].start, tokens[match.last].end
        frame = request_frame(parsed, t_start, t_end, sent_actors)
        if frame is not None:
            trig, roles = replace(trig, type="REQUEST", mode=None, acled_type=None, acled_subtype=None), frame
        if trig.acled_subtype == "Disrupted weapons use" and trig.type == "ASSAULT":
            # "air defences shot down 70 drones": the defender is the grammatical subject; PLOVER's actor
            # is the attacker, named with the weapons ("drones lancés par la Russie", "Russian drones") or
            # only in the sentence before, which this one then supports
            attacker = _launcher(doc, parsed, t_start, t_end, sent_actors, roles.source)
            roles = Roles(attacker, roles.source, roles.by_syntax) if attacker is not None else \
                Roles(roles.target, roles.source, roles.by_syntax)
        elif roles.source is not None and roles.target is None and trig.type != "PROTEST":  # protests happen at a place
            roles.target = _place_recipient(doc, sent, tokens[match.first].end, roles.source)
        if roles.source is not None and same_actor(roles.source, roles.target):
            roles.target = None
        if trig.type == "MOBILIZE" and roles.source is not None and _EXERCISE.search(doc.text, t_start, t_end):
            partner = _joint_partner(doc, sent, roles.source, sent_actors, t_end)
            if partner is not None:  # "French and Egyptian warships launched war games": a joint exercise
                trig = replace(trig, type="COOPERATE", mode=None, acled_type=None, acled_subtype=None)
                roles = Roles(roles.source, partner, roles.by_syntax)
        cues = self._modality_cues(tokens, lo, hi, (match.first, match.last), lang, parsed, t_start, t_end)
        event = Event(
            id="", event_type=trig.type, source=roles.source, target=roles.target, evidence=[sent],
            mode=trig.mode, acled_type=trig.acled_type, acled_subtype=trig.acled_subtype,
            contexts=sorted(set(trig.contexts) | self._contexts(tokens, lo, hi, lang)),
            modality=_pick_modality(cues),
            location=_place(doc, sent, actors, t_end, verbal=trig.type in _VERBAL),
            confidence=_confidence(trig, roles.source, roles.target, roles.by_syntax),
        )
        event.date = date_for(doc, t_start, t_end)
        _plover_intent(event, refusal="negated" in cues and bool(cues & _REFUSAL_CUES),
                       ultimatum=bool(_ULTIMATUM.get(lang) and _ULTIMATUM[lang].search(doc.text, sent.start, sent.end)))
        # two words of the same kind corroborate each other: "вибухи ... влучання", "удар ... погибли"
        corroborated = sum(any(t.type == trig.type for t in m.payloads) for m in found) >= 2
        if trig.weak and not corroborated and (roles.source is None or roles.target is None):
            event.flags.append("weak_trigger")
        return event

    def _second(self, found: list[Any], chosen: tuple[Any, Trigger, Roles], tokens: list[Token], parsed: Any,
                actors: list[Entity], text: str) -> tuple[Any, Trigger, Roles] | None:
        """A second act the sentence reports in a clause of its own, coordinated with the first ("X struck Y, and
        Z demanded W"; not a complement or a circumstance of it): a strong trigger of another type whose doer the
        parse names. Only with a parse."""
        first = span_root(parsed, tokens[chosen[0].first].start, tokens[chosen[0].last].end)
        if first is None:
            return None
        head = clause_head(first)
        for m in found:
            if m is chosen[0] or (m.first <= chosen[0].last and chosen[0].first <= m.last):
                continue
            trig = _specific(_reading(m, found, parsed, tokens), found, m)
            if trig.type == chosen[1].type or _background(parsed, tokens[m.first]):
                continue
            start, end = tokens[m.first].start, tokens[m.last].end
            root = span_root(parsed, start, end)
            if root is None or not _coordinated(clause_head(root), head) or (trig.weak and root.pos_ != "VERB"):
                continue  # a weak word counts only as the verb of its own clause ("and Zelensky demanded")
            roles = assign_roles(parsed, start, end, actors, trig.type, text)
            if roles.by_syntax and roles.source is not None:
                return m, trig, roles
        return None

    def conclude(self, doc: Document, events: list[Event], pro: int, con: int) -> None:
        """Finish the article's events (ids, fallback dates, flags, CAMEO codes) and score its relevance."""
        doc.events = _finalise(doc, events, self.lexicon.threshold)
        cameo = self.lexicon.cameo
        for ev in doc.events:
            ev.cameo = cameo.get(f"{ev.event_type}/{ev.mode}") or cameo.get(ev.event_type)
        asserted = sum(e.modality == "asserted" and e.source is not None for e in doc.events)
        doc.relevance = 1 / (1 + math.exp(-(1.5 * asserted + 0.25 * pro - 0.5 * con - 1.0)))

    # -- sentence features ----------------------------------------------------------------------

    def _modality(
        self, tokens: list[Token], lo: int, hi: int, trig: tuple[int, int], lang: str, parsed: Any, start: int, end: int
    ) -> str:
        return _pick_modality(self._modality_cues(tokens, lo, hi, trig, lang, parsed, start, end))

    def _modality_cues(
        self, tokens: list[Token], lo: int, hi: int, trig: tuple[int, int], lang: str, parsed: Any, start: int, end: int
    ) -> set[str]:
        """The modality cues around a trigger: negated, denied, hypothetical, future, reported, and
        "refusal" where a negation is a verb of refusing or failing ("refused to", "failed to reach")."""
        found: set[str] = set()
        trie = self.lexicon.modality.get(lang)
        verbal = parsed is not None and not _nominal(parsed, start, end)
        if trie is not None:
            w_lo, w_hi = max(lo, trig[0] - 8), min(hi, trig[1] + 4)
            # every cue that starts in the window, overlapping ones too: "не будет" is a negation and
            # "будет" a future, and together a refusal
            window = (trie.longest_at(tokens, i, w_hi) for i in range(w_lo, w_hi))
            for m in (m for m in window if m is not None):
                if m.last < trig[0]:
                    found.update(m.payloads)
                    if "negated" in m.payloads and tokens[m.first].lemma in _REFUSAL_WORDS:
                        found.add("refusal")
                elif m.first > trig[1]:  # "intention" in "déclaration d'intentions" is the event
                    # after a verb, a cue belongs to its complements ("agreed to resign without returning",
                    # "mobilised reservists for a possible war"): only French "ne ... pas" and reporting
                    # cues still qualify it; after a noun ("les frappes prévues") any cue does
                    after = set(m.payloads)
                    if tokens[m.first].key not in _NEGATION_AFTER.get(lang, ()):
                        after.discard("negated")
                    if verbal:
                        after &= {"negated", "reported", "denied"}
                    found.update(after)
        if lang == "es" and parsed is None:
            # Spanish says the future and the conditional in the verb's ending: "enviará", "respondería"
            for tok in tokens[max(lo, trig[0] - 6) : trig[1] + 1]:  # the verb before a noun trigger too
                word = tok.text.lower()
                if len(word) <= 4 or not tok.lemma.endswith(("ar", "er", "ir")):
                    continue  # a verb's ending, not "artillería"
                if word.endswith(_ES_FUTURE):
                    found.add("future")
                elif word.endswith(_ES_CONDITIONAL):
                    found.add("hypothetical")
        if lang in ("uk", "ru"):
            # a perfective verb's non-past form is its future: "виділить", "нанесут" (no auxiliary says so); for a
            # noun, the verb just before it ("ответит на удары")
            for tok in tokens[max(lo, trig[0] - 3) : trig[0] + 1][::-1]:
                tags = self.lemmatizers.grammemes(tok.text.lower(), lang) or frozenset()
                if "VERB" in tags or "INFN" in tags:
                    if "futr" in tags and "VERB" in tags and not tags & {"pres", "past"}:
                        found.add("future")
                    break
        if parsed is not None:
            span = parsed.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                root = span.root
                verb = root if root.pos_ in ("VERB", "AUX") else root.head
                morph = {f"{k}={v}" for tok in [verb, *[c for c in verb.children if c.dep_.startswith("aux")]] for k, v in tok.morph.to_dict().items()}
                if "Tense=Fut" in morph:
                    found.add("future")
                if "Mood=Cnd" in morph:
                    found.add("hypothetical")
                if any(c.lower_ in ("pas", "jamais", "not", "never") and c.dep_ == "advmod" for c in verb.children):
                    found.add("negated")
        return found

    def _contexts(self, tokens: list[Token], lo: int, hi: int, lang: str) -> set[str]:
        trie = self.lexicon.contexts.get(lang)
        if trie is None:
            return set()
        return {p for m in trie.match(tokens, lo=lo, hi=hi) for p in m.payloads}

    def _choose(
        self, found: list[Any], tokens: list[Token], parsed: Any, actors: list[Entity], off_topic: bool,
        capitals: list[Entity] | None = None, text: str | None = None,
        cases: Callable[[Entity], frozenset[str]] | None = None, demonyms: list[tuple[int, int, str]] | None = None,
    ) -> tuple[Any, Trigger, Roles] | None:
        """The sentence's event trigger: the main predicate first (nearest the root of the parse), then the
        strongest; a candidate that ties to no actor gives way to the next ("la décision a été prise lors
        d'une réunion de X avec Y": "prise" has no actor, "réunion" has two)."""
        background = {id(m): _background(parsed, tokens[m.first]) for m in found}
        ranked = sorted(
            found, key=lambda m: (not background[id(m)], -_depth(parsed, tokens[m.first], tokens[m.last]),
                                  max(_strength(t, m.last - m.first) for t in m.payloads)),
            reverse=True,
        )
        ranked = _frames_first(ranked, parsed, tokens)
        follow_up = None
        for match in ranked:
            trig = _specific(_reading(match, found, parsed, tokens), found, match)
            start, end = tokens[match.first].start, tokens[match.last].end
            if background[id(match)] and follow_up is not None and not follow_up[1].weak:
                break  # the sentence's own act, even without its actor, over the circumstances it mentions
            if trig.weak and off_topic:
                continue
            nominal = parsed is not None and _nominal(parsed, start, end)
            if trig.weak and nominal and not any(
                m is not match and any(t.type == trig.type for t in m.payloads)
                and not _nominal(parsed, tokens[m.first].start, tokens[m.last].end)
                for m in found
            ):
                continue  # "l'avion F-16", "missiles": a weapon named is no attack without a verb saying so
            roles = assign_roles(parsed, start, end, actors, trig.type, text, cases, tokens[match.first].end)
            if roles.source is not None and roles.source.kind == "agent" and roles.source.role in _VICTIM_ROLES:
                # "42 blessés", "victims": who suffered it, never who did it
                roles = Roles(None, roles.target or roles.source, roles.by_syntax)
            if capitals and parsed is not None and (roles.source is None or not roles.by_syntax):
                # a capital in the subject speaks for its government: "Washington demanded that Hamas ..."
                cap = assign_roles(parsed, start, end, capitals, trig.type)
                if cap.by_syntax and cap.source is not None and _is_subject(parsed, cap.source):
                    target = roles.target if roles.by_syntax and roles.target is not None else cap.target
                    roles = Roles(cap.source, None if same_actor(cap.source, target) else target, True)
            if capitals and parsed is not None and roles.source is None and text is not None:
                # a parse that misses the subject ("Paris et Rabat ont convenu" parsed as two roots): capitals
                # opening the sentence before its verb speak for their governments
                opening = [c for c in capitals if c.end <= start and _opens_sentence(text, c.start, capitals)]
                if opening and not trig.weak and not nominal:
                    others = [c for c in capitals if c is not opening[0] and c.end <= start and not same_actor(c, opening[0])]
                    roles = Roles(opening[0], others[0] if others else roles.target, False)
            if capitals and parsed is None and cases is not None and (roles.source is None or "nomn" not in cases(roles.source)):
                # "Москва потребовала от Вашингтона", "Баку приостановил": a capital in the nominative
                # before the act speaks for its government
                cap = next((c for c in reversed(capitals) if c.end <= start and "nomn" in cases(c)), None)
                if cap is not None:
                    other = roles.target or next((c for c in capitals if c.start >= end), None)
                    roles = Roles(cap, None if same_actor(cap, other) else other, False)
            if trig.type in _FORCE and text is not None and (roles.source is None or (nominal and not roles.source.country)
                                                              or (nominal and parsed is not None and not _is_subject(parsed, roles.source))):
                # "frappes de missiles russes", "Russian missile strikes": a country adjective in the attack's own
                # words names its doer, unless the sentence's subject does
                said = _demonym_in(demonyms or [], start, end)
                if said is not None and (roles.source is None or roles.source.country != said[2]):
                    roles = Roles(_forces(text, *said), roles.target, roles.by_syntax)
            if not roles.by_syntax and nominal:
                # "Israeli airstrikes", "frappes israéliennes": the strike named with its country is its doer
                own = next((a for a in actors if a.kind == "agent" and a.country and a.start <= start
                            and end <= a.end), None)
                if own is not None:
                    roles = Roles(own, None if same_actor(own, roles.target) else roles.target, True)
            if parsed is not None and not roles.by_syntax and (nominal or trig.weak):
                # the parse ties it to no actor ("sur le champ de bataille"): at most the follow-up of an
                # event just reported ("ce document a été signé à Washington")
                roles = Roles(None, None, False)
            if roles.source is not None:
                return match, trig, roles
            if trig.type in _FORCE and not trig.weak and roles.by_syntax and roles.target is not None \
                    and not background[id(match)]:
                return match, trig, roles  # "a missionary was arrested in Lebanon for ...": the act, its doer unnamed
            if follow_up is None or (follow_up[1].weak and not trig.weak):
                follow_up = (match, trig, roles)  # a strong trigger speaks for an unattributed event
        return follow_up

    def _verb_reader(self, parsed: Any, tokens: list[Token], lang: str) -> Callable[[int, int], bool] | None:
        """Whether a verb stands in a stretch of text: by the parse, else (Ukrainian, Russian) by pymorphy3."""
        if parsed is not None:
            def by_parse(start: int, end: int) -> bool:
                span = parsed.char_span(start, end, alignment_mode="expand")
                return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)
            return by_parse
        if lang in ("uk", "ru"):
            grammemes = self.lemmatizers.grammemes

            def by_morphology(start: int, end: int) -> bool:
                return any({"VERB", "INFN", "PRTS", "GRND"} & (grammemes(t.text.lower(), lang) or frozenset())
                           for t in tokens if start <= t.start and t.end <= end)
            return by_morphology
        return None

    def _case_reader(self, lang: str) -> Callable[[Entity], frozenset[str]] | None:
        """For Ukrainian and Russian, the cases an actor can be in: those its first word can be in, when
        pymorphy3 reads it as a noun, adjective or name (names it does not know count as any case)."""
        if lang not in ("uk", "ru"):
            return None
        grammemes = self.lemmatizers.grammemes

        def cases(actor: Entity) -> frozenset[str]:
            word = actor.text.split()[0].strip("«»\"'’") if actor.text.split() else ""
            tags = grammemes(word.lower(), lang) or frozenset()
            found = tags & _CASES
            return frozenset(found) if found and "UNKN" not in tags else _CASES

        return cases

    def _not_cues(self, found: list[Any], tokens: list[Token], lo: int, hi: int, lang: str) -> list[Any]:
        """Drop triggers inside fixed multi-word modality cues: "according to" reports, it is no AGREE."""
        trie = self.lexicon.modality.get(lang)
        if trie is None or not found:
            return found
        cues = [(m.first, m.last) for m in trie.match(tokens, lo=lo, hi=hi) if m.last > m.first]
        return [m for m in found if not any(a <= m.first and m.last <= b for a, b in cues)]

    def _cues(self, doc: Document, tokens: list[Token]) -> tuple[int, int]:
        """Counts of cue words that the article is (or is not) political and security news."""
        trie = self.lexicon.relevance.get(doc.article.lang or "en")
        pro = con = 0
        if trie is not None:
            for m in trie.match(tokens):
                if "irrelevant" in m.payloads:
                    con += 1
                else:
                    pro += 1
        con += 2 * sum(1 for t in tokens if _SCORELINE.fullmatch(t.text))  # "3-0", "2–1": a match result, a strong cue
        return pro, con


def _data_fingerprint() -> str:
    from importlib import resources

    h = hashlib.sha256()
    folder = resources.files("kronika.events") / "data"
    for f in sorted(folder.iterdir(), key=lambda f: f.name):
        if f.name.endswith(".yaml"):
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


_SCORELINE = re.compile(r"\d{1,2}[-–]\d{1,2}")  # not "10:30", a time
_FORCE = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})
_VICTIM_ROLES = frozenset({"wounded", "victims"})
# statements: their places are mostly what they are about, not where they were made
_VERBAL = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE"})
_COOPERATION = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
# REJECT's modes (shared with REQUEST) by the cooperation refused
_REFUSED_MODE = {"CONSULT": "meet", "SUPPORT": "assist", "COOPERATE": "assist", "AID": "assist",
                 "CONCEDE": "yield", "RETREAT": "yield"}


def _pick_modality(cues: set[str]) -> str:
    for name in _MODALITY_ORDER:
        if name in cues:
            return "negated" if name == "denied" else name
    return "asserted"


# "will withdraw its force unless ...": a conditional announcement is a threat
_ULTIMATUM = {
    "en": re.compile(r"\b(?:unless|otherwise|or else)\b", re.I),
    "fr": re.compile(r"\b(?:à moins qu|sinon\b|faute de quoi)", re.I),
    "uk": re.compile(r"\b(?:інакше|якщо не|в іншому разі)\b", re.I),
    "ru": re.compile(r"\b(?:иначе|если не|в противном случае)\b", re.I),
    "es": re.compile(r"\b(?:a menos que|de lo contrario|salvo que)\b", re.I),
}


def _plover_intent(event: Event, refusal: bool = False, ultimatum: bool = False) -> None:
    """PLOVER codes an announced, conditional or refused act as the statement it is.

    - refused cooperation ("will not accept", "failed to reach agreement", "would not meet demands": a
      negation with a refusal verb or a future or conditional) is REJECT ("all rejections and refusals"),
      and the refusal itself is asserted; a plain past negation ("n'a pas livré") stays a negated event;
    - future cooperation is AGREE ("will release the hostages" is a promise; the manual would code a future
      RETREAT as CONCEDE, the PLOVER gold standard codes it AGREE, and kronika follows the gold);
    - future force, and future protest (strikes, boycotts, blockades), is THREATEN.

    The original type stays in the flags, so the act itself is never counted as having happened."""
    kind = event.event_type
    if refusal and event.modality == "negated" and (kind == "AGREE" or kind in _COOPERATION):
        event.flags.append(f"refused:{kind}")
        event.event_type, event.mode, event.modality = "REJECT", _REFUSED_MODE.get(kind), "asserted"
        event.acled_type = event.acled_subtype = None
        return
    if event.modality not in ("future", "hypothetical"):
        return
    if ultimatum and kind in _COOPERATION | _CONFLICT | {"PROTEST"}:
        new, mode = "THREATEN", "relations" if kind in ("SANCTION", "CONSULT", "COOPERATE", "AID") else None
    elif kind in _COOPERATION:
        new, mode = "AGREE", None
    elif kind in _CONFLICT:
        new, mode = "THREATEN", ("violence" if kind in ("ASSAULT", "MOBILIZE") else
                                 "relations" if kind == "SANCTION" else None)
    elif kind == "PROTEST":
        new, mode = "THREATEN", "restrict"
    else:
        return
    event.flags.append(f"intent:{kind}")
    event.event_type, event.mode, event.acled_type, event.acled_subtype = new, mode, None, None


def _pos_agrees(parsed: Any, tok: Token, triggers: list[Trigger]) -> bool:
    """With a parse, a one-word verb trigger must be a verb and a noun trigger a noun ("munitions critiques")."""
    if parsed is None or all(t.n_tokens > 1 for t in triggers):
        return True
    span = parsed.char_span(tok.start, tok.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    pos = span.root.pos_
    wanted = {t.pos for t in triggers if t.n_tokens == 1}
    return ("verb" in wanted and pos in ("VERB", "AUX")) or ("noun" in wanted and pos in ("NOUN", "PROPN")) or (
        "phrase" in wanted
    )


def _nominal(parsed: Any, start: int, end: int) -> bool:
    """Is the trigger a noun phrase ("frappe", "champ de bataille") rather than a verb phrase?"""
    span = parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.pos_ in ("NOUN", "PROPN")


# verbs whose object names the event: "held talks", "a mené des frappes", "tenu une réunion"
_LIGHT_VERBS = frozenset("""hold held carry conduct stage launch mount make have take mener effectuer tenir conduire
    lancer organiser réaliser procéder faire avoir""".split())
_PROTEST_PARTS = frozenset({"REQUEST", "ACCUSE", "REJECT", "RETREAT", "CONSULT"})


def _frames_first(ranked: list[Any], parsed: Any, tokens: list[Token]) -> list[Any]:
    """Two PLOVER conventions a trigger's depth does not see:

    - a protest with its demands is a PROTEST: "вышли на митинг, требуя отставки", "se sont rassemblés
      ..., dénonçant", "bloqué plusieurs axes pour protester" (the demand, the denunciation, the blocking
      are how the protest is described);
    - a light verb takes the type of the event noun it holds: "held a round of talks", "a mené des frappes"
      ("held" alone reads as detention).
    """
    protest = next((m for m in ranked if any(t.type == "PROTEST" for t in m.payloads)), None)
    if protest is not None and ranked[0] is not protest:
        parts = {t.type for t in ranked[0].payloads}
        # a demand or a denunciation describes any protest; a blockade ("bloqué des axes pour protester"),
        # only one said as a verb (a "blockade" noun in a side clause is no protest of the sentence's actor)
        said = any(t.type == "PROTEST" and not t.weak and t.pos != "noun" for t in protest.payloads) and (
            parsed is None or not _nominal(parsed, tokens[protest.first].start, tokens[protest.last].end))
        # without a parse, a protest named after the demand is what is demanded ("pidió ... respetar el derecho a
        # la protesta"), not the protest that demands
        central = _depth(parsed, tokens[protest.first], tokens[protest.last]) <= _depth(
            parsed, tokens[ranked[0].first], tokens[ranked[0].last]) and (
            parsed is not None or protest.first < ranked[0].first)
        if (central and parts <= {"REQUEST", "ACCUSE"}) or (said and parts <= _PROTEST_PARTS):
            ranked = [protest] + [m for m in ranked if m is not protest]
    top = ranked[0]
    if parsed is not None and all(t.weak for t in top.payloads):
        verb = parsed.char_span(tokens[top.first].start, tokens[top.last].end, alignment_mode="expand")
        if verb is not None and len(verb) and verb.root.pos_ == "VERB" and verb.root.lemma_.lower() in _LIGHT_VERBS:
            for m in ranked[1:]:
                span = parsed.char_span(tokens[m.first].start, tokens[m.last].end, alignment_mode="expand")
                if span is None or not len(span) or span.root.pos_ != "NOUN" or all(t.weak for t in m.payloads):
                    continue
                if span.root.head.i == verb.root.i and span.root.dep_ in ("obj", "dobj"):
                    return [m] + [x for x in ranked if x is not m]
    return ranked


def _reading(match: Any, found: list[Any], parsed: Any, tokens: list[Token]) -> Trigger:
    """Which of a trigger's readings the sentence means. "appeler", "call" with an infinitive or a clause
    after it is a REQUEST ("a appelé Israël à cesser"), not a phone call; otherwise a reading that another
    trigger of the sentence shares wins ("se sont rassemblés ... pour protester": PROTEST, not a meeting);
    then a strong reading over a weak one, a longer over a shorter."""
    readings = match.payloads
    root = span_root(parsed, tokens[match.first].start, tokens[match.last].end)
    if len({t.type for t in readings}) > 1:
        types = {t.type for t in readings}
        if "REQUEST" in types and root is not None:
            # the infinitive may hang off the one called on: "a appelé les belligérants à conclure une trêve"
            heads = [root, *(c for c in root.children if c.dep_ in ("obj", "dobj"))]
            if any(c.dep_ in ("xcomp", "ccomp", "advcl", "acl") and c.pos_ == "VERB" and c.i > root.i
                   and (h is root or c.dep_ != "acl" or any(m.dep_ == "mark" for m in c.children))
                   for h in heads for c in h.children):
                return next(t for t in readings if t.type == "REQUEST")
        others = {t.type for m in found if m is not match for t in m.payloads if not t.weak}
        shared = [t for t in readings if t.type in others]
        if shared:
            readings = shared
    verbal = root is not None and root.pos_ in ("VERB", "AUX")
    # a verb's verb reading, a noun's noun reading: "Russian forces struck Kharkiv" attacked, they did not strike
    return max(readings, key=lambda t: (not t.weak, t.n_tokens, root is not None and (t.pos == "verb") == verbal))


def _specific(trig: Trigger, found: list[Any], chosen: Any) -> Trigger:
    """Take mode and ACLED type from a more specific trigger of the same type in the sentence
    ("a mené des frappes de missiles": "mener frappe" codes ASSAULT, "frappe missile" says how)."""
    if trig.mode and trig.acled_type:
        return trig
    for m in found:
        if m is chosen:
            continue
        for t in m.payloads:
            if t.type == trig.type and not t.weak and (t.mode or t.acled_type):
                return replace(trig, mode=trig.mode or t.mode, acled_type=trig.acled_type or t.acled_type,
                               acled_subtype=trig.acled_subtype or t.acled_subtype)
    return trig


def _depth(parsed: Any, first: Token, last: Token | None = None) -> int:
    """Head hops from the trigger (the head of its words, "warplanes struck": struck) to the root of its
    sentence (0 without a parse)."""
    node, depth = span_root(parsed, first.start, (last or first).end), 0
    if node is None:
        return 0
    while node.head.i != node.i and depth < 20:
        node, depth = node.head, depth + 1
    return depth


# words that open the circumstances of a sentence's act rather than the act: "one day after a jet shot down
# ...", "closed its borders because of fighting", "a strike over a bill signed by ..."
_BACKGROUND_WORDS = frozenset("""after following because since amid despite before when while over
    après suite malgré depuis parce avant lorsque quand tras después debido pese desde porque antes cuando""".split())


def _background(parsed: Any, tok: Token) -> bool:
    """Is the trigger in a clause or phrase that gives the circumstances of the sentence's act (a time, a
    cause, a relative clause describing a participant) rather than the act itself?"""
    node, hops = span_root(parsed, tok.start, tok.end), 0
    if node is None:
        return False
    while node.head.i != node.i and hops < 20:
        if node.dep_ in ("relcl", "acl:relcl"):
            return True
        if node.dep_ in ("prep", "mark", "case") and node.lower_ in _BACKGROUND_WORDS:
            return True
        if any(c.dep_ in ("mark", "case") and c.lower_ in _BACKGROUND_WORDS for c in node.children):
            return True
        node, hops = node.head, hops + 1
    return False


def _strength(t: Trigger, length: int) -> tuple[bool, bool, int]:
    # the predicate beats topic nouns: "rejected the peace plan" is REJECT, not AGREE
    return (not t.weak, t.pos == "verb", length)


def _lang_at(doc: Document, offset: int) -> str:
    for para, lang in zip(doc.paragraphs, doc.paragraph_langs):
        if para.start <= offset < para.end:
            return lang if lang == doc.article.lang or len(para.text) > 80 else doc.article.lang or lang
    return doc.article.lang or "en"


_THINGS = frozenset({"military platforms", "military strikes"})  # actors only with a country: "Israeli tanks"


def _is_actor(e: Entity) -> bool:
    if e.kind == "place" or (e.kb_id or "").startswith("geo/"):
        return False
    if e.kind == "agent" and e.role in _THINGS and e.country is None:
        return False
    if e.kind in ("weapon_system", "weapon_program", "conference"):
        return False
    return bool(e.kb_id) or e.label in ("PER", "ORG", "AGENT")


_APPOSED = re.compile(r"\s*(?:[^\W\d]+)?\s*")  # at most one word between: a demonym, an organisation


def _named_over_roles(actors: list[Entity], text: str, verbal: Callable[[int, int], bool] | None = None) -> list[Entity]:
    """What stands in a named person's title is the person's, not an actor of its own: an agent noun ("el
    líder venezolano Nicolás Maduro"), and an organisation or country of the person's own country ("Kremlin
    spokesman Dmitry Peskov", "German Defence Minister Boris Pistorius", "le chef de la diplomatie française
    Jean-Noël Barrot"). ``verbal(start, end)`` says whether a verb stands between (then it is a clause:
    "Russia jailed Navalny"); without it, only one word may."""
    out = []
    for i, a in enumerate(actors):
        person = next((p for p in actors[i + 1 : i + 4] if p.label == "PER"), None)
        if a.label != "PER" and person is not None and person.start - a.end <= 40:
            gap = text[a.end : person.start]
            between = [b for b in actors if a.end <= b.start and b.end <= person.start]
            if a.kind == "agent" and not between and person.start - a.end <= 20 and _APPOSED.fullmatch(gap) and (
                    verbal is None or not verbal(a.end, person.start)):
                continue  # "el líder venezolano Nicolás Maduro"; not "Israeli troops raided Jenin"
            own = a.country is not None and person.country in (a.country, None)
            words = re.findall(r"[^\W\d]+", gap)
            if own and not re.search(r"[,;:()\"«»—–]", gap) and len(words) <= 4 and all(
                b.country == a.country for b in between) and (
                    not verbal(a.end, person.start) if verbal is not None else len(words) <= 1):
                continue
        out.append(a)
    return out


def _confidence(t: Trigger, source: Entity | None, target: Entity | None, by_syntax: bool) -> float:
    c = 0.35 if t.weak else 0.55
    c += 0.15 if source is not None and source.kb_id else 0.05 if source is not None else -0.2
    c += 0.1 if target is not None and target.kb_id else 0.0
    c += 0.1 if by_syntax else 0.0
    return max(0.05, min(0.99, c))


def _place(doc: Document, sent: Span, actors: list[Entity], trigger_end: int, verbal: bool = False) -> Place | None:
    """Where it happened: a place after a locative word ("à Washington", "у Києві"), else, for an act (not a
    statement, whose places are what it is about: "pressure on Moscow"), the first place named after the
    trigger ("shelled Kharkiv") or the sentence's one place; never a place inside an actor's name."""
    inside = [
        p for p in doc.places
        if p.start is not None and sent.start <= p.start and p.end <= sent.end
        # a place inside a longer actor name ("ministère de la Défense de l'Ukraine") is not where it happened
        and not any(a.start <= p.start and p.end <= a.end and (a.start, a.end) != (p.start, p.end) for a in actors)
    ]
    for place in inside:
        before = doc.text[max(sent.start, place.start - 12) : place.start].split()
        if before and before[-1].casefold().strip("'’") in _LOCATIVE:
            return place
    if verbal:
        return None
    after = next((p for p in inside if p.start >= trigger_end and p.precision == "place"), None)
    if after is not None:
        return after
    # the sentence's one town or region, wherever it stands ("un marché de Bagdad")
    local = [p for p in inside if p.precision in ("place", "region")]
    return local[0] if len(local) == 1 else None


def _place_recipient(doc: Document, sent: Span, after: int, source: Entity) -> Entity | None:
    """With no actor to receive it, the place an act is aimed at stands for its people and government
    ("arrived in Amman", "shelled Kharkiv", "атакували Харків ударними дронами"), as PLOVER codes a city by
    its country. ``after`` is the end of the trigger's first word."""
    for e in doc.entities:
        if e.kind == "place" and e.start >= after and sent.start <= e.start and e.end <= sent.end:
            if e.country and e.country != source.country and e.start - after <= 40:
                return e
    if source.start >= after:
        # the doer comes after the act ("Харків атакували російські війська"): the place before it
        for e in doc.entities:
            if (e.kind == "place" and sent.start <= e.start and e.end < after and after - e.end <= 40
                    and e.country and e.country != source.country and not re.search(r"[,;:]", doc.text[e.end:after])):
                return e
    return None


# military exercises: with another country's forces they are COOPERATE, alone MOBILIZE (the manual)
_EXERCISE = re.compile(r"exerci|drill|man(?:oeu|œu|eu)v|war ?game|навчан|маневр|учени|ejercicio|maniobra", re.I)
_AND = re.compile(r"^\s*(?:and|et|y|e|і|й|та|и|,|-|–)\s*$")
_WITH = re.compile(r"\b(?:with|avec|con|з|із|зі|с|со)\s+$", re.I)


def _demonym_in(demonyms: list[tuple[int, int, str]], lo: int, hi: int) -> tuple[int, int, str] | None:
    """The first country adjective inside ``[lo, hi)``: (start, end, ISO alpha-3)."""
    return next(((s, e, iso3) for s, e, iso3 in demonyms if lo <= s and e <= hi), None)


def _forces(text: str, start: int, end: int, iso3: str) -> Entity:
    """The armed forces a country adjective names ("frappes russes", "French and Egyptian warships")."""
    return Entity(start, end, text[start:end], "AGENT", None, f"forces of {iso3}", iso3, "MIL", "agent")


def _joint_partner(doc: Document, sent: Span, source: Entity, actors: list[Entity], trigger_end: int) -> Entity | None:
    """Another country's forces in a military exercise: a country adjective joined to the source's ("French
    and Egyptian warships"), or an actor or country adjective of another country after "with" ("drills with
    British instructors")."""
    home = source.country
    for start, end, iso3 in doc.scratch.get("demonyms", []):
        if iso3 == home or not (sent.start <= start and end <= sent.end):
            continue
        joined = (end <= source.start and _AND.match(_between_demonyms(doc, end, source.start, home))) or (
            start >= source.end and _AND.match(doc.text[source.end : start]))  # "les marines française et italienne"
        after_with = start >= trigger_end and _WITH.search(doc.text[max(sent.start, start - 8) : start])
        if joined or after_with:
            return _forces(doc.text, start, end, iso3)
    for actor in actors:
        if actor.country and actor.country != home and actor.start >= trigger_end and \
                _WITH.search(doc.text[max(sent.start, actor.start - 8) : actor.start]):
            return actor
    return None


def _between_demonyms(doc: Document, end: int, source_start: int, home: str | None) -> str:
    """The text between a country adjective and the source's own one: " and " in "French and Egyptian warships"."""
    own = [s for s, e, iso3 in doc.scratch.get("demonyms", []) if iso3 == home and end <= s < source_start + 1]
    return doc.text[end : own[0]] if own else doc.text[end:source_start]


def _launcher(doc: Document, parsed: Any, start: int, end: int, actors: list[Entity],
              defender: Entity | None) -> Entity | None:
    """Who launched what was intercepted: the doer of a passive inside the object ("drones lancés par la
    Russie", "missiles fired by Iran"), else a country adjective on it ("Russian drones", "drones russes")."""
    verb = span_root(parsed, start, end)
    if verb is None:
        return None
    for obj in (c for c in verb.children if c.dep_ in ("obj", "dobj")):
        nodes = list(obj.subtree)
        lo, hi = nodes[0].idx, nodes[-1].idx + len(nodes[-1].text)
        for tok in nodes:
            if tok.dep_ in ("obl:agent", "agent", "pobj") and (tok.dep_ != "pobj" or tok.head.dep_ == "agent"):
                who = next((a for a in actors if a.start <= tok.idx < a.end and not same_actor(a, defender)), None)
                if who is not None:
                    return who
        said = _demonym_in(doc.scratch.get("demonyms", []), lo, hi)
        if said is not None and (defender is None or defender.country != said[2]):
            return _forces(doc.text, *said)
    return None


def _coordinated(a: Any, b: Any) -> bool:
    """Two clauses side by side: coordinated, in parataxis, or two roots the parser found in one sentence."""
    if a.i == b.i:
        return False
    if a.head.i == a.i and b.head.i == b.i:
        return True
    return (a.dep_ in ("conj", "parataxis") and a.head.i == b.i) or (b.dep_ in ("conj", "parataxis") and b.head.i == a.i)


def _in_a_name(names: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(names, (offset, float("inf"))) - 1
    return i >= 0 and names[i][0] <= offset < names[i][1]


def _opens_sentence(text: str, start: int, capitals: list[Entity]) -> bool:
    """Does the name open its sentence, or follow the capitals that do ("Paris et Rabat")?"""
    before = text[max(0, start - 40) : start]
    for cap in capitals:
        if cap.end <= start and cap.end >= start - 40:
            before = before.replace(text[cap.start : cap.end], "")
    return re.search(r"(?:^|[.!?\n])\s*(?:(?:et|and|y|і|и|та|,)\s*)*$", before) is not None


def _pair(e: Event) -> frozenset[str]:
    keys = set()
    for actor in (e.source, e.target):
        if actor is not None:
            keys.add(actor.country or actor.kb_id or actor.text.casefold())
    return frozenset(keys)


def _corefer(events: list[tuple[int, Event]]) -> list[Event]:
    """Merge sentences that report one event.

    Same type and the same actors (or countries) make one event; a sentence with
    the same type and no source ("the document was signed in Washington") adds
    its evidence, place and date to the event of the last three sentences.
    """
    out: list[tuple[int, Event]] = []
    for si, ev in events:
        if ev.source is None:
            host = next((o for sj, o in reversed(out) if o.event_type == ev.event_type and si - sj <= 3), None)
        else:
            host = next((o for _, o in out if o.event_type == ev.event_type and _compatible(o, ev)), None)
        if host is None:
            if ev.source is not None or _unattributed_violence(ev):
                out.append((si, ev))
            continue
        host.evidence += ev.evidence
        # the headline's "Sudan" and the body's "Rapid Support Forces" are one doer: keep the one who is named
        if host.source is not None and ev.source is not None and host.source.kind == "country" \
                and ev.source.kind != "country" and ev.source.country == host.source.country:
            host.source = ev.source
        host.location = host.location or ev.location
        host.date = host.date or ev.date
        host.contexts = sorted(set(host.contexts) | set(ev.contexts))
        host.confidence = min(0.99, max(host.confidence, ev.confidence) + 0.05)
        if host.target is None and ev.target is not None and ev.source is not None:
            host.target = ev.target
        out = [(si if o is host else sj, o) for sj, o in out]
    return [ev for _, ev in out]


def _is_subject(parsed: Any, entity: Entity) -> bool:
    span = parsed.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ in ("nsubj", "csubj")


def _unattributed_violence(ev: Event) -> bool:
    """An attack nobody is named for ("a car bomb exploded in a market, killing 8") is still an event: ACLED
    codes its actor as unidentified. Only a strong trigger that happened, with a place or a target."""
    return (ev.event_type in ("ASSAULT", "COERCE") and ev.modality in ("asserted", "reported")
            and "weak_trigger" not in ev.flags and (ev.location is not None or ev.target is not None))


def _compatible(a: Event, b: Event) -> bool:
    pa, pb = _pair(a), _pair(b)
    if a.modality != b.modality:
        return False
    if a.date and b.date and a.date.value[:10] != b.date.value[:10]:
        return False
    if a.event_type in SYMMETRIC or len(pa) == len(pb) == 1:
        return pa == pb or (len(pa) == 2 and pa <= pb) or (len(pb) == 2 and pb <= pa)
    return pa == pb


def _finalise(doc: Document, events: list[Event], threshold: Callable[[str], float] = lambda _: 0.5) -> list[Event]:
    for ev in events:
        for actor in (ev.source, ev.target):
            # police, protesters, soldiers, officials with no stated country act where the event happens
            if actor is not None and actor.kind == "agent" and actor.country is None and ev.location is not None:
                actor.country = ev.location.country
        ev.evidence.sort(key=lambda s: s.start)
        first = ev.evidence[0]
        ev.id = hashlib.sha256(f"{doc.article.id}:{ev.event_type}:{first.start}".encode()).hexdigest()[:16]
        if ev.date is None and doc.article.published:
            ev.date = DateValue(None, None, None, doc.article.published[:10], "week")
        if ev.confidence < threshold(ev.event_type) and "low_confidence" not in ev.flags:
            ev.flags.append("low_confidence")
    return events
