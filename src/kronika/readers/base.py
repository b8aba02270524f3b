"""Types shared by the readers."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article

__all__ = ["ReadResult"]


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
        return f"{self.input}:{self.where}" if self.where else self.input
