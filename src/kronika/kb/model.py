"""Knowledge-base entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["KBEntry", "Role"]


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    org: str | None = None
    start: str | None = None  # ISO date
    end: str | None = None

    def held_on(self, day: str | None) -> bool:
        """True if the role was held on ``day`` (or, with no day, if it is current)."""
        if day is None:
            return self.end is None
        day = day[:10]
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class KBEntry:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    other_sectors: tuple[str, ...] = ()
    aliases: dict[str, list[str]] = field(default_factory=dict)
    adjectives: dict[str, list[str]] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    capital: str | None = None
    wikidata: str | None = None
    origin: str = "shipped"  # shipped | user

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "shipped") -> KBEntry:
        roles = tuple(
            Role(str(r.get("title") or ""), r.get("org"), _iso(r.get("start")), _iso(r.get("end")))
            for r in data.get("roles") or []
        )
        aliases = {lang: [str(a) for a in names or []] for lang, names in (data.get("aliases") or {}).items()}
        adjectives = {lang: [str(a) for a in names or []] for lang, names in (data.get("adjectives") or {}).items()}
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=str(data.get("kind") or "unknown"),
            country=data.get("country"),
            sector=data.get("sector"),
            other_sectors=tuple(data.get("other_sectors") or ()),
            aliases=aliases,
            adjectives=adjectives,
            roles=roles,
            parent=data.get("parent"),
            capital=data.get("capital"),
            wikidata=data.get("wikidata"),
            origin=origin,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "name": self.name, "kind": self.kind, "country": self.country, "sector": self.sector,
            "other_sectors": list(self.other_sectors), "aliases": self.aliases, "adjectives": self.adjectives,
            "roles": [{"title": r.title, "org": r.org, "start": r.start, "end": r.end} for r in self.roles],
            "parent": self.parent, "capital": self.capital, "wikidata": self.wikidata, "origin": self.origin,
        }

    def all_aliases(self) -> list[tuple[str, str]]:
        """(language, alias) pairs, the canonical name included."""
        pairs = [("en", self.name)]
        pairs += [(lang, a) for lang, names in self.aliases.items() for a in names]
        return pairs

    def role_on(self, day: str | None) -> Role | None:
        held = [r for r in self.roles if r.held_on(day)]
        return held[-1] if held else None


def _iso(value: Any) -> str | None:
    return None if value is None else str(value)[:10]
