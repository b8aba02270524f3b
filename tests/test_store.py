from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kronika.errors import StoreError
from kronika.model import Article
from kronika.store import EventFilter, open_store


def _record(article: Article, events: list[dict]) -> dict:
    return {
        "schema_version": "1.0",
        "article": article.to_dict(),
        "relevance": {"relevant": True, "score": 0.9},
        "entities": [
            {"text": "Kyiv", "start": 0, "end": 4, "label": "LOC", "kb_id": None, "name": None, "country": "UKR", "sector": None}
        ],
        "events": events,
        "coding": {"coded": True, "pipeline_version": "t", "stages": [], "missing": []},
    }


def _event(i: str, etype: str, src: str, src_cty: str, date: str, evidence: str) -> dict:
    return {
        "id": i, "event_type": etype, "mode": None, "contexts": [],
        "source": {"text": src, "start": 0, "end": len(src), "label": "ORG", "kb_id": f"x/{src.lower()}",
                   "name": src, "country": src_cty, "sector": "GOV"},
        "target": None, "date": {"text": date, "start": None, "end": None, "value": date, "precision": "day"},
        "location": None, "evidence": [{"start": 0, "end": len(evidence), "text": evidence}],
        "modality": "asserted", "confidence": 0.8,
    }


def test_same_article_twice_adds_nothing(db: str) -> None:
    store = open_store(db)
    art = Article.create("Kyiv was shelled overnight.", title="Shelling")
    assert store.add_article(art) is True
    assert store.add_article(Article.create("Kyiv  was shelled\novernight.", title="Shelling")) is False
    assert store.stats()["articles"] == 1


def test_migrations_recorded_once(db: str) -> None:
    open_store(db).close()
    open_store(db).close()
    names = [r[0] for r in sqlite3.connect(db).execute("SELECT name FROM migrations")]
    assert names == sorted(names) and names[0] == "0001_init" and len(names) == len(set(names))


def test_coding_replaces_previous_and_filters_work(db: str) -> None:
    store = open_store(db)
    art = Article.create("Kyiv was shelled overnight. Talks were held.")
    store.add_article(art)
    assert [a.id for a in store.uncoded_articles()] == [art.id]
    store.save_coding(art.id, "v1", _record(art, [_event("e1", "ASSAULT", "Russia", "RUS", "2024-01-02", "was shelled")]))
    store.save_coding(art.id, "v2", _record(art, [
        _event("e2", "ASSAULT", "Russia", "RUS", "2024-01-02", "was shelled overnight"),
        _event("e3", "CONSULT", "Ukraine", "UKR", "2024-02-10", "Talks were held"),
    ]))
    assert store.coding_version(art.id) == "v2"
    assert list(store.uncoded_articles()) == []
    assert {e["id"] for e in store.events(EventFilter())} == {"e2", "e3"}
    assert [e["id"] for e in store.events(EventFilter(event_type="consult"))] == ["e3"]
    assert [e["id"] for e in store.events(EventFilter(country="RUS"))] == ["e2"]
    assert [e["id"] for e in store.events(EventFilter(actor="ukr"))] == ["e3"]
    assert [e["id"] for e in store.events(EventFilter(date_from="2024-02-01"))] == ["e3"]
    assert [e["id"] for e in store.events(EventFilter(date_to="2024-01-31"))] == ["e2"]
    assert [e["id"] for e in store.events(EventFilter(text="overnight"))] == ["e2"]
    assert [e["id"] for e in store.events(EventFilter(text='talks "held'))] == ["e3"]  # user text is not FTS syntax
    stats = store.stats()
    assert stats["events"] == 2 and stats["events_by_type"] == {"ASSAULT": 1, "CONSULT": 1}
    assert stats["coded"] == 1 and stats["entities"] == 1


def test_failed_coding_keeps_article_uncoded(db: str) -> None:
    store = open_store(db)
    art = Article.create("Some text.")
    store.add_article(art)
    store.save_coding(art.id, "v1", None, stage="events", reason="ValueError: x")
    assert [a.id for a in store.uncoded_articles()] == [art.id]
    rec = store.get_record(art.id)
    assert rec is not None and rec["coding"]["failed_stage"] == "events"
    assert store.stats()["failed"] == 1


def test_article_search(db: str) -> None:
    store = open_store(db)
    store.add_article(Article.create("Протестувальники зібралися біля Ради.", title="Протест у Києві"))
    store.add_article(Article.create("Weather will be sunny.", title="Forecast"))
    hits = store.search_articles("протест")
    assert len(hits) == 1 and hits[0]["title"] == "Протест у Києві"


def test_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"\x00\x01not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a kronika database"):
        open_store(str(bad))


def test_readonly_open_of_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_store(str(tmp_path / "none.db"), readonly=True)


def test_postgres_not_yet(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://localhost/kronika")
