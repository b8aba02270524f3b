"""Seed-layout and free-text inputs: the section stays out of the title and text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from kronika.readers import read_bytes
from kronika.readers.text import is_seed_layout, parse_seed, parse_text, read_seed, read_text


def test_seed_fixture(inputs: Path) -> None:
    [result] = read_seed((inputs / "seed_fr.txt").read_bytes(), "seed_fr.txt")
    article = result.article
    assert article is not None and result.error is None
    assert article.section == "Incidents"
    assert article.title == "Un drone frappe un dépôt de carburant près de Kharkiv"
    assert article.text.startswith(article.title + "\n\nUn drone a frappé dans la nuit")
    assert article.text.endswith("de Kharkiv et de Soumy.")
    assert "Incidents" not in article.text
    assert (article.input, article.input_format) == ("seed_fr.txt", "seed")


def test_seed_with_crlf_and_extra_blank_lines() -> None:
    data = "\r\n\r\nSociété\r\n\r\n\r\nGrève des contrôleurs aériens\r\n\r\nLes vols sont annulés.\r\nSuite.\r\n"
    article = parse_seed(data)
    assert article is not None
    assert (article.section, article.title) == ("Société", "Grève des contrôleurs aériens")
    assert article.text == "Grève des contrôleurs aériens\n\nLes vols sont annulés.\nSuite."


def test_seed_without_layout_is_an_error() -> None:
    [result] = read_seed("Une seule ligne de texte.".encode(), "x.txt")
    assert result.article is None and "not in seed layout" in result.error
    [result] = read_seed(b"   \n", "x.txt")
    assert result.error.startswith("empty article")


def test_forced_seed_is_structural_but_detection_is_strict() -> None:
    text = "Breaking news today, again.\n\nA headline.\n\nBody."
    assert not is_seed_layout(text)
    article = parse_seed(text)
    assert article is not None and article.section == "Breaking news today, again."


def test_plain_text_with_title(inputs: Path) -> None:
    [result] = read_text((inputs / "plain_en.txt").read_bytes(), "plain_en.txt")
    article = result.article
    assert article.title == "Ceasefire talks resume in Geneva"
    assert article.section is None
    assert article.text.startswith("Ceasefire talks resume in Geneva\n\nDelegations from both sides")


def test_plain_text_without_title(inputs: Path) -> None:
    data = (inputs / "plain_es_notitle.txt").read_bytes()
    [result] = read_text(data, "plain_es_notitle.txt")
    assert result.article.title is None
    assert result.article.text == data.decode("utf-8").strip()


def test_plain_text_title_rules() -> None:
    assert parse_text("A headline\n\nBody text.").title == "A headline"
    assert parse_text("A headline\nBody text.").title is None, "needs a blank line after it"
    assert parse_text("A full sentence.\n\nBody text.").title is None
    assert parse_text("Is it a question?\n\nBody text.").title is None
    assert parse_text(("x" * 200) + "\n\nBody text.").title is None, "too long"
    assert parse_text("Only a headline").title is None, "no body: the line is the text"
    assert parse_text(" \n\t\n") is None


def test_empty_text_is_an_error() -> None:
    [result] = read_text(b"\n\n  \n", "empty.txt")
    assert result.error == "empty article: no text after reading (check the file)"


# -- property tests -------------------------------------------------------------------------

_SECTION_WORD = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈ", min_size=2, max_size=8)
_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéàçабвгдеєжзиіїклмнопрстуфхцчшщьюяñ'-", min_size=1, max_size=12)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=12).map(" ".join)
_TITLE = st.lists(_WORD, min_size=4, max_size=12).map(" ".join)
_BODY = st.lists(_SENTENCE.map(lambda s: s + "."), min_size=1, max_size=4).map("\n\n".join)
_SECTION = st.lists(_SECTION_WORD, min_size=1, max_size=3).map(" ".join)


@given(section=_SECTION, title=_TITLE, body=_BODY, crlf=st.booleans())
def test_seed_layout_property(section: str, title: str, body: str, crlf: bool) -> None:
    assume(len(title) > len(section))  # the layout's label is shorter than its headline
    raw = f"{section}\n\n{title}\n\n{body}\n"
    if crlf:
        raw = raw.replace("\n", "\r\n")
    results = list(read_bytes(raw.encode("utf-8"), "generated.txt"))
    assert len(results) == 1 and results[0].ok
    article = results[0].article
    assert article.input_format == "seed"
    assert article.section == section
    assert article.title == title
    assert article.text[: len(article.title)] == article.title
    assert section not in article.text


@given(st.text())
def test_any_text_property(raw: str) -> None:
    article = parse_text(raw)
    if article is None:
        assert not raw.strip()
        return
    assert article.section is None
    if article.title is not None:
        assert article.text[: len(article.title)] == article.title


@given(st.text())
def test_any_seed_property(raw: str) -> None:
    article = parse_seed(raw)
    if article is not None:
        assert article.section and "\n" not in article.section
        if article.title is not None:
            assert article.text[: len(article.title)] == article.title


@given(section=_SECTION, rest=st.text())
def test_section_never_leaks(section: str, rest: str) -> None:
    raw = f"{section}\n\n{rest}"
    for result in read_bytes(raw.encode("utf-8"), "generated.txt"):
        article = result.article
        if article is None or article.section is None:
            continue
        assert article.section == section
        if section not in rest:
            assert section not in article.text
        if article.title is not None:
            assert article.text[: len(article.title)] == article.title
