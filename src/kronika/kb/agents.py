"""Agent nouns and demonyms: actors named by their role ("le porte-parole de l'Air Force", "російські військові").

An agent match either describes a named person next to it (an apposition: the
role then helps link the person) or is itself an unnamed actor, with the
agent's sector and a country taken from a demonym ("américain") or a linked
country or organisation right after it ("de l'Ukraine", "de l'Air Force").
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nlp.lemmas import Lemmatizers
from ..nlp.phrases import PhraseTrie
from ..nlp.tokens import FUNCTION_WORDS, tokenize
from .model import KBEntry

__all__ = ["Agent", "AgentLexicon"]


@dataclass(frozen=True, slots=True)
class Agent:
    role: str
    sector: str
    office: str | None


class AgentLexicon:
    """Tries of agent terms and of demonym adjectives, per language."""

    def __init__(self, agents: list[dict], countries: list[KBEntry], lemmatizers: Lemmatizers) -> None:
        self.agents: dict[str, PhraseTrie[Agent]] = {}
        self.demonyms: dict[str, PhraseTrie[str]] = {}
        for row in agents:
            agent = Agent(str(row.get("role") or ""), str(row.get("sector") or "UNK"), row.get("office"))
            for lang, terms in (row.get("terms") or {}).items():
                trie = self.agents.setdefault(lang, PhraseTrie())
                _add(trie, terms, lang, lemmatizers, agent)
        for entry in countries:
            for lang, adjectives in entry.adjectives.items():
                trie = self.demonyms.setdefault(lang, PhraseTrie())
                if lang == "en":  # "Palestinians", "Ukrainians": lemmatisers do not know every demonym noun
                    adjectives = list(adjectives) + [a + "s" for a in adjectives if not a.endswith(("s", "h"))]
                _add(trie, adjectives, lang, lemmatizers, entry.country)


def _add(trie: PhraseTrie, terms: list[str] | None, lang: str, lemmatizers: Lemmatizers, payload: object) -> None:
    fn = lemmatizers.for_lang(lang)
    for term in terms or []:
        toks = tokenize(str(term).replace("'", " ").replace("’", " "), lemmatize=fn)
        content = [t for t in toks if t.key not in FUNCTION_WORDS] or toks
        if content:
            trie.add([t.key for t in content], payload)
            trie.add([t.lemma for t in content], payload)
