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
