"""The named-entity evaluation: gold readers, scoring arithmetic, an end-to-end run, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronika.cli_eval import eval_group
from kronika.errors import InputError
from kronika.eval import (
    GoldSpan,
    Mention,
    NerReport,
    TypeScore,
    decode_tags,
    evaluate_ner,
    read_conll,
    read_factru,
    read_gold,
    score_mentions,
)
from kronika.eval.ner import _causes, _layout, _trimmed, gold_label, pred_label

from .conftest import FIXTURES

CONLL = FIXTURES / "conll"
EXPECTED = [
    [GoldSpan(0, 2, "PER"), GoldSpan(3, 5, "PER"), GoldSpan(6, 7, "LOC")],
    [GoldSpan(2, 3, "LOC"), GoldSpan(3, 4, "LOC"), GoldSpan(6, 8, "ORG")],
    [GoldSpan(0, 1, "ORG")],
]


# -- readers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["iob1.txt", "iob2.conllu", "bioes.tsv"])
def test_iob1_iob2_and_bioes_files_decode_to_the_same_spans(name: str) -> None:
    sentences = read_conll(CONLL / name)
    assert [s.spans for s in sentences] == EXPECTED
    assert sentences[0].tokens == ["Anna", "Weber", "met", "Ivan", "Petrov", "in", "Kyiv", "."]
    assert [s.doc for s in sentences] == [0, 0, 1]  # DOCSTART lines start documents and are not tokens


def test_iob1_needs_b_only_between_adjacent_entities_of_one_type() -> None:
    assert decode_tags(["I-LOC", "B-LOC", "O", "I-PER", "I-PER"]) == [
        GoldSpan(0, 1, "LOC"), GoldSpan(1, 2, "LOC"), GoldSpan(3, 5, "PER")]
    assert decode_tags(["I-LOC", "I-LOC"]) == [GoldSpan(0, 2, "LOC")]  # IOB1: one entity
    assert decode_tags(["B-LOC", "B-LOC"]) == [GoldSpan(0, 1, "LOC"), GoldSpan(1, 2, "LOC")]


def test_bioes_and_bilou_close_at_end_and_single_tags() -> None:
    assert decode_tags(["S-PER", "B-ORG", "I-ORG", "E-ORG", "U-LOC", "B-LOC", "L-LOC", "O"]) == [
        GoldSpan(0, 1, "PER"), GoldSpan(1, 4, "ORG"), GoldSpan(4, 5, "LOC"), GoldSpan(5, 7, "LOC")]
    assert decode_tags(["E-PER", "E-PER"]) == [GoldSpan(0, 1, "PER"), GoldSpan(1, 2, "PER")]


def test_a_label_change_inside_i_tags_starts_a_new_entity() -> None:
    assert decode_tags(["B-PER", "I-ORG", "I-ORG"]) == [GoldSpan(0, 1, "PER"), GoldSpan(1, 3, "ORG")]


def test_labels_with_dashes_and_underscore_prefixes() -> None:
    assert decode_tags(["B_WORK_OF_ART", "I_WORK_OF_ART"]) == [GoldSpan(0, 2, "WORK_OF_ART")]
    with pytest.raises(ValueError):
        decode_tags(["NNP"])


def test_a_file_whose_last_column_is_not_a_tag_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not an IOB/BIOES tag"):
        read_conll(CONLL / "pos_only.txt")
    one = tmp_path / "one.txt"
    one.write_text("word\n", encoding="utf-8")
    with pytest.raises(InputError, match="one column"):
        read_conll(one)


def test_missing_and_json_inputs_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_gold(tmp_path / "absent.iob")
    (tmp_path / "entities.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not supported"):
        read_gold(tmp_path / "entities.json")
    with pytest.raises(InputError, match="no factRuEval"):
        read_gold(tmp_path)


def test_factru_objects_become_name_spans() -> None:
    sentences = read_factru(CONLL / "factru")
    assert read_gold(CONLL / "factru") == sentences
    assert sentences[0].tokens[:3] == ["Глава", "МИД", "России"]
    assert sentences[0].spans == [GoldSpan(1, 3, "Org"), GoldSpan(3, 5, "Person"), GoldSpan(7, 8, "LocOrg")]
    # nested and doubled spans are kept once, the longest, and the others are not scored either way
    assert sentences[0].ignored == [GoldSpan(2, 3, "LocOrg"), GoldSpan(7, 8, "Location")]
    assert sentences[1].spans == [GoldSpan(2, 3, "Org")]  # the descriptor "Компания" is not part of the name
    assert sentences[2].spans == [] and sentences[2].ignored == [GoldSpan(0, 1, "Org")]  # a nominal mention


# -- labels and scoring ----------------------------------------------------------------------------


def test_label_maps() -> None:
    assert [gold_label(x) for x in ("PERSON", "PERS", "GPE", "Location", "LocOrg", "ORGANIZATION", "Organisation")] == [
        "PER", "PER", "LOC", "LOC", "LOC", "ORG", "ORG"]
    assert gold_label("DATE") is None and gold_label("JOB") is None
    assert [pred_label(x) for x in ("PER", "ORG", "LOC", "GPE", "MISC", "WEAPON", "PROGRAM", "EVENT")] == [
        "PER", "ORG", "LOC", "LOC", "MISC", "MISC", "MISC", "MISC"]
    assert pred_label("AGENT") is None  # "the protesters" is an actor, not a name


def test_exact_match_scores_per_type_and_micro() -> None:
    gold = [Mention(0, 0, 5, "PER"), Mention(0, 10, 15, "LOC"), Mention(0, 20, 25, "ORG"), Mention(1, 0, 4, "LOC")]
    pred = [
        Mention(0, 0, 5, "PER"),  # right
        Mention(0, 10, 15, "ORG"),  # right span, wrong type: ORG fp, LOC fn
        Mention(0, 20, 24, "ORG"),  # wrong boundary: ORG fp and fn
        Mention(1, 0, 4, "LOC"),  # right
        Mention(1, 6, 9, "PER"),  # spurious
        Mention(1, 12, 16, "MISC"),  # on an unscored gold span (a date, say): neither way
    ]
    scores = score_mentions(gold, pred, ignored=[(1, 12, 16)])
    assert (scores["PER"].tp, scores["PER"].fp, scores["PER"].fn) == (1, 1, 0)
    assert (scores["LOC"].tp, scores["LOC"].fp, scores["LOC"].fn) == (1, 0, 1)
    assert (scores["ORG"].tp, scores["ORG"].fp, scores["ORG"].fn) == (0, 2, 1)
    assert "MISC" not in scores
    assert scores["PER"].precision == 0.5 and scores["PER"].recall == 1.0
    assert scores["PER"].f1 == pytest.approx(2 / 3)
    assert scores["LOC"].f1 == pytest.approx(2 / 3) and scores["ORG"].f1 == 0.0
    report = NerReport("x", "en", per_type=scores)
    micro = report.micro
    assert (micro.tp, micro.fp, micro.fn, micro.support) == (2, 3, 2, 4)
    assert micro.precision == pytest.approx(0.4) and micro.recall == pytest.approx(0.5)
    assert micro.f1 == pytest.approx(2 * 0.4 * 0.5 / 0.9)
    assert report.micro_misc.tp == micro.tp  # no MISC on either side


def test_an_ignored_span_that_is_also_gold_is_scored() -> None:
    # factRuEval: "Минск" is both a LocOrg (kept) and a Location (ignored as a double)
    scores = score_mentions([Mention(0, 0, 5, "LOC")], [Mention(0, 0, 5, "LOC")], ignored=[(0, 0, 5)])
    assert (scores["LOC"].tp, scores["LOC"].fn) == (1, 0)


def test_empty_scores_are_zero_not_errors() -> None:
    assert (TypeScore().precision, TypeScore().recall, TypeScore().f1) == (0.0, 0.0, 0.0)
    assert score_mentions([], []) == {}


def test_error_causes() -> None:
    gold = {Mention(0, 0, 5, "PER"), Mention(0, 10, 15, "LOC"), Mention(0, 20, 30, "ORG"), Mention(0, 40, 45, "LOC")}
    pred = {Mention(0, 0, 5, "ORG"), Mention(0, 10, 14, "LOC"), Mention(0, 20, 25, "PER"), Mention(0, 50, 55, "PER")}
    missed = _causes(gold, pred, set(), "missed")
    assert missed == {("PER", "wrong_type"): 1, ("LOC", "wrong_span"): 1, ("ORG", "wrong_span_type"): 1,
                      ("LOC", "missed"): 1}
    spurious = _causes(pred, gold, set(), "spurious")
    assert spurious[("PER", "spurious")] == 1 and spurious[("ORG", "wrong_type")] == 1


def test_layout_keeps_token_offsets() -> None:
    sentences = read_conll(CONLL / "iob2.conllu")
    text, offsets = _layout(sentences)
    assert text.split("\n")[0] == "Anna Weber met Ivan Petrov in Kyiv ."
    for sentence, ranges in zip(sentences, offsets):
        assert [text[a:b] for a, b in ranges] == sentence.tokens


# -- end to end -------------------------------------------------------------------------------------


def test_quotation_marks_at_a_spans_ends_are_no_part_of_the_name_unless_strict() -> None:
    text = "клуба « Днепр » и ТОВ «Каштан» ."
    quoted = (text.index("«"), text.index("»") + 1)
    assert text[slice(*_trimmed(text, *quoted))] == "Днепр"
    assert text[slice(*_trimmed(text, *quoted, quotes=False))] == "« Днепр »"
    company = (text.index("ТОВ"), text.rindex("»") + 1)
    assert text[slice(*_trimmed(text, *company))] == "ТОВ «Каштан"  # gold and prediction lose the same mark
    assert _trimmed(text, text.index("«"), text.index("«") + 1) == (text.index("«"), text.index("«"))


@pytest.mark.slow
def test_evaluate_ner_on_a_french_fixture() -> None:
    report = evaluate_ner(CONLL / "fr_mini.conllu", "fr", group=2, examples=2)
    assert (report.sentences, report.units, report.failed_units) == (7, 4, 0)  # a document break ends a unit
    assert {k: s.support for k, s in report.per_type.items()} == {"PER": 3, "ORG": 4, "LOC": 6, "MISC": 1}
    assert report.micro.support == 13 and report.micro_misc.support == 14
    assert report.micro.tp > 0  # offsets line up: some predictions match exactly
    for s in report.per_type.values():
        assert 0.0 <= s.f1 <= 1.0
    data = report.to_dict()
    assert set(data["per_type"]) == {"PER", "ORG", "LOC", "MISC"}
    assert {"precision", "recall", "f1", "support", "tp", "fp", "fn"} <= set(data["micro"])
    assert evaluate_ner(CONLL / "fr_mini.conllu", "fr", limit=1).micro.support == 3


@pytest.mark.slow
def test_cli_eval_ner_prints_a_table_and_json() -> None:
    runner = CliRunner()
    result = runner.invoke(eval_group, ["ner", str(CONLL / "fr_mini.conllu"), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "micro P/O/L" in result.output and "support" in result.output
    result = runner.invoke(eval_group, ["ner", str(CONLL / "fr_mini.conllu"), "--lang", "fr", "--limit", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sentences"] == 2 and data["micro"]["support"] == 5


def test_cli_eval_ner_reports_a_bad_file_before_loading_models(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_group, ["ner", str(tmp_path / "absent.iob"), "--lang", "fr"])
    assert isinstance(result.exception, InputError) and "does not exist" in str(result.exception)
    result = CliRunner().invoke(eval_group, ["ner", str(CONLL / "pos_only.txt"), "--lang", "en"])
    assert isinstance(result.exception, InputError)
