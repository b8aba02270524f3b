"""The real ``kronika`` command, run in a subprocess, on small fixtures."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .conftest import kronika

NEWS = "Politique\n\nLe gouvernement a annoncé un accord\n\nLe ministre a signé un accord à Kyiv mardi. Les discussions continuent.\n"


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    return path


def test_ingest_twice_adds_nothing_and_says_so(article: Path, db: str) -> None:
    first = kronika("ingest", str(article), "--db", db, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["new"] == 1
    second = kronika("ingest", str(article), "--db", db)
    assert second.returncode == 0
    assert "0 new, 1 already stored" in second.stdout
    stats = json.loads(kronika("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == 1 and stats["coded"] == 0 and stats["uncoded"] == 1


def test_run_no_store_prints_one_record_and_writes_nothing(article: Path, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    proc = kronika("run", str(article), "--json", "--no-store", "--published", "2024-03-05", env={"KRONIKA_DB": str(db)})
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    art = lines[0]["article"]
    assert art["section"] == "Politique" and art["title"] == "Le gouvernement a annoncé un accord"
    assert art["published"] == "2024-03-05" and art["lang"] == "fr"
    assert not db.exists()


def test_run_codes_stored_articles_then_reports_already_coded(article: Path, db: str) -> None:
    assert kronika("ingest", str(article), "--db", db).returncode == 0
    first = kronika("run", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "coded 1" in first.stdout
    again = kronika("run", str(article), "--db", db)
    assert "1 already coded" in again.stdout
    stats = json.loads(kronika("stats", "--db", db, "--json").stdout)
    assert stats["coded"] == 1 and stats["uncoded"] == 0


def test_show_by_prefix_and_json(article: Path, db: str) -> None:
    kronika("run", str(article), "--db", db)
    art_id = sqlite3.connect(db).execute("SELECT id FROM articles").fetchone()[0]
    proc = kronika("show", art_id[:6], "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["article"]["id"] == art_id
    text = record["article"]["text"]
    for ent in record["entities"]:
        assert text[ent["start"]:ent["end"]] == ent["text"]
    missing = kronika("show", "ffffffffff", "--db", db)
    assert missing.returncode == 1 and "no article" in missing.stderr
    _no_traceback(missing)


def test_export_formats(article: Path, db: str, tmp_path: Path) -> None:
    kronika("run", str(article), "--db", db)
    for name in ("out.jsonl", "out.csv", "out.parquet"):
        proc = kronika("export", str(tmp_path / name), "--db", db, "--json")
        assert proc.returncode == 0, proc.stderr
        assert (tmp_path / name).exists()
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["article"]["section"] == "Politique"
    header = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event_id,article_id,event_type")
    import pyarrow.parquet as pq

    assert "event_type" in pq.read_table(tmp_path / "out.parquet").column_names
    bad = kronika("export", str(tmp_path / "out.xyz"), "--db", db)
    assert bad.returncode == 1 and "--format" in bad.stderr


@pytest.mark.parametrize(
    "setup, expect",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.write_bytes(bytes(range(256)) * 40), "binary"),
        (lambda p: p.write_text("   \n\n  ", encoding="utf-8"), "empty"),
    ],
    ids=["missing", "binary", "empty"],
)
def test_bad_input_one_line_error(tmp_path: Path, db: str, setup, expect: str) -> None:
    bad = tmp_path / "bad.txt"
    setup(bad)
    proc = kronika("ingest", str(bad), "--db", db)
    assert proc.returncode == 1
    _no_traceback(proc)
    errors = [line for line in proc.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and expect in errors[0] and "bad.txt" in errors[0]


def test_malformed_json_line_others_still_stored(tmp_path: Path, db: str) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text(
        '{"id": "a1", "text": "Les manifestants se sont rassemblés à Paris."}\n'
        '{"id": "a2", "text": "broken\n'
        '{"id": "a3", "text": "Протестувальники зібралися у Києві.", "lang": "uk"}\n',
        encoding="utf-8",
    )
    proc = kronika("ingest", str(path), "--db", db, "--json")
    assert proc.returncode == 1
    _no_traceback(proc)
    assert json.loads(proc.stdout)["new"] == 2
    assert "line 2" in proc.stderr
    ids = {r[0] for r in sqlite3.connect(db).execute("SELECT source_id FROM articles")}
    assert ids == {"a1", "a3"}


def test_unknown_format_is_a_usage_error(article: Path, db: str) -> None:
    proc = kronika("ingest", str(article), "--format", "docx", "--db", db)
    assert proc.returncode == 1 and "unknown format" in proc.stderr
    _no_traceback(proc)


def test_locked_database(article: Path, db: str) -> None:
    kronika("ingest", str(article), "--db", db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        proc = kronika("ingest", str(article), "--db", db, env={"KRONIKA_BUSY_TIMEOUT": "0.2"})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode == 1 and "locked" in proc.stderr
    _no_traceback(proc)


def test_read_only_database_keeps_what_is_stored(article: Path, db: str, tmp_path: Path) -> None:
    kronika("ingest", str(article), "--db", db)
    other = tmp_path / "other.txt"
    other.write_text("Another article about talks in Geneva.", encoding="utf-8")
    lock = subprocess.run(["chattr", "+i", db], capture_output=True)
    if lock.returncode != 0:
        Path(db).chmod(0o444)
    try:
        proc = kronika("ingest", str(other), "--db", db)
    finally:
        subprocess.run(["chattr", "-i", db], capture_output=True)
        Path(db).chmod(0o644)
    assert proc.returncode == 1 and "read-only" in proc.stderr
    _no_traceback(proc)
    assert json.loads(kronika("stats", "--db", db, "--json").stdout)["articles"] == 1


def test_stdin_input(db: str) -> None:
    proc = kronika("ingest", "-", "--db", db, "--json", stdin="Ceasefire talks resumed in Doha on Monday.".encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["new"] == 1
