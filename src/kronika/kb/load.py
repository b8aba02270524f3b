"""Loading and checking the knowledge-base files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from .model import KBEntry

__all__ = ["SECTORS", "load_agents", "load_entries", "load_shipped", "shipped_fingerprint", "validate"]

SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC IGO NGO MNC".split()
)

try:  # the C loader is several times faster where libyaml is present
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


def load_entries(path: Path | str, origin: str = "shipped") -> list[KBEntry]:
    """Entries of one YAML file (a list of actor entries)."""
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=_Loader)
    if not isinstance(data, list):
        raise ConfigError(f"{path}: expected a list of entries", hint="see docs/kb.md for the format")
    return [KBEntry.from_dict(d, origin) for d in data if isinstance(d, dict) and d.get("id")]


def _data_files() -> list:
    folder = resources.files("kronika.kb") / "data"
    return sorted((f for f in folder.iterdir() if f.name.endswith(".yaml") and f.name != "agents.yaml"),
                  key=lambda f: f.name)


def load_shipped() -> list[KBEntry]:
    """Every actor entry shipped with the package."""
    entries: list[KBEntry] = []
    for f in _data_files():
        with f.open("r", encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader) or []
        entries += [KBEntry.from_dict(d) for d in data if isinstance(d, dict) and d.get("id")]
    return entries


def shipped_fingerprint() -> str:
    """A hash of the shipped data files: the key of cached indexes built from them."""
    import hashlib

    h = hashlib.sha256()
    agents = resources.files("kronika.kb") / "data" / "agents.yaml"
    for f in [*_data_files(), *([agents] if agents.is_file() else [])]:  # the agent tries are cached too
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def load_agents() -> list[dict]:
    """The agent patterns (role nouns mapped to sectors)."""
    path = resources.files("kronika.kb") / "data" / "agents.yaml"
    if not path.is_file():
        return []
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader) or []


def validate(entries: list[KBEntry]) -> list[str]:
    """Problems found in a set of entries (empty when all is well)."""
    problems = []
    ids = {}
    for e in entries:
        if e.id in ids:
            problems.append(f"duplicate id {e.id}")
        ids[e.id] = e
    for e in entries:
        if e.sector and e.sector not in SECTORS:
            problems.append(f"{e.id}: unknown sector {e.sector}")
        for s in e.other_sectors:
            if s not in SECTORS:
                problems.append(f"{e.id}: unknown other sector {s}")
        if e.country is not None and not (len(e.country) == 3 and e.country.isupper()):
            problems.append(f"{e.id}: country {e.country!r} is not ISO alpha-3")
        for ref in [e.parent] + [r.org for r in e.roles]:
            if ref and ref not in ids:
                problems.append(f"{e.id}: refers to unknown id {ref}")
    return problems
