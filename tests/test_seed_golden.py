"""Golden test on the acceptance article (../shared/seeds), for what the build delivers so far."""

from __future__ import annotations

import json

import jsonschema
import pytest

from kronika.record import load_schema

from .conftest import SEED, kronika, needs_shared

pytestmark = needs_shared(SEED)


@pytest.fixture(scope="module")
def record() -> dict:
    proc = kronika("run", str(SEED), "--json", "--no-store", "--published", "2023-12-07")
    assert proc.returncode == 0, proc.stderr
    objs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(objs) == 1
    return objs[0]


def test_article_metadata(record: dict) -> None:
    art = record["article"]
    assert art["section"] == "Incidents"
    assert art["title"].startswith("Les États-Unis ont annoncé le transfert de technologie")
    assert art["title"].endswith("avec l'Ukraine")
    assert art["lang"] == "fr"
    assert art["published"] == "2023-12-07"


def test_section_is_not_in_the_text(record: dict) -> None:
    text = record["article"]["text"]
    assert not text.startswith("Incidents")
    assert text.startswith(record["article"]["title"])
    assert "Incidents" not in text


def test_every_span_points_at_its_text(record: dict) -> None:
    text = record["article"]["text"]
    spans = list(record["entities"])
    for ev in record["events"]:
        spans += ev["evidence"] + [x for x in (ev["source"], ev["target"], ev["location"], ev["date"]) if x and x.get("start") is not None]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]


def test_record_matches_its_schema(record: dict) -> None:
    jsonschema.validate(record, load_schema())


def test_id_is_stable(record: dict) -> None:
    again = kronika("run", str(SEED), "--json", "--no-store", "--published", "2023-12-07")
    assert json.loads(again.stdout.splitlines()[0])["article"]["id"] == record["article"]["id"]


# What ../shared/acceptance/seed_000.yaml asks of entities: mention -> (canonical name, country).
EXPECTED_LINKS = [
    ("États-Unis", "United States", "USA"),
    ("Ukraine", "Ukraine", "UKR"),
    ("Maison Blanche", "White House", "USA"),
    ("Pentagone", "United States Department of Defense", "USA"),
    ("ministère de l'industrie stratégique d'Ukraine", "Ministry of Strategic Industries of Ukraine", "UKR"),
    ("ministère de la Défense de l'Ukraine", "Ministry of Defence of Ukraine", "UKR"),
    ("Washington", "Washington, D.C.", "USA"),
    ("Rustem Umerov", "Rustem Umerov", "UKR"),
    ("Mikhail Fedorov", "Mykhailo Fedorov", "UKR"),
    ("Yuri Ignatus", "Yurii Ihnat", "UKR"),
    ("Stoltenberg", "Jens Stoltenberg", None),
    ("OTAN", "NATO", None),
    ("Frankensam", "FrankenSAM", None),
    ("F-16", "F-16 Fighting Falcon", None),
]


@pytest.mark.parametrize("mention, name, country", EXPECTED_LINKS, ids=[m for m, _, _ in EXPECTED_LINKS])
def test_entity_linked(record: dict, mention: str, name: str, country: str | None) -> None:
    hits = [e for e in record["entities"] if e["text"] == mention]
    assert hits, f"{mention!r} not found"
    for e in hits:
        assert e["kb_id"] and e["name"] == name, e
        if country:
            assert e["country"] == country, e


def test_roles_and_sectors_of_persons(record: dict) -> None:
    by_text = {e["text"]: e for e in record["entities"]}
    assert by_text["Yuri Ignatus"]["sector"] == "MIL"
    assert "spokes" in (by_text["Yuri Ignatus"]["role"] or "").lower()
    assert by_text["Rustem Umerov"]["role"] == "Minister of Defence"
    assert by_text["Mikhail Fedorov"]["role"] == "Minister of Digital Transformation"
    assert by_text["Stoltenberg"]["sector"] == "IGO"


def _countries(ev: dict) -> set:
    return {(ev.get("source") or {}).get("country"), (ev.get("target") or {}).get("country")}


def _evidence(ev: dict) -> str:
    return " ".join(s["text"] for s in ev["evidence"])


def test_one_agreement_usa_ukraine_in_washington(record: dict) -> None:
    agree = [e for e in record["events"] if e["event_type"] == "AGREE" and _countries(e) == {"USA", "UKR"}]
    assert len(agree) == 1
    ev = agree[0]
    assert "déclaration d'intentions" in _evidence(ev)
    assert ev["location"]["geonameid"] == 4140963
    assert "military" in ev["contexts"]


def test_aid_usa_to_ukraine(record: dict) -> None:
    aid = [e for e in record["events"] if e["event_type"] == "AID" and "fourni des technologies" in _evidence(e)]
    assert len(aid) == 1
    assert aid[0]["source"]["country"] == "USA" and aid[0]["target"]["country"] == "UKR"


def test_meeting_of_the_two_ministers(record: dict) -> None:
    consult = [e for e in record["events"] if e["event_type"] == "CONSULT" and "réunion" in _evidence(e)]
    assert len(consult) == 1
    names = {consult[0]["source"]["name"], consult[0]["target"]["name"]}
    assert names == {"Rustem Umerov", "Mykhailo Fedorov"}


def test_nothing_forbidden(record: dict) -> None:
    for ev in record["events"]:
        src, tgt = ev["source"] or {}, ev["target"] or {}
        assert not (src.get("kb_id") and src.get("kb_id") == tgt.get("kb_id"))
        loc = ev["location"] or {}
        assert loc.get("country") != "GBR" and loc.get("geonameid") != 5815135
        assert ev["modality"] in ("asserted", "negated", "future", "hypothetical", "reported")
