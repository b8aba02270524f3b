"""The knowledge base in memory: entries, an alias trie for exact matching, and fuzzy look-ups.

Aliases are compiled to token-key sequences twice, by surface form and by
lemma, with function words dropped, so "ministère de la Défense de l'Ukraine"
meets the alias "ministère de la Défense d'Ukraine" and "Міністерства оборони"
meets "Міністерство оборони".
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..nlp.lemmas import Lemmatizers
from ..nlp.phrases import PhraseTrie, phrase_keys
from ..nlp.tokens import FUNCTION_WORDS, Token, tokenize
from .agents import AgentLexicon
from .model import KBEntry

__all__ = ["AliasMatch", "KnowledgeBase", "name_skeleton"]

@dataclass(slots=True)
class AliasMatch:
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    entry_ids: list[str]


@dataclass(frozen=True, slots=True)
class _Terminal:
    entry_id: str
    acronym: bool
    lowercase_alias: bool
    n_tokens: int


class KnowledgeBase:
    """Entries by id, with exact (trie) and fuzzy look-ups."""

    def __init__(
        self, entries: Iterable[KBEntry], lemmatizers: Lemmatizers | None = None, agents: list[dict] | None = None
    ) -> None:
        self.lemmatizers = lemmatizers or Lemmatizers()
        self.entries: dict[str, KBEntry] = {}
        for e in entries:
            self.entries[e.id] = e  # later entries (user) override shipped ones
        self._trie: PhraseTrie[_Terminal] = PhraseTrie()
        self._skeletons: dict[str, list[tuple[str, str]]] = defaultdict(list)  # surname skeleton -> [(entry, full)]
        self._first_names: dict[str, set[str]] = defaultdict(set)  # person entry -> first-name skeletons
        self._by_key: dict[str, set[str]] = defaultdict(set)  # lemma key string -> entry ids
        for entry in self.entries.values():
            self._index(entry)
        self._key_postings: dict[str, list[str]] = defaultdict(list)
        for alias_key in self._by_key:
            for w in set(alias_key.split()):
                self._key_postings[w].append(alias_key)
        self._skeleton_list = list(self._skeletons)
        self._skeleton_prefixes: dict[str, list[str]] = defaultdict(list)
        for skel in self._skeleton_list:
            self._skeleton_prefixes[skel[:4]].append(skel)
        countries = [e for e in self.entries.values() if e.kind == "country"]
        self.agent_lexicon = AgentLexicon(agents or [], countries, self.lemmatizers)

    # -- building -------------------------------------------------------------------------------

    def _index(self, entry: KBEntry) -> None:
        for lang, alias in entry.all_aliases():
            toks = tokenize(alias, lemmatize=self.lemmatizers.for_lang(lang))
            if not toks:
                continue
            content = _content(toks)
            acronym = len(toks) == 1 and alias.isupper() and len(alias) <= 6
            term = _Terminal(entry.id, acronym, alias.islower(), len(content))
            for keys in (phrase_keys(content), phrase_keys(content, "lemma")):
                self._trie.add(keys, term)
            self._by_key[" ".join(t.lemma for t in content)].add(entry.id)
            if entry.kind == "person" and len(content) >= 1:
                words = _name_words(alias) or [t.text for t in content]
                self._skeletons[name_skeleton(words[-1])].append((entry.id, alias))
                if len(words) > 1:
                    self._first_names[entry.id].add(name_skeleton(words[0]))

    def __getstate__(self) -> dict[str, Any]:
        state = {k: getattr(self, k) for k in ("entries", "_trie", "_skeletons", "_first_names", "_by_key", "_key_postings",
                                          "_skeleton_list", "_skeleton_prefixes", "agent_lexicon")}
        state["_skeletons"] = dict(self._skeletons)
        state["_first_names"] = dict(self._first_names)
        state["_by_key"] = dict(self._by_key)
        state["_key_postings"] = dict(self._key_postings)
        state["_skeleton_prefixes"] = dict(self._skeleton_prefixes)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._skeletons = defaultdict(list, state["_skeletons"])
        self._first_names = defaultdict(set, state["_first_names"])
        self._by_key = defaultdict(set, state["_by_key"])
        self._key_postings = defaultdict(list, state["_key_postings"])
        self._skeleton_prefixes = defaultdict(list, state["_skeleton_prefixes"])
        self.lemmatizers = Lemmatizers()

    # -- exact matching ---------------------------------------------------------------------------

    def match(self, tokens: list[Token]) -> list[AliasMatch]:
        """Longest alias matches, left to right, not overlapping."""
        return [
            AliasMatch(m.first, m.last, list(dict.fromkeys(t.entry_id for t in m.payloads)))
            for m in self._trie.match(tokens, self._accept)
        ]

    @staticmethod
    def _accept(term: _Terminal, toks: list[Token]) -> bool:
        if term.acronym:
            return len(toks) == 1 and toks[0].text.isupper()
        if term.n_tokens == 1 and not term.lowercase_alias:
            # a one-word name must be capitalised in the text: "turkey" is not Turkey
            return all(t.is_title for t in toks if t.key not in FUNCTION_WORDS)
        return True

    # -- fuzzy look-ups ----------------------------------------------------------------------------

    def fuzzy_names(self, text: str, lang: str | None, limit: int = 5, cutoff: float = 86.0) -> list[tuple[str, float]]:
        """Entries whose lemma-key alias is close to ``text`` (organisations, places, programmes).

        Close means word for word: every word on each side has a spelling variant on the other
        ("Organisation du traité de l'Atlantique Nord" ~ "Organisation du Traité de l'Atlantique-Nord"), so
        "Joy Division" is no "Golden Division" and "Parti de la révolution démocratique" no "Parti de l'union
        démocratique", however close the letters.
        """
        from rapidfuzz import fuzz, process

        toks = tokenize(text, lemmatize=self.lemmatizers.for_lang(lang))
        # a capitalised function word inside a name is a name word: "France Ô" is no "France"
        key = " ".join(t.lemma for n, t in enumerate(toks) if t.key not in FUNCTION_WORDS or (n and t.is_title))
        if len(key) < 4:
            return []
        # only aliases sharing a word with the mention can reach the cutoff: score those alone
        pool = sorted({k for w in key.split() for k in self._key_postings.get(w, ())})
        hits = process.extract(key, pool, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=cutoff)
        out: dict[str, float] = {}
        for alias_key, score, _ in hits:
            if not _words_align(key.replace("-", " ").split(), alias_key.replace("-", " ").split()):
                continue
            for eid in self._by_key[alias_key]:
                out[eid] = max(out.get(eid, 0.0), score / 100)
        return sorted(out.items(), key=lambda kv: -kv[1])

    def fuzzy_persons(
        self, text: str, supported: Callable[[KBEntry], bool] | None = None, cutoff: float = 0.85
    ) -> list[tuple[str, float]]:
        """Persons whose name is a transliteration or garble of ``text`` ("Yuri Ignatus" ~ "Yurii Ihnat").

        The evidence asked for grows with the risk of a wrong identity. ``text`` must look like a person's
        name (capitalised words, no digits, no "Blu-ray"). A full name needs a close surname (a case or
        translation ending may be added: "Ignatus" ~ "Ignat") and a first name of the same person, from any
        of its aliases ("Mikhail" ~ "Mykhailo"). A lone word must spell a known surname exactly (up to
        transliteration), and links only where ``supported(entry)`` holds: the article names the person's
        country or role. So does a full name whose person is known by a surname alone.
        """
        from rapidfuzz import fuzz, process

        words = _name_words(text)
        if not words or len(surname := name_skeleton(words[-1])) < 4:
            return []
        first = name_skeleton(words[0]) if len(words) > 1 else None
        if first is None:
            near = {surname} if surname in self._skeletons else set()
        else:
            near = {k for k, _, _ in process.extract(surname, self._skeleton_list, scorer=fuzz.ratio, limit=25, score_cutoff=80)}
            near |= {k for k in self._skeleton_prefixes.get(surname[:4], ()) if surname.startswith(k)}
        scores: dict[str, float] = {}
        for skel in near:
            s = _surname_similarity(surname, skel)
            if s < 0.8:
                continue
            for eid in dict.fromkeys(eid for eid, _ in self._skeletons[skel]):
                firsts = self._first_names.get(eid, set()) if first else set()
                fits = [f for f in (_first_name_fit(first, fn) for fn in firsts) if f is not None] if first else []
                if fits:
                    score = 0.7 * s + 0.3 * max(fits)
                elif first and firsts:
                    continue  # another first name: another person ("Roger Moore" is not Richard Moore)
                elif s == 1.0 and supported is not None and supported(self.entries[eid]):
                    score = 0.9
                else:
                    continue
                if score >= cutoff:
                    scores[eid] = max(scores.get(eid, 0.0), score)
        return sorted(scores.items(), key=lambda kv: -kv[1])[:5]


def _content(toks: list[Token]) -> list[Token]:
    """An alias's content words; a sentence end or bracket before a dropped function word moves to the next word."""
    out: list[Token] = []
    pending = False
    for n, t in enumerate(toks):
        if t.key in FUNCTION_WORDS:
            pending = pending or (n > 0 and t.boundary)
            continue
        out.append(replace(t, boundary=True) if pending and out else t)
        pending = False
    return out or toks


def _words_align(a: list[str], b: list[str]) -> bool:
    """Every word of ``a`` has a spelling variant in ``b`` and the other way round."""
    from rapidfuzz import fuzz

    def covered(xs: list[str], ys: list[str]) -> bool:
        return all(x in ys or any(fuzz.ratio(x, y) >= 80 for y in ys) for x in xs)

    return covered(a, b) and covered(b, a)


# lowercase words and prefixes inside a person's name ("Leonardo da Vinci", "al-Assad", "аль-Газали")
_NAME_PARTICLES = frozenset(
    "da de di del della dos du van von der den ter ten bin ibn ben al el ul ad as an d o "
    "да де ди дель делла дос фон ван дер ибн бен бин аль ас ад ан эль".split()
)
_NAME_SUFFIXES = frozenset("JR SR II III IV V VI VII VIII".split())


def _name_words(text: str) -> list[str] | None:
    """The words of a person's name, particles and suffixes left out, or None when ``text`` does not look
    like one: every word capitalised ("Jean-Pierre", "O'Brien", "al-Assad"), letters only."""
    words = text.split()
    if not words or len(words) > 5:
        return None
    out = []
    for raw in words:
        w = raw.strip(".,;:")
        if not w or w.lower() in _NAME_PARTICLES or w.upper() in _NAME_SUFFIXES:
            continue
        parts = re.split(r"[-‐‑'’]", w)
        if len(parts) > 1 and parts[0].lower() in _NAME_PARTICLES:
            parts = parts[1:]
        if any(not p or not p.isalpha() or not p[0].isupper() for p in parts):
            return None  # "Blu-ray", "F-16", "2023"
        out.append(w)
    return out or None


_VOWELS = frozenset("aeiou")


def _first_name_fit(mention: str, known: str) -> float | None:
    """How well a first name (skeletons) fits a known first name of the person, or None when it is another
    name: close spelling and the same initial, or two vowels ("Oleksii" ~ "Alexei"); an initial fits its name."""
    from rapidfuzz import fuzz

    if not mention or not known:
        return None
    if len(mention) == 1:
        return 0.9 if known.startswith(mention) else None
    f = fuzz.ratio(mention, known) / 100
    return f if f >= 0.7 and _same_start(mention, known) else None


def _surname_similarity(mention: str, known: str) -> float:
    """Similarity of a mention's surname to a known one (skeletons). Machine translation and case endings
    lengthen a name (Ignat -> Ignatus, Fedorov -> Fedorova): a known surname plus up to two letters is close;
    a cut one ("Stan" for Stano, "Bolt" for Bolton) is not."""
    from rapidfuzz import fuzz

    if not mention or not known:
        return 0.0
    if mention == known:
        return 1.0
    if len(known) >= 4 and mention.startswith(known) and len(mention) - len(known) <= 2:
        return 0.9
    if min(len(mention), len(known)) < 5 or not _same_start(mention, known):
        return 0.0  # one letter changes a short name ("Jong" ~ "Jison"); a garble keeps the initial ("Wayne", "Caine")
    return fuzz.ratio(mention, known) / 100


def _same_start(a: str, b: str) -> bool:
    return a[:1] == b[:1] or (a[:1] in _VOWELS and b[:1] in _VOWELS)


_CYR = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ",
                ["a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "i", "i", "k", "l", "m", "n", "o", "p",
                 "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y", "e", ""]))
_SKELETON_RULES = [("shch", "sch"), ("sh", "ch"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ph", "f"),
                   ("w", "v"), ("y", "i"), ("j", "i"), ("h", "g"), ("ou", "u"), ("ie", "e"), ("ye", "e")]


def name_skeleton(word: str) -> str:
    """A spelling-independent key of a name across Cyrillic, romanisations and garbles."""
    w = unicodedata.normalize("NFKD", word.lower())
    w = "".join(c for c in w if not unicodedata.combining(c))
    w = "".join(_CYR.get(c, c) for c in w)
    for a, b in _SKELETON_RULES:
        w = w.replace(a, b)
    w = re.sub(r"[^a-z]", "", w)
    return re.sub(r"(.)\1+", r"\1", w)
