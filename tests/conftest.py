"""Shared fixtures. No test touches the network; model hubs are switched off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ["NO_PROGRESS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7e7288b8f68c05a5.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def needs_shared(path: Path = SHARED) -> pytest.MarkDecorator:
    """Skip cleanly when ../shared (or a file in it) is absent."""
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent")


def kronika(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run the real ``kronika`` command in a subprocess."""
    full_env = dict(os.environ, **(env or {}))
    proc = subprocess.run(
        [sys.executable, "-m", "kronika", *args],
        input=stdin, capture_output=True, env=full_env, timeout=timeout,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "k.db")
