"""A real ``kronika run`` killed mid-run loses nothing committed, and a rerun resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import kronika

pytestmark = pytest.mark.slow

N = 400


def _items(tmp_path: Path) -> Path:
    path = tmp_path / "items.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(N):
            text = f"Report {i}: delegations met in Geneva on day {i} to discuss prisoner exchange number {i * 7}."
            out.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")
    return path


def _coded(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM codings WHERE status = 'coded'").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def _start(items: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kronika", "run", str(items), "--db", db, "--quiet"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ),
    )


def _wait_for_progress(proc: subprocess.Popen[bytes], db: str, at_least: int) -> None:
    deadline = time.monotonic() + 240
    while _coded(db) < at_least:
        assert proc.poll() is None, "kronika run ended before it could be interrupted"
        assert time.monotonic() < deadline, "kronika run made no progress"
        time.sleep(0.02)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["killed", "ctrl-c"])
def test_interrupted_run_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    items, db = _items(tmp_path), str(tmp_path / "k.db")
    proc = _start(items, db)
    _wait_for_progress(proc, db, 5)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"interrupted" in err and b"Traceback" not in err
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    coded_before = con.execute("SELECT count(*) FROM codings WHERE status = 'coded'").fetchone()[0]
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 5 <= coded_before < N and coded_before <= stored_before < N

    resumed = kronika("run", str(items), "--db", db, "--json", "--quiet", timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    stats = json.loads(kronika("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == N and stats["coded"] == N and stats["uncoded"] == 0
    # the rerun coded only what was left
    again = kronika("run", str(items), "--db", db, "--quiet")
    assert f"{N} already coded" in again.stdout
