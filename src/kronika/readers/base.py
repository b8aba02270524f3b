"""Types shared by the readers."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article

__all__ = ["EMPTY_ARTICLE", "ReadResult", "iso_language"]

EMPTY_ARTICLE = "empty article: no text after reading (check the file)"


@dataclass(slots=True)
class ReadResult:
    """One item read from an input: an article, or the reason it could not be read.

    ``where`` locates the item inside its input ("line 3", "item 2", "record 5")
    so an error message can name it; it is None for single-article inputs.
    """

    input: str
    article: Article | None = None
    error: str | None = None
    where: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None

    def describe(self) -> str:
        """The input, and the item's place in it unless the error already names it."""
        if self.where and self.where not in (self.error or ""):
            return f"{self.input}:{self.where}"
        return self.input


def iso_language(tag: object) -> str | None:
    """Reduce a language tag ("uk-UA", "fr_FR", "ES") to its lower-case primary subtag.

    Returns None for anything that is not a 2 or 3 letter language code.
    """
    if not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 else None
