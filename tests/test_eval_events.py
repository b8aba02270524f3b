"""The event-coding evaluation: gold readers, scoring arithmetic, an end-to-end run, the command."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kronika.errors import InputError
from kronika.eval.events import PredEvent, actor_matches, evaluate_events, score_events
from kronika.eval.events_cli import events_command
from kronika.eval.gold_events import (
    GoldActor,
    GoldEvent,
    GoldItem,
    cameo_to_plover,
    read_cameo,
    read_event_gold,
    read_events_jsonl,
    read_india_police,
    read_plover_gsr,
)
from kronika.model import Entity

from .conftest import FIXTURES

EV = FIXTURES / "events"


def ent(text: str, country: str | None = None, name: str | None = None) -> Entity:
    return Entity(0, len(text), text, "ORG", name=name, country=country, kb_id=f"cty/{country}" if country else None)


# -- readers ---------------------------------------------------------------------------------------


def test_jsonl_reader_actors_codes_old_names_and_non_events() -> None:
    items = read_events_jsonl(EV / "gold.jsonl")
    assert [i.id for i in items] == ["a1", "a2", "a3", "a4"]
    assert [i.lang for i in items] == ["en", "fr", "en", "en"]
    a1 = items[0].events[0]
    assert a1.event_type == "ACCUSE" and a1.source == (GoldActor("Moscow"),) and a1.target == (GoldActor("UKR", "UKR"),)
    assert [a.text for a in items[1].events[0].source] == ["France", "Allemagne"]
    assert items[2].types == {"REQUEST", "PROTEST"} and items[2].events[0].target == ()
    assert items[3].events == [] and items[3].typed


def test_jsonl_reader_rejects_unknown_types_and_missing_events(tmp_path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "events": [{"event_type": "PARTY"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="unknown PLOVER event type"):
        read_events_jsonl(bad)
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:1"):
        read_events_jsonl(bad)


def test_plover_gsr_reader_maps_old_names_and_symmetric_actors() -> None:
    items = read_plover_gsr(EV / "plover_gsr.json")
    assert [next(iter(i.types)) for i in items] == ["REQUEST", "CONSULT", "ASSAULT", "ACCUSE"]
    demand, talks, fight, investigate = (i.events[0] for i in items)
    assert demand.source == (GoldActor("opposition party", "NGA"),) and demand.target == (GoldActor("government", "NGA"),)
    assert talks.target == talks.source and len(talks.source) == 2  # SRC/TAR compound, no target given
    assert fight.source == (GoldActor("Rebels", None),)  # IGO is not a country code
    assert fight.target == (GoldActor("army", "JPN"),)  # the GSR's JAP means Japan
    assert investigate.target == ()


def test_cameo_pentaclass_reader_takes_actors_from_the_sibling_ner_file() -> None:
    items = read_cameo(EV / "cameo_class" / "test.tsv")
    assert [(i.quad, i.typed, len(i.events)) for i in items] == [(0, False, 0), (1, False, 1), (4, False, 1)]
    agree, police = items[1].events[0], items[2].events[0]
    assert agree.event_type is None and agree.quad == 1
    assert agree.source == (GoldActor("Canada"),) and agree.target == (GoldActor("Mexico"),)
    assert police.source == (GoldActor("Riot police"),) and police.target == (GoldActor("marchers"),)


def test_cameo_codes_map_to_plover() -> None:
    items = read_cameo(EV / "cameo_codes.tsv")
    assert [sorted(i.types) for i in items] == [["SUPPORT"], ["RETREAT"], [], ["CONCEDE"]]
    assert [i.quad for i in items] == [1, 2, 0, 2]
    assert cameo_to_plover("190") == "ASSAULT" and cameo_to_plover("0841") == "RETREAT" and cameo_to_plover("02") is None
    with pytest.raises(InputError):
        cameo_to_plover("21")


def test_india_police_reader_and_format_detection() -> None:
    items = read_india_police(EV / "india_police.tsv")
    assert [(len(i.events), i.typed) for i in items] == [(1, False), (0, False)]
    assert len(read_event_gold(EV / "india_police.tsv")) == 2
    assert read_event_gold(EV / "gold.jsonl", "jsonl")[0].id == "a1"
    assert len(read_event_gold(EV / "plover_gsr.json")) == 4
    with pytest.raises(InputError, match="unknown gold format"):
        read_event_gold(EV / "gold.jsonl", "xml")


# -- scoring arithmetic ----------------------------------------------------------------------------


def test_actor_matching_by_text_name_code_and_overlap() -> None:
    assert actor_matches(ent("the U.S."), [GoldActor("US")]) == (True, True)
    assert actor_matches(ent("Kyiv", "UKR"), [GoldActor("UKR", "UKR")]) == (True, True)
    assert actor_matches(ent("Lavrov", name="Sergei Lavrov"), [GoldActor("Sergei Lavrov")]) == (True, True)
    assert actor_matches(ent("Israeli troops"), [GoldActor("Israeli police")]) == (False, True)
    assert actor_matches(ent("the Ministry of Defence"), [GoldActor("of the")]) == (False, False)


def test_type_relevance_and_confusion_arithmetic() -> None:
    items = [
        GoldItem("1", "", events=[GoldEvent("ASSAULT", (GoldActor("Russia", "RUS"),), (GoldActor("Ukraine", "UKR"),))]),
        GoldItem("2", "", events=[GoldEvent("AGREE"), GoldEvent("COOPERATE")]),
        GoldItem("3", "", events=[GoldEvent("ACCUSE", (GoldActor("Moscow"),))]),
        GoldItem("4", "", events=[]),
    ]
    preds = [
        [PredEvent("ASSAULT", ent("Russia", "RUS"), ent("Kyiv", "UKR"), 0.9), PredEvent("COERCE", confidence=0.2)],
        [PredEvent("AGREE", confidence=0.5)],
        [PredEvent("REJECT", ent("Moscow"), confidence=0.7)],
        [PredEvent("PROTEST", confidence=0.4)],
    ]
    r = score_events(items, preds)
    # labels: gold {1:ASSAULT, 2:AGREE,COOPERATE, 3:ACCUSE}; pred {1:ASSAULT,COERCE, 2:AGREE, 3:REJECT, 4:PROTEST}
    assert (r.micro.tp, r.micro.fp, r.micro.fn) == (2, 3, 2)
    assert r.micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert r.types["ASSAULT"].f1 == 1.0 and r.types["AGREE"].f1 == 1.0
    assert r.macro_f1 == pytest.approx(2 / 7)  # ASSAULT, AGREE = 1; COOPERATE, ACCUSE, COERCE, REJECT, PROTEST = 0
    assert (r.top_correct, r.top_total) == (1, 2)  # items 1 (right) and 3 (REJECT for ACCUSE)
    assert r.confusion == {("ASSAULT", "ASSAULT"): 1, ("AGREE", "AGREE"): 1, ("COOPERATE", "NONE"): 1,
                           ("ACCUSE", "REJECT"): 1, ("NONE", "PROTEST"): 1}
    assert (r.relevance.tp, r.relevance.fp, r.relevance.fn) == (3, 1, 0)
    d = r.to_dict()
    assert d["event_type"]["micro"]["tp"] == 2 and "cameo_class" not in d


def test_role_arithmetic_on_type_matched_pairs() -> None:
    items = [
        GoldItem("1", "", events=[GoldEvent("ASSAULT", (GoldActor("Russia", "RUS"),), (GoldActor("Ukraine", "UKR"),))]),
        GoldItem("2", "", events=[GoldEvent("SANCTION", (GoldActor("European Union"),), (GoldActor("Iran", "IRN"),))]),
        GoldItem("3", "", events=[GoldEvent("ACCUSE", (GoldActor("Moscow"),), ())]),
        GoldItem("4", "", events=[GoldEvent("CONSULT", (GoldActor("Chile", "CHL"),), (GoldActor("Peru", "PER"),))]),
    ]
    preds = [
        [PredEvent("ASSAULT", ent("Russian army", "RUS"), ent("Kyiv", "UKR"))],  # both exact by country
        [PredEvent("SANCTION", ent("Union leaders"), None)],  # source overlap only, target missed
        [PredEvent("ACCUSE", ent("Kremlin"), ent("NATO"))],  # source wrong, target not in gold
        [PredEvent("CONSULT", ent("Peru", "PER"), ent("Chile", "CHL"))],  # swapped
    ]
    r = score_events(items, preds)
    s, t = r.source, r.target
    assert (s.pairs, s.gold, s.predicted, s.exact, s.overlap) == (4, 4, 4, 1, 2)
    assert (t.pairs, t.gold, t.predicted, t.exact, t.overlap) == (4, 3, 3, 1, 1)
    assert s.prf("exact").f1 == pytest.approx(0.25) and t.prf("overlap").precision == pytest.approx(1 / 3)
    assert r.swaps == 1
    both = s.merged(t)
    assert (both.gold, both.predicted, both.exact) == (7, 7, 2)
    assert (s.all_gold, s.all_predicted, t.all_gold, t.all_predicted) == (4, 4, 3, 3)


def test_pairs_prefer_the_prediction_with_right_actors_and_use_each_once() -> None:
    gold = GoldItem("1", "", events=[GoldEvent("ASSAULT", (GoldActor("Israel", "ISR"),), (GoldActor("Hamas"),))])
    preds = [[PredEvent("ASSAULT", ent("Hamas"), ent("Gaza")), PredEvent("ASSAULT", ent("Israel", "ISR"), ent("Hamas"))]]
    r = score_events([gold], preds)
    assert r.source.exact == 1 and r.target.exact == 1 and r.source.pairs == 1
    assert r.source.all_predicted == 2


def test_cameo_class_scoring() -> None:
    items = [GoldItem("1", "", events=[], typed=False, quad=0),
             GoldItem("2", "", events=[GoldEvent(None, (GoldActor("Canada"),), (), 1)], typed=False, quad=1),
             GoldItem("3", "", events=[GoldEvent(None, (GoldActor("police"),), (), 4)], typed=False, quad=4)]
    preds = [[], [PredEvent("AGREE", ent("Canada"))], [PredEvent("REQUEST", ent("police"))]]
    r = score_events(items, preds)
    assert r.typed_items == 0 and r.quad_items == 3 and r.quad_correct == 2
    assert r.quad_confusion == {(0, 0): 1, (1, 1): 1, (4, 3): 1}
    assert r.source.pairs == 1 and r.source.exact == 1  # REQUEST is verbal conflict: no pair for gold class 4
    assert r.to_dict()["cameo_class"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError):
        score_events([GoldItem("1", "")], [])


# -- end to end ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_end_to_end_on_three_english_items() -> None:
    from kronika.stages import default_pipeline

    items = read_events_jsonl(EV / "e2e_en.jsonl")
    r = evaluate_events(items, default_pipeline())
    assert r.items == 3 and r.typed_items == 3 and r.failed == 0 and len(r.results) == 3
    assert r.top_total == 2 and r.relevance.tp + r.relevance.fn == 2
    assert r.micro.tp + r.micro.fn == 2  # two gold (item, type) labels
    assert r.source.all_gold == 2 and r.target.all_gold == 2
    assert r.source.pairs == r.micro.tp
    d = r.to_dict()
    assert set(d) >= {"items", "relevance", "roles", "event_type"} and d["seconds"] >= 0


@pytest.mark.slow
def test_command_prints_a_table_or_json() -> None:
    runner = CliRunner()
    res = runner.invoke(events_command, [str(EV / "e2e_en.jsonl"), "--limit", "1", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["items"] == 1 and out["event_type"]["items"] == 1
    res = runner.invoke(events_command, [str(EV / "e2e_en.jsonl"), "--limit", "2"])
    assert res.exit_code == 0 and "event type" in res.output and "relevance" in res.output


def test_command_fails_on_a_bad_file_before_loading_models(tmp_path) -> None:
    bad = tmp_path / "x.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    res = CliRunner().invoke(events_command, [str(bad)])
    assert res.exit_code != 0 and isinstance(res.exception, InputError)


def test_scores_split_by_language() -> None:
    from kronika.eval.events import by_language, format_by_language

    items = [GoldItem("1", "", lang="fr", events=[GoldEvent("ASSAULT")]),
             GoldItem("2", "", lang="uk", events=[GoldEvent("AGREE")]),
             GoldItem("3", "", lang="uk", events=[GoldEvent("ACCUSE")])]
    preds = [[PredEvent("ASSAULT", confidence=0.9)], [PredEvent("AGREE", confidence=0.9)], [PredEvent("REJECT", confidence=0.9)]]
    langs = by_language(score_events(items, preds))
    assert sorted(langs) == ["fr", "uk"]
    assert langs["fr"].micro.f1 == 1.0 and langs["uk"].micro.f1 == pytest.approx(0.5)
    assert "uk" in format_by_language(langs)
