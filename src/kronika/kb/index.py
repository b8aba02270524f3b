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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..nlp.lemmas import Lemmatizers
from ..nlp.phrases import PhraseTrie
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
            content = [t for t in toks if t.key not in FUNCTION_WORDS] or toks
            acronym = len(toks) == 1 and alias.isupper() and len(alias) <= 6
            term = _Terminal(entry.id, acronym, alias.islower(), len(content))
            for keys in ([t.key for t in content], [t.lemma for t in content]):
                self._trie.add(keys, term)
            self._by_key[" ".join(t.lemma for t in content)].add(entry.id)
            if entry.kind == "person" and len(content) >= 1:
                self._skeletons[name_skeleton(content[-1].text)].append((entry.id, alias))

    def __getstate__(self) -> dict[str, Any]:
        state = {k: getattr(self, k) for k in ("entries", "_trie", "_skeletons", "_by_key", "_key_postings", "_skeleton_list",
                                          "_skeleton_prefixes", "agent_lexicon")}
        state["_skeletons"] = dict(self._skeletons)
        state["_by_key"] = dict(self._by_key)
        state["_key_postings"] = dict(self._key_postings)
        state["_skeleton_prefixes"] = dict(self._skeleton_prefixes)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._skeletons = defaultdict(list, state["_skeletons"])
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
        """Entries whose lemma-key alias is close to ``text`` (organisations, places, programmes)."""
        from rapidfuzz import fuzz, process

        toks = tokenize(text, lemmatize=self.lemmatizers.for_lang(lang))
        key = " ".join(t.lemma for t in toks if t.key not in FUNCTION_WORDS)
        if len(key) < 4:
            return []
        # only aliases sharing a word with the mention can reach the cutoff: score those alone
        pool = sorted({k for w in key.split() for k in self._key_postings.get(w, ())})
        hits = process.extract(key, pool, scorer=fuzz.token_sort_ratio, limit=limit, score_cutoff=cutoff)
        out: dict[str, float] = {}
        for alias_key, score, _ in hits:
            for eid in self._by_key[alias_key]:
                out[eid] = max(out.get(eid, 0.0), score / 100)
        return sorted(out.items(), key=lambda kv: -kv[1])

    def fuzzy_persons(self, text: str) -> list[tuple[str, float]]:
        """Persons whose name is a transliteration or garble of ``text`` ("Yuri Ignatus" ~ "Yurii Ihnat").

        A lone word must be a near-exact surname; a full name needs a close
        surname and a compatible first name.
        """
        from rapidfuzz import fuzz

        words = re.findall(r"\w+", text)
        if not words or len(words[-1]) < 3:
            return []
        surname = name_skeleton(words[-1])
        first = name_skeleton(words[0]) if len(words) > 1 else None
        from rapidfuzz import process

        floor = 0.75 if first else 0.9
        near = {k for k, _, _ in process.extract(surname, self._skeleton_list, scorer=fuzz.ratio, limit=25, score_cutoff=floor * 100)}
        near |= {k for k in self._skeleton_prefixes.get(surname[:4], ()) if k.startswith(surname) or surname.startswith(k)}
        scores: dict[str, float] = {}
        for skel in near:
            s = _surname_similarity(surname, skel)
            if s < floor:
                continue
            for eid, alias in self._skeletons[skel]:
                alias_words = re.findall(r"\w+", alias)
                if first and len(alias_words) > 1:
                    f = fuzz.ratio(first, name_skeleton(alias_words[0])) / 100
                    if f < 0.6 and first[:1] != name_skeleton(alias_words[0])[:1]:
                        continue
                    score = 0.7 * s + 0.3 * f
                else:
                    score = s * 0.9
                scores[eid] = max(scores.get(eid, 0.0), score)
        return sorted(scores.items(), key=lambda kv: -kv[1])[:5]


def _surname_similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 4 and long_.startswith(short):
        return 0.9  # machine translation adds endings: Ignat -> Ignatus, Fedorov -> Fedorova
    return fuzz.ratio(a, b) / 100


_CYR = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ",
                ["a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "i", "i", "k", "l", "m", "n", "o", "p",
                 "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y", "e", ""]))
_SKELETON_RULES = [("shch", "sch"), ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ks", "x"), ("ph", "f"),
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
