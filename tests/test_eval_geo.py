"""The geocoding and date evaluation: stand-off gold readers, the metrics, an end-to-end run, the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kronika.errors import InputError
from kronika.eval.dates import evaluate_dates, read_date_gold
from kronika.eval.geo import (
    GeoPrediction,
    GeoReport,
    distance_km,
    evaluate_geo,
    evaluate_toponyms,
    score_prediction,
)
from kronika.eval.geo_cli import geo_command
from kronika.eval.geo_gold import GeoGold, checksum, read_geo_gold, read_toponyms, source_text

from .conftest import FIXTURES, ROOT, SHARED, needs_shared

GEO = FIXTURES / "geo"
DATA = GEO / "eval-data"


def gold(**kw: object) -> GeoGold:
    base: dict[str, object] = dict(id="g", file="f", lang="en", length=1, sha1="0", geonameid=706483, country="UKR",
                                   lat=49.98, lon=36.25, type="city", start=0, end=1)
    base.update(kw)
    return GeoGold(**base)  # type: ignore[arg-type]


# -- the gold reader ---------------------------------------------------------------------------------


def test_reader_finds_every_locator_kind_and_checks_it() -> None:
    rows = read_geo_gold(GEO / "gold.jsonl", DATA)
    assert [r.id for r in rows] == ["t1", "t2", "t3", "t4", "n1", "n2", "d1", "d2"]
    cache: dict = {}
    mentions = [source_text(r, DATA, cache=cache).mention for r in rows]
    assert mentions == ["Kharkiv", "Izium", "Херсона", "New York", "Geneva", "Genève", "Aleppo", "Syria"]
    assert all(checksum(m) == r.sha1 and len(m) == r.length for m, r in zip(mentions, rows))


def test_gold_files_hold_no_mention_text() -> None:
    for line in (GEO / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        assert not {"text", "mention", "name", "value"} & set(row)
        assert "Kharkiv" not in line and "Херсона" not in line


def test_token_context_keeps_the_mention_offsets() -> None:
    rows = {r.id: r for r in read_geo_gold(GEO / "gold.jsonl")}
    found = source_text(rows["t4"], DATA)
    assert found.text.splitlines()[-1] == "The delegation flew to New York ."
    assert found.text.count("\n") == 2  # the two sentences before fit in the window
    small = source_text(rows["t4"], DATA, window=10)
    assert small.text == "The delegation flew to New York ." and small.mention == "New York"


@pytest.mark.parametrize(("change", "message"), [
    ({"sha1": "deadbeef"}, "checksum"),
    ({"len": 99}, "length"),
    ({"tok": 3}, "checksum"),
    ({"sent": 7}, "outside the file"),
])
def test_reader_fails_loudly_on_a_mismatch(tmp_path: Path, change: dict, message: str) -> None:
    row = json.loads((GEO / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row | change) + "\n", encoding="utf-8")
    read_geo_gold(bad)  # without the corpus only the fields are checked
    with pytest.raises(InputError, match=message) as err:
        read_geo_gold(bad, DATA)
    assert "t1" in str(err.value)


def test_reader_rejects_offsets_outside_a_text_and_unknown_documents(tmp_path: Path) -> None:
    lines = (GEO / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(json.loads(lines[4]) | {"start": 500, "end": 506}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="outside the text"):
        read_geo_gold(bad, DATA)
    bad.write_text(json.dumps(json.loads(lines[6]) | {"doc": "d9"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="no document d9"):
        read_geo_gold(bad, DATA)


def test_reader_rejects_rows_without_one_locator_or_with_a_bad_type(tmp_path: Path) -> None:
    row = json.loads((GEO / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    bad = tmp_path / "bad.jsonl"
    for broken in (row | {"start": 0, "end": 3}, {k: v for k, v in row.items() if k != "sent"}, row | {"type": "planet"}):
        bad.write_text(json.dumps(broken) + "\n", encoding="utf-8")
        with pytest.raises(InputError, match="bad.jsonl:1"):
            read_geo_gold(bad)


def test_toponym_reader() -> None:
    rows = read_toponyms(GEO / "toponyms.tsv")
    assert [(t.name, t.lang, t.geonameid) for t in rows] == [
        ("Bakhmut", "en", 713174), ("Артемовск", "ru", 713174), ("Nowhereville", "en", None)]


# -- the metrics ---------------------------------------------------------------------------------------


def test_distance() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.01)
    assert distance_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(343.5, abs=1)  # Paris-London
    assert distance_km(10, 20, 10, 20) == 0


def test_score_prediction_country_exact_and_161_km() -> None:
    g = gold()
    assert score_prediction(g, GeoPrediction(706483, "UKR", 49.98, 36.25)) == {"country": True, "exact": True, "km": True}
    near = GeoPrediction(1, "UKR", 49.5, 36.9)  # another place ~70 km away
    assert score_prediction(g, near) == {"country": True, "exact": False, "km": True}
    far = GeoPrediction(2, "UKR", 46.6, 32.6)  # Kherson, ~460 km
    assert score_prediction(g, far) == {"country": True, "exact": False, "km": False}
    assert score_prediction(g, GeoPrediction(3, "RUS", 50.6, 36.6)) == {"country": False, "exact": False, "km": True}
    assert score_prediction(g, GeoPrediction()) == {"country": False, "exact": False, "km": False}


def test_same_geonameid_is_0_km_and_a_country_without_coordinates_misses_otherwise() -> None:
    country = gold(geonameid=690791, lat=48.4, lon=31.2, type="country")
    assert score_prediction(country, GeoPrediction(690791, "UKR")) == {"country": True, "exact": True, "km": True}
    region = gold(geonameid=None, lat=48.0, lon=37.8, type="region")
    assert score_prediction(region, GeoPrediction(690791, "UKR")) == {"country": True, "exact": None, "km": False}
    assert score_prediction(region, GeoPrediction(709717, "UKR", 48.02, 37.80))["km"] is True


def test_areas_beyond_one_country_are_not_scored_but_a_resolution_is_an_error() -> None:
    area = gold(geonameid=None, country=None, lat=50.0, lon=10.0, type="other")
    assert score_prediction(area, GeoPrediction(1, "USA", 39.0, -77.0)) == {"country": None, "exact": None, "km": None}
    report = GeoReport()
    report.add("resolver", ("en",), area, GeoPrediction(1, "USA", 39.0, -77.0))
    report.add("resolver", ("en",), area, GeoPrediction())
    assert report.causes["resolver"] == {"area_beyond_one_country_resolved": 1}
    assert report.resolver["all"].country_n == 0 and report.resolver["all"].mentions == 2


def test_report_counts_per_slice_and_error_causes() -> None:
    report = GeoReport()
    report.add("full", ("uk",), gold(), GeoPrediction(706483, "UKR", 49.98, 36.25))
    report.add("full", ("uk",), gold(), GeoPrediction())
    report.add("full", ("en",), gold(), GeoPrediction(3, "RUS", 50.6, 36.6))
    report.add("full", ("en",), gold(geonameid=None), GeoPrediction())
    overall, uk = report.full["all"], report.full["uk"]
    assert (overall.mentions, overall.resolved, overall.country_ok, overall.exact_n, overall.exact_ok) == (4, 2, 1, 3, 1)
    assert (uk.mentions, uk.rate("country"), uk.rate("exact"), uk.rate("km")) == (2, 0.5, 0.5, 0.5)
    assert report.causes["full"] == {"unresolved_in_gazetteer": 1, "wrong_country": 1, "unresolved_not_in_gazetteer": 1}
    data = report.to_dict()
    assert data["full_path"]["all"]["country_accuracy"] == 0.25 and data["resolver_only"] == {}


# -- dates ---------------------------------------------------------------------------------------------


def test_date_gold_reader_and_scoring() -> None:
    items = read_date_gold(GEO / "dates.jsonl")
    assert [i.id for i in items] == ["a", "b", "c", "d"] and items[2].dates == ()
    report = evaluate_dates(items)
    assert (report.gold["all"], report.correct["all"], report.predicted["all"]) == (2, 1, 3)
    assert (report.traps["all"], report.traps_passed["all"]) == (2, 1)
    assert report.errors == {"wrong_value": 1, "spurious": 1}
    assert report.accuracy() == 0.5 and report.accuracy("en") == 1.0


def test_date_gold_reader_needs_an_unambiguous_mention(tmp_path: Path) -> None:
    bad = tmp_path / "dates.jsonl"
    line = {"lang": "en", "published": None, "text": "May 1 and May 1.", "dates": [{"text": "May 1", "value": "x", "precision": "day"}]}
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="twice"):
        read_date_gold(bad)
    line["dates"][0]["start"] = 10  # type: ignore[index]
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert read_date_gold(bad)[0].dates[0].start == 10
    line["dates"][0]["precision"] = "decade"  # type: ignore[index]
    bad.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="precision"):
        read_date_gold(bad)


# -- end to end ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_evaluate_geo_end_to_end_on_the_fixture() -> None:
    rows = read_geo_gold(GEO / "gold.jsonl", DATA)
    report = evaluate_geo(rows, DATA, examples=50)
    assert report.failed == 0
    assert report.full["all"].mentions == report.resolver["all"].mentions == len(rows)
    assert set(report.full) >= {"all", "en", "fr", "uk", "tiny", "notes", "docs", "in_gazetteer"}
    resolver = report.resolver["all"]
    assert resolver.exact_n == len(rows) and resolver.exact_ok >= 6  # Kharkiv, Izium, Херсона (lemma), Geneva, Aleppo, ...
    assert all(ex["mode"] in ("full", "resolver") for ex in report.examples)


def test_evaluate_toponyms_resolves_in_the_country_context() -> None:
    report = evaluate_toponyms(read_toponyms(GEO / "toponyms.tsv"))
    overall = report.resolver["all"]
    assert (overall.mentions, overall.exact_n, overall.exact_ok, overall.country_ok) == (3, 2, 2, 2)
    assert report.causes["resolver"] == {"unresolved_not_in_gazetteer": 1}
    assert [ex["name"] for ex in report.examples] == ["Nowhereville"]


@pytest.mark.slow
def test_cli_eval_geo_json() -> None:
    result = CliRunner().invoke(geo_command, [str(GEO / "gold.jsonl"), str(GEO / "toponyms.tsv"), "--eval-data", str(DATA),
                                              "--dates", str(GEO / "dates.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    reports = [json.loads(line) for line in result.output.splitlines()]
    assert [r["file"] for r in reports] == [str(GEO / "gold.jsonl"), str(GEO / "toponyms.tsv"), str(GEO / "dates.jsonl")]
    assert reports[0]["full_path"]["all"]["mentions"] == 8 and reports[2]["all"]["correct"] == 1


def test_cli_eval_geo_reports_a_bad_gold_file_before_loading_models(tmp_path: Path) -> None:
    row = json.loads((GEO / "gold.jsonl").read_text(encoding="utf-8").splitlines()[0])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(row | {"sha1": "deadbeef"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(geo_command, [str(bad), "--eval-data", str(DATA)])
    assert result.exit_code != 0 and isinstance(result.exception, InputError)


# -- the shipped gold sets -------------------------------------------------------------------------------

SHIPPED = ROOT / "benchmarks" / "gold"


@needs_shared(SHARED / "eval-data")
def test_shipped_geo_gold_verifies_against_the_corpora() -> None:
    rows = [r for path in sorted((SHIPPED / "geo").glob("*.jsonl")) for r in read_geo_gold(path, SHARED / "eval-data")]
    assert len(rows) >= 500
    assert sum(r.lang in ("uk", "ru") for r in rows) >= 150
    assert len({r.id for r in rows}) == len(rows)


def test_shipped_frontline_list_and_date_gold_read() -> None:
    toponyms = read_toponyms(SHIPPED / "geo" / "frontline_ukr.tsv")
    assert len({t.place for t in toponyms}) >= 60 and {t.lang for t in toponyms} == {"en", "uk", "ru"}
    assert all(t.country == "UKR" for t in toponyms)
    dates = read_date_gold(SHIPPED / "dates" / "dates.jsonl")
    assert len(dates) >= 80 and {d.lang for d in dates} == {"fr", "en", "uk", "ru", "es"}
    assert sum(not d.dates for d in dates) >= 10  # traps
