"""The output record: one JSON object per article, versioned and described by a JSON Schema.

The schema lives in ``kronika/schema/record.schema.json`` and in docs/record.md.
A change that removes or renames a field bumps the major version.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from .model import Document

__all__ = ["SCHEMA_VERSION", "document_record", "load_schema"]

SCHEMA_VERSION = "1.0"


def document_record(doc: Document, pipeline_version: str, missing: list[str] | None = None) -> dict[str, Any]:
    """The output record of a coded document."""
    return {
        "schema_version": SCHEMA_VERSION,
        "article": doc.article.to_dict(),
        "relevance": {
            "relevant": None if doc.relevance is None else doc.relevance >= 0.5,
            "score": None if doc.relevance is None else round(doc.relevance, 4),
        },
        "entities": [e.to_dict() for e in doc.entities],
        "events": [e.to_dict() for e in doc.events],
        "coding": {
            "coded": True,
            "pipeline_version": pipeline_version,
            "stages": list(doc.stages_run),
            "missing": list(missing or []),
        },
    }


def load_schema() -> dict[str, Any]:
    """The JSON Schema of the output record."""
    text = (resources.files("kronika") / "schema" / "record.schema.json").read_text(encoding="utf-8")
    return json.loads(text)
