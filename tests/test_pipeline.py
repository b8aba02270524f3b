from __future__ import annotations

import pytest

from kronika.errors import PipelineError
from kronika.model import Article, Document
from kronika.pipeline import build_pipeline
from kronika.stages import default_pipeline, make_stage


class Upper:
    name = "upper"
    requires = ("sentences",)
    assigns = ("shout",)

    def __call__(self, doc: Document) -> None:
        if "boom" in doc.text:
            raise ValueError("cannot shout boom")
        doc.scratch["shout"] = doc.text.upper()


def test_requires_checked_before_any_article() -> None:
    with pytest.raises(PipelineError, match="requires sentences"):
        build_pipeline([Upper(), make_stage("segment.v1")], "t")


def test_duplicate_stage_rejected() -> None:
    seg = make_stage("segment.v1")
    with pytest.raises(PipelineError, match="twice"):
        build_pipeline([seg, seg], "t")


def test_unknown_stage_names_the_choices() -> None:
    with pytest.raises(PipelineError, match="segment.v1"):
        make_stage("nope.v1")


def test_failing_article_is_recorded_and_the_run_goes_on() -> None:
    pipe = build_pipeline([make_stage("segment.v1"), Upper()], "t")
    docs = [Document(Article.create(t)) for t in ("Calm text.", "A boom here.", "More calm.")]
    outcomes = [o for _, o in pipe.process_many(docs)]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].stage == "upper" and "cannot shout boom" in (outcomes[1].reason or "")
    assert docs[2].scratch["shout"] == "MORE CALM."


def test_default_pipeline_says_what_is_missing() -> None:
    pipe = default_pipeline()
    assert pipe.names[:2] == ["segment", "language"]
    assert isinstance(pipe.missing, list)
    assert pipe.version.startswith(__import__("kronika").__version__)
