"""When things happened: date mentions found by rules and resolved against the publication date."""

from __future__ import annotations

from .dates import DATE_LANGUAGES, find_dates, parse_published

__all__ = ["DATE_LANGUAGES", "find_dates", "parse_published"]
