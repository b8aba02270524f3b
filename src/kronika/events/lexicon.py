"""The event lexicons (triggers, modality cues, contexts, relevance cues), compiled to phrase tries per language.

The YAML files in ``kronika/events/data`` are written by the project; each term
is a lemma sequence. Terms are compiled with the same tokenizer and lemmatiser
as article text, so both sides meet on the same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from ..nlp.lemmas import Lemmatizers
from ..nlp.phrases import PhraseTrie
from ..nlp.tokens import FUNCTION_WORDS, tokenize

__all__ = ["LANGS", "Lexicon", "Trigger", "load_lexicon"]

LANGS = ("fr", "en", "uk", "ru", "es")
MODALITIES = ("negated", "hypothetical", "future", "reported", "denied")

# Skipped between the words of a multi-word trigger: function words, determiners, pronouns, auxiliaries.
_TRIGGER_SKIP = FUNCTION_WORDS | frozenset(
    """un une des ce cet cette ces son sa ses leur leurs se s il elle ils elles qui que qu y ont a ete été avoir etre
    their its his her they it has have had been be was were is are this that these those which an
    свій своє свої свою його її їх цей ця ці це був була було були буде
    свой свою свои его ее их этот эта это эти был была было были будет
    su sus este esta estos estas ese esa se ha han haber fue fueron""".split()
)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    contexts: tuple[str, ...]
    pos: str
    weak: bool
    term: str
    n_tokens: int


@dataclass
class Lexicon:
    triggers: dict[str, PhraseTrie[Trigger]] = field(default_factory=dict)
    modality: dict[str, PhraseTrie[str]] = field(default_factory=dict)
    contexts: dict[str, PhraseTrie[str]] = field(default_factory=dict)
    relevance: dict[str, PhraseTrie[str]] = field(default_factory=dict)
    cameo: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)  # type (or "default") -> low-confidence flag below

    def threshold(self, event_type: str) -> float:
        return self.thresholds.get(event_type, self.thresholds.get("default", 0.5))


def _yaml(name: str) -> Any:
    path = resources.files("kronika.events") / "data" / name
    if not path.is_file():
        return None
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _add_terms(
    trie: PhraseTrie[Any], terms: list[str], lang: str, lemmas: Lemmatizers, payload_of: Any, exact_forms: bool = False
) -> None:
    """Add each term by its words and by their lemmas. With ``exact_forms`` (cue lists), a one-word term
    written in an inflected form is meant as that form only: "sera", "serait", "будет", "será" are future
    and conditional cues, their lemma ("être", "быть", "ser") is every tense."""
    fn = lemmas.for_lang(lang)
    for term in terms or []:
        toks = tokenize(str(term).replace("'", " "), lemmatize=fn)
        content = [t for t in toks if t.key not in _TRIGGER_SKIP] or toks
        if not content:
            continue
        payload = payload_of(str(term), len(content))
        trie.add([t.key for t in content], payload)
        if exact_forms and len(content) == 1 and content[0].lemma != content[0].key:
            continue
        trie.add([t.lemma for t in content], payload)


def _cue_tries(data: dict[str, Any] | None, lemmas: Lemmatizers) -> dict[str, PhraseTrie[str]]:
    tries: dict[str, PhraseTrie[str]] = {}
    for name, per_lang in (data or {}).items():
        if not isinstance(per_lang, dict):
            continue
        for lang, terms in per_lang.items():
            trie = tries.setdefault(lang, PhraseTrie(skippable=_TRIGGER_SKIP))
            _add_terms(trie, terms, lang, lemmas, lambda term, n, name=name: name, exact_forms=True)
            # a word that is itself a cue ("будет", "буде", "will") is not skipped as a function word
            trie.skippable = trie.skippable - {str(t).casefold() for t in terms or [] if " " not in str(t)}
    return tries


def load_lexicon(lemmas: Lemmatizers | None = None) -> Lexicon:
    """Compile every lexicon file (a second or two; cache the result)."""
    lemmas = lemmas or Lemmatizers()
    lex = Lexicon()
    for entry in _yaml("triggers.yaml") or []:
        acled = entry.get("acled") or {}
        for lang, terms in (entry.get("terms") or {}).items():
            trie = lex.triggers.setdefault(lang, PhraseTrie(skippable=_TRIGGER_SKIP, max_wild=2))

            def payload(term: str, n: int, entry: dict[str, Any] = entry, acled: dict[str, Any] = acled) -> Trigger:
                return Trigger(
                    entry["type"], entry.get("mode"), acled.get("type"), acled.get("subtype"),
                    tuple(entry.get("contexts") or ()), entry.get("pos") or "verb", bool(entry.get("weak")), term, n,
                )

            _add_terms(trie, terms, lang, lemmas, payload)
    lex.modality = _cue_tries(_yaml("modality.yaml"), lemmas)
    lex.contexts = _cue_tries(_yaml("contexts.yaml"), lemmas)
    lex.relevance = _cue_tries(_yaml("relevance.yaml"), lemmas)
    for etype, row in ((_yaml("cameo.yaml") or {}).get("plover_to_cameo") or {}).items():
        codes = row.get("cameo") or []
        if codes:
            lex.cameo[etype] = str(codes[0])
        for mode, sub in (row.get("modes") or {}).items():
            if sub.get("cameo") and mode != "no_mode":
                lex.cameo[f"{etype}/{mode}"] = str(sub["cameo"][0])[:2]
    lex.thresholds = {str(k): float(v) for k, v in (_yaml("thresholds.yaml") or {}).items()}
    return lex
