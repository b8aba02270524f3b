"""kronika's errors: a small hierarchy with codes, turned into one-line messages at the edges.

Every message says what went wrong with which input and what to do next.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "InputError",
    "KronikaError",
    "PipelineError",
    "StoreError",
]


class KronikaError(Exception):
    """Base class. ``code`` is stable and documented; ``str()`` is the one-line message."""

    code = "K000"

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message

    def one_line(self) -> str:
        return f"[{self.code}] {self}".replace("\n", " ")


class InputError(KronikaError):
    """An input could not be read or holds no usable article."""

    code = "K100"


class StoreError(KronikaError):
    """The store cannot be opened, written or migrated."""

    code = "K200"


class PipelineError(KronikaError):
    """The pipeline is misconfigured (unknown stage, unmet requirement)."""

    code = "K300"


class ConfigError(KronikaError):
    """A setting or option is invalid."""

    code = "K400"
