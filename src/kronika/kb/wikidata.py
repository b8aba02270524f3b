"""Wikidata JSON entities to knowledge-base entries.

Reads the ``{"entities": {"Q…": {...}}}`` answers of ``Special:EntityData`` and
the dump format (a JSON array with one entity per line, plain, ``.gz`` or
``.bz2``). Labels and aliases in the five languages become aliases; P27/P17 give
the country (through a small table of common countries, otherwise null), P31 the
kind where it is obvious (``unknown`` otherwise), and P39 with its P580/P582
qualifiers the roles.
"""

from __future__ import annotations

import bz2
import gzip
import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import IO, Any

from ..errors import InputError

__all__ = ["LANGS", "entity_to_entry", "label_of", "read_entities"]

LANGS = ("en", "fr", "uk", "ru", "es")

# Wikidata items of ~80 common countries -> ISO 3166-1 alpha-3 (historical states are left out on purpose).
_COUNTRIES = """
Q212 UKR Q159 RUS Q30 USA Q142 FRA Q183 DEU Q145 GBR Q29 ESP Q38 ITA Q36 POL Q184 BLR Q217 MDA Q230 GEO
Q399 ARM Q227 AZE Q43 TUR Q794 IRN Q796 IRQ Q858 SYR Q801 ISR Q219060 PSE Q822 LBN Q810 JOR Q851 SAU
Q878 ARE Q846 QAT Q805 YEM Q842 OMN Q817 KWT Q398 BHR Q79 EGY Q1016 LBY Q948 TUN Q262 DZA Q1028 MAR
Q1049 SDN Q958 SSD Q115 ETH Q1033 NGA Q258 ZAF Q114 KEN Q1045 SOM Q912 MLI Q1032 NER Q965 BFA Q974 COD
Q148 CHN Q17 JPN Q884 KOR Q423 PRK Q865 TWN Q668 IND Q843 PAK Q889 AFG Q16 CAN Q96 MEX Q155 BRA Q414 ARG
Q717 VEN Q739 COL Q241 CUB Q298 CHL Q419 PER Q408 AUS Q664 NZL Q31 BEL Q55 NLD Q39 CHE Q40 AUT Q34 SWE
Q20 NOR Q33 FIN Q35 DNK Q27 IRL Q45 PRT Q41 GRC Q28 HUN Q213 CZE Q214 SVK Q218 ROU Q219 BGR Q403 SRB
Q224 HRV Q215 SVN Q191 EST Q211 LVA Q37 LTU Q229 CYP Q232 KAZ Q265 UZB Q863 TJK Q813 KGZ Q874 TKM Q252 IDN
Q928 PHL Q881 VNM Q869 THA Q836 MMR Q902 BGD Q222 ALB Q221 MKD Q225 BIH Q236 MNE Q189 ISL Q32 LUX
"""

# P31 (instance of) classes whose kind is obvious; the first listed class an entity has wins.
_KINDS = """
Q5 person Q6256 country Q3624078 country Q484652 igo Q245065 igo Q1127126 igo Q79913 ngo Q163740 ngo
Q7278 party Q4830453 company Q783794 company Q891723 company Q6881511 company Q11032 media Q1110794 media
Q192283 media Q1193236 media Q1616075 media Q15265344 media Q47459 military Q8473 military Q781132 military
Q176799 military_unit Q17149090 armed_group Q192350 ministry Q327333 agency Q7188 government
Q2659904 government Q11204 legislature Q35749 legislature Q41487 court Q190752 court Q35535 police
Q732717 police Q15636005 intelligence
"""

# The sector a kind obviously carries (persons and companies vary: left null).
_SECTOR_OF_KIND = {
    "country": "GOV", "igo": "IGO", "party": "PTY", "media": "JRN", "military": "MIL", "military_unit": "MIL",
    "armed_group": "REB", "ministry": "GOV", "agency": "GOV", "government": "GOV", "legislature": "LEG",
    "court": "JUD", "police": "COP", "intelligence": "SPY",
}

_TIME = re.compile(r"^\+(\d{4,})-(\d\d)-(\d\d)T")


@cache
def _pairs(table: str) -> dict[str, str]:
    words = table.split()
    return dict(zip(words[::2], words[1::2]))


def _open(path: Path) -> IO[str]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    if path.name.endswith(".bz2"):
        return bz2.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def _entities_of(obj: Any, where: str) -> list[dict[str, Any]]:
    if isinstance(obj, dict) and isinstance(obj.get("entities"), dict):
        return [e for e in obj["entities"].values() if isinstance(e, dict)]
    if isinstance(obj, dict) and "id" in obj:
        return [obj]
    if isinstance(obj, list) and all(isinstance(e, dict) for e in obj):
        return obj
    raise InputError(f"{where}: not a Wikidata entity", hint="expected Special:EntityData JSON or a JSON dump")


class _NotLineDelimited(Exception):
    """The file is one JSON document over several lines, not one entity per line."""


def read_entities(path: Path | str) -> list[dict[str, Any]]:
    """Every entity of a Wikidata JSON file; a malformed file raises :class:`InputError`."""
    path = Path(path)
    hint = "expected Special:EntityData JSON or a Wikidata JSON dump"
    try:
        try:
            return _read_lines(path, hint)
        except _NotLineDelimited:
            with _open(path) as fh:
                return _entities_of(json.load(fh), str(path))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} line {exc.lineno}: not valid JSON ({exc.msg})", hint=hint) from exc
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="check the file and its compression") from exc


def _read_lines(path: Path, hint: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    parsed = 0
    with _open(path) as fh:
        for n, line in enumerate(fh, 1):
            text = line.strip().rstrip(",")
            if text in ("", "[", "]"):
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                if parsed == 0:
                    raise _NotLineDelimited from exc
                raise InputError(f"{path} line {n}: not valid JSON ({exc.msg})", hint=hint) from exc
            out += _entities_of(obj, f"{path} line {n}")
            parsed += 1
    return out


def _statements(claims: Mapping[str, Any], prop: str) -> list[dict[str, Any]]:
    """Non-deprecated statements of ``prop``, preferred ones first."""
    stmts = [s for s in claims.get(prop) or [] if isinstance(s, dict) and s.get("rank") != "deprecated"]
    return sorted(stmts, key=lambda s: s.get("rank") != "preferred")


def _item(snak: Any) -> str | None:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    if isinstance(value, dict):
        if isinstance(value.get("id"), str):
            return value["id"]
        if isinstance(value.get("numeric-id"), int):
            return f"Q{value['numeric-id']}"
    return None


def _time(snak: Any) -> str | None:
    """An ISO date cut to the precision of a Wikidata time (year, month or day)."""
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    value = (snak.get("datavalue") or {}).get("value")
    m = _TIME.match(value.get("time", "")) if isinstance(value, dict) else None
    precision = value.get("precision", 11) if m else 0
    if not m or int(m[1]) > 9999 or precision < 9:
        return None
    parts = [f"{int(m[1]):04d}", m[2], m[3]][: min(precision, 11) - 8]
    return "-".join(parts)


def _qualifier_time(stmt: Mapping[str, Any], prop: str) -> str | None:
    return next((t for t in map(_time, (stmt.get("qualifiers") or {}).get(prop) or []) if t), None)


def _text_values(block: Any) -> list[str]:
    items = block if isinstance(block, list) else [block]
    return [v["value"].strip() for v in items if isinstance(v, dict) and isinstance(v.get("value"), str)]


def entity_to_entry(
    entity: Mapping[str, Any], labels: Mapping[str, str], known: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A KB entry (docs/kb.md format, id ``wd/Q…``) for one Wikidata item.

    ``labels`` names other items (the positions of P39) by QID; ``known`` maps
    QIDs to kb_ids for the organisation of a role (P642 qualifier). Raises
    ValueError with the reason when the entity cannot be an entry.
    """
    qid = entity.get("id")
    if not isinstance(qid, str) or not re.fullmatch(r"Q[1-9]\d*", qid):
        raise ValueError(f"not a Wikidata item (id {qid!r})")
    if "missing" in entity:
        raise ValueError(f"{qid} is missing on Wikidata")
    names = {lang: _text_values((entity.get("labels") or {}).get(lang)) for lang in LANGS}
    aliases = {
        lang: list(dict.fromkeys(a for a in names[lang] + _text_values((entity.get("aliases") or {}).get(lang)) if a))
        for lang in LANGS
    }
    name = next((names[lang][0] for lang in LANGS if names[lang]), None)
    if not name:
        raise ValueError(f"{qid} has no label in {', '.join(LANGS)}")
    claims = entity.get("claims") or {}
    classes = {_item(s.get("mainsnak")) for s in _statements(claims, "P31")}
    kind = next((k for q, k in _pairs(_KINDS).items() if q in classes), "unknown")
    countries = [_item(s.get("mainsnak")) for prop in ("P27", "P17") for s in _statements(claims, prop)]
    iso3 = _pairs(_COUNTRIES)
    country = None if kind == "igo" else next((iso3[q] for q in countries if q in iso3), None)
    roles = []
    for stmt in _statements(claims, "P39"):
        position = _item(stmt.get("mainsnak"))
        if position is None:
            continue
        of = next(filter(None, map(_item, (stmt.get("qualifiers") or {}).get("P642") or [])), None)
        roles.append({
            "title": labels.get(position, position), "org": (known or {}).get(of or ""),
            "start": _qualifier_time(stmt, "P580"), "end": _qualifier_time(stmt, "P582"),
        })
    roles.sort(key=lambda r: r["start"] or "")
    if not aliases["en"] or aliases["en"][0] != name:
        aliases["en"] = [name] + [a for a in aliases["en"] if a != name]
    return {
        "id": f"wd/{qid}", "name": name, "kind": kind, "country": country,
        "sector": "NGO" if kind == "ngo" and country is None else _SECTOR_OF_KIND.get(kind),
        "wikidata": qid, "aliases": aliases, "roles": roles,
    }


def label_of(entity: Mapping[str, Any]) -> str | None:
    """The English (else first available) label of an entity."""
    for lang in LANGS:
        values = _text_values((entity.get("labels") or {}).get(lang))
        if values:
            return values[0]
    return None
