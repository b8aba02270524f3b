from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.model import Article, content_hash, span_of
from kronika.stages.segment import split_paragraphs, split_sentences

words = st.text(alphabet=st.characters(whitelist_categories=("L", "N"), max_codepoint=0x4FF), min_size=1, max_size=12)
sentence = st.lists(words, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=5).map(" ".join)
body = st.lists(paragraph, min_size=1, max_size=5).map("\n\n".join)


@given(title=st.one_of(st.none(), st.lists(words, min_size=1, max_size=8).map(" ".join)), text=body)
@settings(max_examples=150, deadline=None)
def test_offsets_always_point_at_their_text(title: str | None, text: str) -> None:
    art = Article.create(text, title=title)
    if art.title:
        assert art.text[: len(art.title)] == art.title
    for para in split_paragraphs(art.text):
        assert art.text[para.start : para.end] == para.text
        for sent in split_sentences(art.text, para):
            assert art.text[sent.start : sent.end] == sent.text
            assert para.start <= sent.start <= sent.end <= para.end


def test_content_hash_ignores_whitespace_and_normalisation() -> None:
    assert content_hash("T", "a  b\n c") == content_hash("T", "a b c")
    assert content_hash(None, "Cafe\u0301") == content_hash(None, "Café")
    assert content_hash(None, "a b") != content_hash(None, "a c")


def test_span_of_refuses_out_of_range() -> None:
    import pytest

    with pytest.raises(ValueError):
        span_of("abc", 2, 5)
    assert span_of("abcdef", 1, 3).text == "bc"


def test_headline_without_period_is_its_own_sentence() -> None:
    art = Article.create("Le ministre est arrivé. Il a parlé à M. Dupont hier.", title="Un titre sans point")
    sents = [s.text for p in split_paragraphs(art.text) for s in split_sentences(art.text, p)]
    assert sents == ["Un titre sans point", "Le ministre est arrivé.", "Il a parlé à M. Dupont hier."]
