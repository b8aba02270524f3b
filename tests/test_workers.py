"""``kronika run --workers N``: worker processes code what one process codes, in the same order."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import pytest

from kronika import api
from kronika.errors import ConfigError, PipelineError
from kronika.model import Document
from kronika.parallel import WorkerPool, available_cores, resolve_workers
from kronika.pipeline import Pipeline, build_pipeline
from kronika.stages import make_stage
from kronika.store import EventFilter, open_store

from .conftest import kronika

ARTICLES = [
    ("fr", "Le président français a rencontré Volodymyr Zelensky à Paris le 3 mars 2024. Les deux dirigeants "
           "ont signé un accord de sécurité. Des manifestants ont protesté devant l'ambassade de Russie."),
    ("fr", "L'armée russe a bombardé Kharkiv mardi, tuant deux civils. Le ministère ukrainien de la Défense a "
           "dénoncé une attaque contre des quartiers résidentiels."),
    ("en", "Russian forces shelled Kharkiv on Tuesday, killing three civilians, Ukrainian officials said. The "
           "United Nations condemned the attack and called for an investigation."),
    ("en", "Delegations from Russia and Ukraine met in Istanbul on Friday to discuss a prisoner exchange. Turkey "
           "offered to host further talks."),
    ("uk", "Російські війська обстріляли Харків у вівторок, загинули троє цивільних. Президент Зеленський "
           "засудив атаку і закликав партнерів посилити санкції."),
    ("uk", "Міністр закордонних справ України Дмитро Кулеба зустрівся з генеральним секретарем НАТО у Брюсселі."),
    ("ru", "Министр иностранных дел России Сергей Лавров встретился с госсекретарём США в Женеве. Стороны "
           "обсудили обмен пленными."),
    ("ru", "В Москве полиция задержала участников акции протеста против мобилизации."),
    ("es", "El gobierno de España anunció sanciones contra Rusia. El presidente Pedro Sánchez se reunió con el "
           "canciller alemán en Madrid."),
    ("es", "Miles de personas se manifestaron en Buenos Aires contra el recorte del presupuesto universitario."),
]


def _items(path: Path, repeat_at: tuple[int, ...] = (1, 6)) -> Path:
    """The articles as JSON Lines; the articles at ``repeat_at`` come twice, the copy right after the first."""
    with path.open("w", encoding="utf-8") as out:
        for i, (lang, text) in enumerate(ARTICLES):
            line = json.dumps({"id": f"a{i}", "text": text, "lang": lang, "published": "2024-03-05"}, ensure_ascii=False)
            out.write(line + "\n" + (line + "\n" if i in repeat_at else ""))
    return path


def _run(sources: list[str] | None, db: str, pipeline: Pipeline, workers: int, **kw: Any) -> tuple[api.RunReport, list]:
    store = open_store(db)
    records: list[dict[str, Any]] = []
    try:
        report = api.run(sources, store, pipeline, on_record=records.append, workers=workers, **kw)
        return report, records
    finally:
        store.close()


def _events(db: str) -> list[dict[str, Any]]:
    store = open_store(db, readonly=True)
    try:
        return store.events(EventFilter())
    finally:
        store.close()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from kronika.stages import default_pipeline

    return default_pipeline()


def test_two_workers_code_what_one_process_codes(pipeline: Pipeline, tmp_path: Path) -> None:
    items = str(_items(tmp_path / "items.jsonl"))
    one, records_one = _run([items], str(tmp_path / "one.db"), pipeline, 1)
    two, records_two = _run([items], str(tmp_path / "two.db"), pipeline, 2)
    assert one.to_dict() == two.to_dict()
    assert (one.coded, one.duplicates, one.already_coded) == (len(ARTICLES), 2, 2)
    assert records_two == records_one  # the same records, in the same order
    assert sum(len(r["events"]) for r in records_one) >= 5
    assert {r["article"]["lang"] for r in records_one} == {"fr", "en", "uk", "ru", "es"}
    assert _events(str(tmp_path / "two.db")) == _events(str(tmp_path / "one.db"))
    # a rerun with workers codes nothing, and forks nothing
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(WorkerPool, "_start", lambda self: pytest.fail("workers started with nothing to code"))
        again, records = _run([items], str(tmp_path / "two.db"), pipeline, 2)
    assert (again.coded, again.already_coded) == (0, len(ARTICLES) + 2) and records == records_one


def test_workers_code_the_stored_queue_and_force_recodes(pipeline: Pipeline, tmp_path: Path) -> None:
    items, db = str(_items(tmp_path / "items.jsonl", repeat_at=())), str(tmp_path / "k.db")
    store = open_store(db)
    assert api.ingest([items], store).new == len(ARTICLES)
    store.close()
    queued, _ = _run(None, db, pipeline, 2)
    assert queued.coded == len(ARTICLES)
    forced, records = _run([items], db, pipeline, 2, force=True)
    assert (forced.coded, forced.already_coded) == (len(ARTICLES), 0) and len(records) == len(ARTICLES)


# -- the pool itself, with a quick pipeline ---------------------------------------------------------


class _Slow:
    """Early articles take longest, so workers finish out of order; "boom" fails, "crash" kills the worker."""

    name, requires, assigns = "slow", ("sentences",), ("slow",)

    def __call__(self, doc: Document) -> None:
        if "crash" in doc.text:
            os._exit(3)
        if "boom" in doc.text:
            raise ValueError("cannot code boom")
        number = int(doc.text.split()[1]) if doc.text.startswith("Report ") else 0
        time.sleep(max(0.0, 0.05 - number * 0.005))
        doc.scratch["slow"] = number


def _quick() -> Pipeline:
    return build_pipeline([make_stage("segment.v1"), make_stage("language.v1"), _Slow()], "quick")


def _reports(path: Path, texts: list[str]) -> str:
    path.write_text("".join(json.dumps({"text": t, "lang": "en"}) + "\n" for t in texts), encoding="utf-8")
    return str(path)


def test_results_come_back_in_input_order_and_failures_are_outcomes(tmp_path: Path) -> None:
    texts = [f"Report {i} of the day." for i in range(12)]
    texts[5] = "Report 5: a boom here."
    items = _reports(tmp_path / "r.jsonl", texts)
    one, records_one = _run([items], str(tmp_path / "one.db"), _quick(), 1)
    three, records_three = _run([items], str(tmp_path / "three.db"), _quick(), 3)
    assert [r["article"]["text"] for r in records_three] == [t for t in texts if "boom" not in t]
    assert records_three == records_one and three.to_dict() == one.to_dict()
    assert [(o.stage, o.reason) for o in three.failed] == [("slow", "ValueError: cannot code boom")]


def test_a_dead_worker_stops_the_run_with_one_clear_error(tmp_path: Path) -> None:
    texts = [f"Report {i} of the day." for i in range(6)] + ["Report 6 will crash."]
    items, db = _reports(tmp_path / "r.jsonl", texts), str(tmp_path / "k.db")
    with pytest.raises(PipelineError, match=r"worker process died \(exit code 3\) while coding article"):
        _run([items], db, _quick(), 2)
    store = open_store(db)
    stats = store.stats()
    store.close()
    assert stats["coded"] == 6 and stats["articles"] == 7  # everything before the crash is committed


def test_workers_option_values() -> None:
    assert resolve_workers("auto") == available_cores() >= 1
    assert resolve_workers("3") == 3 and resolve_workers(2) == 2
    for bad in ("0", "-1", "many"):
        with pytest.raises(ConfigError, match="--workers"):
            resolve_workers(bad)


def test_cli_rejects_a_bad_workers_value(tmp_path: Path) -> None:
    done = kronika("run", "x.txt", "--workers", "none", "--db", str(tmp_path / "k.db"))
    assert done.returncode == 2 and "--workers must be a number or auto" in done.stderr


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="reads /proc/self/maps (Linux)")
def test_workers_limit_openblas_to_one_thread() -> None:
    import numpy  # noqa: F401 - loads numpy's OpenBLAS

    from kronika.parallel import one_blas_thread

    assert one_blas_thread() >= 1
