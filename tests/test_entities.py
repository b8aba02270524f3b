from __future__ import annotations

import pytest

from kronika.kb.index import KnowledgeBase, _surname_similarity, name_skeleton
from kronika.kb.load import load_shipped, validate
from kronika.kb.model import KBEntry, Role
from kronika.nlp.lemmas import Lemmatizers
from kronika.nlp.tokens import tokenize


@pytest.fixture(scope="module")
def lemmatizers() -> Lemmatizers:
    return Lemmatizers()


@pytest.fixture(scope="module")
def small_kb(lemmatizers: Lemmatizers) -> KnowledgeBase:
    entries = [
        {"id": "cty/UKR", "name": "Ukraine", "kind": "country", "country": "UKR", "sector": "GOV",
         "aliases": {"fr": ["Ukraine"], "uk": ["Україна"]}},
        {"id": "cty/USA", "name": "United States", "kind": "country", "country": "USA", "sector": "GOV",
         "aliases": {"en": ["US", "United States"], "fr": ["États-Unis"]}},
        {"id": "cty/TUR", "name": "Turkey", "kind": "country", "country": "TUR", "sector": "GOV", "aliases": {"en": ["Turkey"]}},
        {"id": "org/ukr-mod", "name": "Ministry of Defence of Ukraine", "kind": "ministry", "country": "UKR",
         "sector": "GOV", "aliases": {"fr": ["ministère de la Défense d'Ukraine"], "uk": ["Міністерство оборони України"]}},
        {"id": "per/ihnat", "name": "Yurii Ihnat", "kind": "person", "country": "UKR", "sector": "MIL",
         "aliases": {"uk": ["Юрій Ігнат"]}, "roles": [{"title": "Air Force spokesperson", "start": "2021-01-01"}]},
    ]
    return KnowledgeBase([KBEntry.from_dict(e) for e in entries], lemmatizers)


def _matches(kb: KnowledgeBase, text: str, lang: str) -> list[tuple[str, list[str]]]:
    toks = tokenize(text, lemmatize=kb.lemmatizers.for_lang(lang))
    return [(text[toks[m.first].start:toks[m.last].end], m.entry_ids) for m in kb.match(toks)]


def test_function_words_between_name_words_are_skipped(small_kb: KnowledgeBase) -> None:
    found = _matches(small_kb, "Au ministère de la Défense de l'Ukraine, on confirme.", "fr")
    assert ("ministère de la Défense de l'Ukraine", ["org/ukr-mod"]) in found


def test_inflected_ukrainian_name_matches_through_lemmas(small_kb: KnowledgeBase) -> None:
    found = _matches(small_kb, "Речник Міністерства оборони України заявив.", "uk")
    assert ("Міністерства оборони України", ["org/ukr-mod"]) in found


def test_acronyms_are_case_sensitive_and_words_need_capitals(small_kb: KnowledgeBase) -> None:
    assert _matches(small_kb, "Tell us what the US said.", "en") == [("US", ["cty/USA"])]
    assert _matches(small_kb, "We ate turkey in Turkey.", "en") == [("Turkey", ["cty/TUR"])]


def test_garbled_and_transliterated_names_share_a_skeleton(small_kb: KnowledgeBase) -> None:
    assert name_skeleton("Ігнат") == name_skeleton("Ihnat") == name_skeleton("Ignat")
    assert name_skeleton("Mikhail") == name_skeleton("Михаил")
    assert _surname_similarity(name_skeleton("Ignatus"), name_skeleton("Ihnat")) >= 0.85
    assert small_kb.fuzzy_persons("Yuri Ignatus")[0][0] == "per/ihnat"
    assert small_kb.fuzzy_persons("Boris Johnson") == []


def test_role_tenure() -> None:
    role = Role("Minister of Defence", None, "2023-09-06", "2025-07-17")
    assert role.held_on("2023-12-07") and not role.held_on("2023-01-01") and not role.held_on(None)


def test_shipped_kb_is_consistent_and_large_enough() -> None:
    entries = load_shipped()
    assert validate(entries) == []
    kinds = {e.kind for e in entries}
    assert {"country", "person", "igo"} <= kinds
    assert sum(e.kind == "country" for e in entries) >= 240
    assert len(entries) - sum(e.kind == "country" for e in entries) >= 2000  # a floor that only rises


def test_a_ukrainian_apostrophe_stays_inside_the_word_and_a_french_one_does_not() -> None:
    assert [t.text for t in tokenize("Мар’їнка і здоров'я")] == ["Мар’їнка", "і", "здоров'я"]
    assert [t.text for t in tokenize("l’armée d'Ukraine")] == ["l", "armée", "d", "Ukraine"]
    assert tokenize("В’ячеслав")[0].key == tokenize("В'ячеслав")[0].key


def test_phrase_readings_come_out_in_the_same_order_in_every_process() -> None:
    # a word matched by its surface form and by its lemma: the readings' order must not follow a set's
    import subprocess
    import sys

    code = (
        "from kronika.nlp.phrases import PhraseTrie\n"
        "from kronika.nlp.tokens import tokenize\n"
        "t = PhraseTrie()\n"
        "for i, k in enumerate(['reclamo', 'reclamar', 'reclam', 'x', 'y', 'z']): t.add([k], f'r{i}')\n"
        "toks = tokenize('reclamó', lemmatize=lambda w: 'reclamar')\n"
        "print(t.match(toks)[0].payloads)\n"
    )
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                              env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in range(6)}
    assert len(outputs) == 1, outputs


def test_an_igo_official_acts_for_the_igo_during_the_mandate() -> None:
    from kronika.kb.model import KBEntry
    from kronika.stages.entities import _entity, _Mention

    entry = KBEntry.from_dict({
        "id": "per/x", "name": "Kaja Kallas", "kind": "person", "country": "EST", "sector": "GOV",
        "roles": [{"title": "High Representative", "org": "igo/eu", "start": "2024-12-01"},
                  {"title": "Prime Minister of Estonia", "org": "org/est-gov", "start": "2021-01-26", "end": "2024-07-23"}],
    })
    now = _entity(_Mention(0, 11, "PER"), "Kaja Kallas", entry, "2025-05-14", 1.0)
    before = _entity(_Mention(0, 11, "PER"), "Kaja Kallas", entry, "2023-05-14", 1.0)
    assert (now.country, now.sector) == (None, "IGO")
    assert (before.country, before.sector) == ("EST", "GOV")
