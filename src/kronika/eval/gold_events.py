"""Readers of event-coding gold: kronika JSON Lines, PLOVER GSR JSON, CAMEO TSV, IndiaPoliceEvents TSV.

Every reader returns :class:`GoldItem` objects: one text, its language, and its gold
events (PLOVER type, source and target actors). An item with no events is a
non-event, scored for relevance.

``jsonl`` (kronika's own)
    One JSON object a line: ``{"id", "text", "lang", "events": [{"event_type", "source",
    "target"}]}``. ``lang`` defaults to ``en``. ``source`` and ``target`` are a name as
    written ("Sergei Lavrov"), an ISO 3166-1 alpha-3 country code ("RUS"), a list of
    such strings (a compound actor: any of them matches), or null. ``events: []`` marks
    a non-event. Older PLOVER names (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE) are mapped
    as below.
``plover-gsr``
    The PLOVER gold-standard records (``PLOVER_GSR_CAMEO.json``): a JSON array whose
    ``DOCUMENT`` records are skipped; each other record gives ``text``, ``event`` (PLOVER
    0.5b1 names) and ``source``/``target`` lists of ``{actorText, code}``. Old names map
    to the 16 current types as CAMEO2PLOVER-2021 does: DEMAND→REQUEST,
    DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT. When the markup tags the
    actors ``SRC/TAR`` (a symmetric compound: "A and B met") and no target is given,
    the target may be any of the source actors.
``cameo``
    ``sentence<TAB>label``. A label of two or more digits is a CAMEO code, mapped to
    PLOVER by its root (:func:`cameo_to_plover`; 01 and 02, statements and appeals, are
    not PLOVER events). A one-digit label is the ConfliBERT "pentaclass" (0 neutral,
    1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
    conflict): the gold then gives a class, not a type, and 0 is a non-event. When a
    sibling ``../cameo_ner/<same name>.txt`` holds the same sentences as ``token tag``
    lines (BIO tags S source, T target), its spans become the gold actors.
``india-police``
    IndiaPoliceEvents ``text<TAB>KILL<TAB>ARREST<TAB>FAIL<TAB>FORCE<TAB>ANY_ACTION``:
    relevance only (ANY_ACTION), no types.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = [
    "FORMATS",
    "GoldActor",
    "GoldEvent",
    "GoldItem",
    "OLD_NAMES",
    "PLOVER_TYPES",
    "QUAD_NAMES",
    "QUAD_OF",
    "cameo_to_plover",
    "plover_type",
    "read_cameo",
    "read_event_gold",
    "read_events_jsonl",
    "read_india_police",
    "read_plover_gsr",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
OLD_NAMES: dict[str, str] = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

# CAMEO root (two digits) -> PLOVER type, after CAMEO2PLOVER-2021; 08 is split below.
_CAMEO_ROOT: dict[str, str | None] = {
    "01": None, "02": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
    "20": "ASSAULT",
}
_CAMEO_RETREAT = ("084", "085", "086", "087", "0813", "0814")

# The CAMEO (Phoenix/ICEWS) class of each PLOVER type, by its CAMEO root: 0 neutral (01-02),
# 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13),
# 4 material conflict (14-20).
QUAD_OF: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}
QUAD_NAMES: tuple[str, ...] = ("neutral", "verbal coop", "material coop", "verbal conflict", "material conflict")
FORMATS: tuple[str, ...] = ("jsonl", "plover-gsr", "cameo", "india-police")

_ISO3 = re.compile(r"^[A-Z]{3}$")
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC", "UNK", "REB", "INS"})
_CODE_ALIASES = {"JAP": "JPN", "ITL": "ITA"}  # codes the GSR spells its own way


@dataclass(frozen=True, slots=True)
class GoldActor:
    """A gold actor: its text as written and, when known, an ISO 3166-1 alpha-3 country code."""

    text: str
    code: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event. ``event_type`` is None when the gold gives only a CAMEO class (``quad``) or nothing.

    ``source`` and ``target`` are alternatives: a predicted actor matching any of them is right;
    empty means the gold has no such actor.
    """

    event_type: str | None
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    quad: int | None = None


@dataclass(slots=True)
class GoldItem:
    """One gold text. ``events`` empty: a non-event. ``typed``: whether event types are scored."""

    id: str
    text: str
    lang: str = "en"
    events: list[GoldEvent] = field(default_factory=list)
    typed: bool = True
    quad: int | None = None  # the CAMEO class when the gold gives one

    @property
    def types(self) -> set[str]:
        return {e.event_type for e in self.events if e.event_type}


def plover_type(name: str, where: str) -> str:
    """The current PLOVER name of ``name`` (old 0.5b1 names mapped); InputError when unknown."""
    up = name.strip().upper()
    up = OLD_NAMES.get(up, up)
    if up not in PLOVER_TYPES:
        raise InputError(f"{where}: unknown PLOVER event type {name!r}", hint=f"use one of {', '.join(PLOVER_TYPES)}")
    return up


def cameo_to_plover(code: str) -> str | None:
    """The PLOVER type of a CAMEO event code ("042", "1823", "08"); None for 01/02 (not events)."""
    code = code.strip()
    if not code.isdigit() or len(code) < 2 or code[:2] not in _CAMEO_ROOT:
        raise InputError(f"not a CAMEO event code: {code!r}", hint="CAMEO codes have 2-4 digits, 01 to 20")
    if code.startswith(_CAMEO_RETREAT):
        return "RETREAT"
    return _CAMEO_ROOT[code[:2]]


def _actor(value: str) -> GoldActor:
    value = value.strip()
    code = _CODE_ALIASES.get(value, value) if _ISO3.match(value) and value not in _NOT_COUNTRIES else None
    return GoldActor(value, code)


def _actors(value: Any, where: str) -> tuple[GoldActor, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return (_actor(value),)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(_actor(v) for v in value if v.strip())
    raise InputError(f"{where}: an actor must be a string, a list of strings or null, not {value!r}")


def _open(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="give a UTF-8 gold file") from None


def read_events_jsonl(path: str | Path) -> list[GoldItem]:
    """Read kronika's JSON Lines event gold (see the module docstring)."""
    p = Path(path)
    items: list[GoldItem] = []
    for n, line in enumerate(_open(p).splitlines(), 1):
        if not line.strip():
            continue
        where = f"{p}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("events"), list):
            raise InputError(f"{where}: each line needs a 'text' string and an 'events' list", hint="events: [] marks a non-event")
        events = []
        for ev in obj["events"]:
            if not isinstance(ev, dict) or not isinstance(ev.get("event_type"), str):
                raise InputError(f"{where}: each event needs an 'event_type'")
            etype = plover_type(ev["event_type"], where)
            events.append(GoldEvent(etype, _actors(ev.get("source"), where), _actors(ev.get("target"), where), QUAD_OF[etype]))
        items.append(GoldItem(str(obj.get("id", n)), obj["text"], obj.get("lang") or "en", events))
    return items


def _gsr_actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for a in value:
        if isinstance(a, dict) and str(a.get("actorText", "")).strip():
            code = str(a.get("code") or "").upper() or None
            code = _CODE_ALIASES.get(code, code) if code and _ISO3.match(code) and code not in _NOT_COUNTRIES else None
            out.append(GoldActor(str(a["actorText"]).strip(), code))
    return tuple(out)


def read_plover_gsr(path: str | Path) -> list[GoldItem]:
    """Read the PLOVER gold-standard records (a JSON array; DOCUMENT records skipped)."""
    p = Path(path)
    try:
        data = json.loads(_open(p))
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}: not JSON ({exc.msg})", hint="expected the PLOVER GSR JSON array") from None
    if not isinstance(data, list):
        raise InputError(f"{p}: expected a JSON array of PLOVER records")
    items = []
    for i, rec in enumerate(data):
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT":
            continue
        if not isinstance(rec.get("text"), str) or not isinstance(rec.get("event"), str):
            raise InputError(f"{p}: record {i} has no 'text' or 'event'")
        etype = plover_type(rec["event"], f"{p}: record {i}")
        source, target = _gsr_actors(rec.get("source")), _gsr_actors(rec.get("target"))
        info = rec.get("textInfo")
        markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")
        if not target and "SRC/TAR:" in markup and len(source) > 1:
            target = source
        event = GoldEvent(etype, source, target, QUAD_OF[etype])
        items.append(GoldItem(str(rec.get("id", i)), rec["text"], str(rec.get("language") or "en"), [event]))
    return items


def _tsv_rows(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for n, line in enumerate(_open(path).splitlines(), 1):
        if not line.strip():
            continue
        cols = line.rstrip("\r").split("\t")
        if len(cols) != columns:
            raise InputError(f"{path}:{n}: expected {columns} tab-separated columns, found {len(cols)}")
        rows.append(cols)
    return rows


def _ner_actors(path: Path, texts: Sequence[str]) -> list[tuple[tuple[GoldActor, ...], tuple[GoldActor, ...]]] | None:
    """Source and target spans of the sibling ``cameo_ner`` file, or None when it does not align."""
    from .conll import decode_tags

    sents: list[list[tuple[str, str]]] = [[]]
    for line in _open(path).splitlines():
        parts = line.strip().rsplit(" ", 1)
        if len(parts) == 2:
            sents[-1].append((parts[0], parts[1]))
        elif sents[-1]:
            sents.append([])
    sents = [s for s in sents if s]
    squash = lambda s: "".join(s.split())  # noqa: E731
    if len(sents) != len(texts) or any(squash("".join(t for t, _ in s)) != squash(x) for s, x in zip(sents, texts)):
        return None
    out = []
    for sent in sents:
        toks = [t for t, _ in sent]
        spans = decode_tags([tag for _, tag in sent])
        role = {lab: tuple(_actor(" ".join(toks[g.start:g.end])) for g in spans if g.label == lab) for lab in ("S", "T")}
        out.append((role["S"], role["T"]))
    return out


def read_cameo(path: str | Path) -> list[GoldItem]:
    """Read ``sentence<TAB>label`` CAMEO gold: CAMEO codes or ConfliBERT pentaclass labels."""
    p = Path(path)
    rows = _tsv_rows(p, 2)
    ner = p.parent.parent / "cameo_ner" / f"{p.stem}.txt"
    roles = _ner_actors(ner, [r[0] for r in rows]) if ner.is_file() else None
    items = []
    for i, (text, label) in enumerate(rows):
        label = label.strip()
        src, tgt = roles[i] if roles else ((), ())
        if len(label) == 1 and label in "01234":
            quad = int(label)
            events = [GoldEvent(None, src, tgt, quad)] if quad else []
            items.append(GoldItem(f"{p.stem}-{i + 1}", text, "en", events, typed=False, quad=quad))
            continue
        etype = cameo_to_plover(label)
        events = [GoldEvent(etype, src, tgt, QUAD_OF[etype])] if etype else []
        items.append(GoldItem(f"{p.stem}-{i + 1}", text, "en", events, quad=QUAD_OF[etype] if etype else 0))
    return items


def read_india_police(path: str | Path) -> list[GoldItem]:
    """Read IndiaPoliceEvents sentences or documents: relevance (ANY_ACTION) only."""
    p = Path(path)
    items = []
    for i, (text, *flags) in enumerate(_tsv_rows(p, 6)):
        any_action = flags[4].strip() == "1"
        items.append(GoldItem(f"{p.stem}-{i + 1}", text, "en", [GoldEvent(None)] if any_action else [], typed=False))
    return items


def _detect(path: Path) -> str:
    if path.suffix == ".json":
        return "plover-gsr"
    if path.suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if path.suffix in (".tsv", ".txt"):
        first = next((ln for ln in _open(path).splitlines() if ln.strip()), "")
        return "india-police" if first.count("\t") == 5 else "cameo"
    raise InputError(f"cannot tell the gold format of {path}", hint=f"pass --format, one of {', '.join(FORMATS)}")


def read_event_gold(path: str | Path, fmt: str | None = None) -> list[GoldItem]:
    """Read an event gold file in ``fmt`` (one of :data:`FORMATS`), guessed from the name when None."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"no gold file {p}")
    fmt = fmt or _detect(p)
    readers = {"jsonl": read_events_jsonl, "plover-gsr": read_plover_gsr, "cameo": read_cameo, "india-police": read_india_police}
    if fmt not in readers:
        raise InputError(f"unknown gold format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    return readers[fmt](p)
