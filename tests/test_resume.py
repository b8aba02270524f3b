"""A real ``kronika run`` (in one process, or with worker processes) killed mid-run loses nothing committed,
leaves no worker behind, and a rerun resumes."""

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


def _start(items: Path, db: str, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kronika", "run", str(items), "--db", db, "--quiet", "--workers", str(workers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ),
    )


def _children(pid: int) -> list[int]:
    return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _wait_gone(pids: list[int]) -> None:
    """Every process in ``pids`` ends (or is a zombie waiting to be reaped) within a few seconds."""
    deadline = time.monotonic() + 20
    for pid in pids:
        while True:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                break
            if state == "Z":
                break
            assert time.monotonic() < deadline, f"worker {pid} outlived its parent"
            time.sleep(0.05)


def _wait_for_progress(proc: subprocess.Popen[bytes], db: str, at_least: int) -> None:
    deadline = time.monotonic() + 240
    while _coded(db) < at_least:
        assert proc.poll() is None, "kronika run ended before it could be interrupted"
        assert time.monotonic() < deadline, "kronika run made no progress"
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("sig", "workers"),
    [(signal.SIGKILL, 1), (signal.SIGINT, 1), (signal.SIGKILL, 2), (signal.SIGINT, 2)],
    ids=["killed", "ctrl-c", "killed-workers", "ctrl-c-workers"],
)
def test_interrupted_run_resumes(tmp_path: Path, sig: signal.Signals, workers: int) -> None:
    items, db = _items(tmp_path), str(tmp_path / "k.db")
    proc = _start(items, db, workers)
    _wait_for_progress(proc, db, 5)
    children = _children(proc.pid)
    assert len(children) == (workers if workers > 1 else 0)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    _wait_gone(children)  # no worker outlives its parent, killed or interrupted
    if sig == signal.SIGINT:
        assert proc.returncode == 130
        assert b"interrupted" in err and b"Traceback" not in err
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    coded_before = con.execute("SELECT count(*) FROM codings WHERE status = 'coded'").fetchone()[0]
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 5 <= coded_before < N and coded_before <= stored_before < N

    resumed = kronika("run", str(items), "--db", db, "--json", "--quiet", "--workers", str(workers), timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    stats = json.loads(kronika("stats", "--db", db, "--json").stdout)
    assert stats["articles"] == N and stats["coded"] == N and stats["uncoded"] == 0
    # the rerun coded only what was left
    again = kronika("run", str(items), "--db", db, "--quiet")
    assert f"{N} already coded" in again.stdout
