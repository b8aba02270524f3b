"""read_inputs: files, directories, globs and stdin; errors as one-line results, never raised."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kronika.errors import InputError
from kronika.readers import read_bytes, read_inputs

UKRAINIAN_SEED = (
    "Війна\n\nОкупанти обстріляли Херсон з артилерії\n\n"
    "Російські війська вранці обстріляли центр Херсона, пошкоджено житловий будинок і школу. "
    "Про це повідомила обласна військова адміністрація.\n"
)
RUSSIAN_TEXT = (
    "Переговоры о прекращении огня отложены\n\n"
    "Встреча делегаций, запланированная на четверг, перенесена на следующую неделю, сообщил источник.\n"
)
FRENCH_TEXT = "Le Sénat adopte la loi de programmation militaire\n\nLe texte a été adopté mardi à une large majorité.\n"
SPANISH_TEXT = "Huelga de transportistas en Valencia\n\nLos camioneros bloquearon el puerto durante seis horas.\n"


def _ok(results):
    return [r.article for r in results if r.ok]


def _errors(results):
    return [r for r in results if not r.ok]


def _assert_one_line(results) -> None:
    for result in _errors(results):
        assert result.error and "\n" not in result.error
        assert result.error.rstrip().endswith(")"), f"says what to do: {result.error}"


@pytest.fixture
def tree(tmp_path: Path, inputs: Path) -> Path:
    """A directory of every fixture, a subdirectory, hidden files and encoded texts."""
    root = tmp_path / "news"
    shutil.copytree(inputs, root)
    (root / "uk").mkdir()
    (root / "uk" / "kherson_cp1251.txt").write_bytes(UKRAINIAN_SEED.encode("cp1251"))
    (root / "uk" / "kherson_koi8u.txt").write_bytes(UKRAINIAN_SEED.replace("Війна", "Події").replace("школу", "лікарню").encode("koi8_u"))
    (root / "ru_utf16.txt").write_bytes(RUSSIAN_TEXT.encode("utf-16"))
    (root / "fr_latin1.txt").write_bytes(FRENCH_TEXT.encode("latin-1"))
    (root / "es_latin1.txt").write_bytes(SPANISH_TEXT.encode("latin-1"))
    (root / ".hidden.txt").write_text("Hidden\n\nNot to be read.\n")
    (root / ".cache").mkdir()
    (root / ".cache" / "x.txt").write_text("Cached\n\nNot to be read.\n")
    return root


def test_directory_walk(tree: Path) -> None:
    results = list(read_inputs([str(tree)]))
    _assert_one_line(results)
    assert not any(".hidden" in r.input or ".cache" in r.input for r in results)
    names = {Path(r.input).name for r in results}
    assert {"seed_fr.txt", "news_es.html", "rss_en.xml", "records.csv", "kherson_cp1251.txt"} <= names
    formats = {Path(a.input).name: a.input_format for a in _ok(results)}
    assert formats["seed_fr.txt"] == "seed"
    assert formats["news_es.html"] == "html"
    assert formats["kherson_koi8u.txt"] == "seed"
    assert formats["ru_utf16.txt"] == "text"


def test_walk_order_is_sorted(tree: Path) -> None:
    results = list(read_inputs([str(tree)]))
    top = [r.input for r in results if Path(r.input).parent == tree]
    seen = list(dict.fromkeys(top))
    assert seen == sorted(seen)
    assert results[-1].input.endswith("kherson_koi8u.txt"), "subdirectories after files, all sorted"


@pytest.mark.parametrize(
    ("name", "section", "title"),
    [
        ("uk/kherson_cp1251.txt", "Війна", "Окупанти обстріляли Херсон з артилерії"),
        ("uk/kherson_koi8u.txt", "Події", "Окупанти обстріляли Херсон з артилерії"),
        ("ru_utf16.txt", None, "Переговоры о прекращении огня отложены"),
        ("fr_latin1.txt", None, "Le Sénat adopte la loi de programmation militaire"),
        ("es_latin1.txt", None, "Huelga de transportistas en Valencia"),
    ],
)
def test_encoded_files(tree: Path, name: str, section: str | None, title: str) -> None:
    [result] = read_inputs([str(tree / name)])
    assert result.ok, result.error
    assert (result.article.section, result.article.title) == (section, title)
    assert result.article.input == str(tree / name)


def test_glob_patterns(tree: Path) -> None:
    flat = list(read_inputs([str(tree / "*.txt")]))
    assert {Path(r.input).name for r in flat} == {
        "seed_fr.txt", "plain_en.txt", "plain_es_notitle.txt", "ru_utf16.txt", "fr_latin1.txt", "es_latin1.txt"
    }
    deep = list(read_inputs([str(tree / "**" / "*.txt")]))
    assert {Path(r.input).name for r in deep} >= {"kherson_cp1251.txt", "seed_fr.txt"}
    assert not any(".hidden" in r.input or ".cache" in r.input for r in deep)


def test_a_file_named_twice_is_read_once(inputs: Path) -> None:
    path = str(inputs / "seed_fr.txt")
    assert len(list(read_inputs([path, path, str(inputs / "*.txt")]))) == 3


def test_stdin() -> None:
    data = "Économie\n\nLa Banque centrale relève son taux directeur\n\nLa hausse est de 0,25 point.\n"
    [result] = read_inputs(["-"], stdin=io.BytesIO(data.encode("cp1252")))
    assert result.input == "<stdin>"
    article = result.article
    assert (article.input, article.input_format, article.section) == ("<stdin>", "seed", "Économie")


def test_stdin_with_forced_format() -> None:
    [result] = read_inputs(["-"], "text", stdin=io.BytesIO(b"Economy\n\nRates rise.\n"))
    assert result.article.input_format == "text" and result.article.title == "Economy"


def test_forced_format(inputs: Path) -> None:
    [result] = read_inputs([str(inputs / "seed_fr.txt")], "text")
    assert result.article.input_format == "text"
    assert result.article.title == "Incidents", "forced plain text: the first line is the title"


def test_published_default(inputs: Path) -> None:
    results = list(read_inputs([str(inputs / "seed_fr.txt"), str(inputs / "rss_en.xml")], published="2023-12-07"))
    seed, *items = _ok(results)
    assert seed.published == "2023-12-07"
    assert [a.published for a in items] == [
        "2024-03-11T08:15:00+00:00", "2024-03-10T15:40:00+00:00", "2024-03-09T12:00:00+00:00"
    ], "the input's own dates win"


def test_ids_are_stable(tree: Path) -> None:
    first = [(r.input, r.where, r.article.id) for r in read_inputs([str(tree)]) if r.ok]
    second = [(r.input, r.where, r.article.id) for r in read_inputs([str(tree)]) if r.ok]
    assert first == second
    assert len({i for _, _, i in first}) == len(first), "distinct articles, distinct ids"


def test_same_article_in_two_encodings_has_one_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(UKRAINIAN_SEED.encode("cp1251"))
    (tmp_path / "b.txt").write_bytes(UKRAINIAN_SEED.encode("utf-16"))
    a, b = _ok(read_inputs([str(tmp_path)]))
    assert a.id == b.id


def test_unknown_format_raises_at_call_time() -> None:
    with pytest.raises(InputError) as info:
        read_inputs(["whatever.txt"], "xyz")  # not iterated: raised at once
    assert str(info.value) == "unknown format 'xyz' (use one of: seed, text, html, feed, jsonl, csv, warc)"


def test_bad_published_date_raises() -> None:
    with pytest.raises(InputError, match="invalid published date"):
        read_inputs(["x.txt"], published="next tuesday")


def test_error_cases_are_results(tmp_path: Path, inputs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    (tmp_path / "blank.txt").write_bytes(b"\n  \n")
    (tmp_path / "empty.html").write_bytes(b"<html><body></body></html>")
    locked = tmp_path / "locked.txt"
    locked.write_text("Locked\n\nBody.\n")
    real_read_bytes = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    sources = [
        str(tmp_path / "missing.txt"),
        str(tmp_path / "empty"),
        str(tmp_path / "nothing-*.txt"),
        str(tmp_path / "junk.bin"),
        str(tmp_path / "blank.txt"),
        str(tmp_path / "empty.html"),
        str(locked),
        str(inputs / "seed_fr.txt"),
    ]
    results = list(read_inputs(sources))
    _assert_one_line(results)
    errors = [r.error for r in results if not r.ok]
    assert errors == [
        "no such file or directory (check the path)",
        "empty directory: no files found (check the path; hidden files are skipped)",
        "no files match this pattern (check the pattern and quote it so the shell leaves it alone)",
        "not a text file: binary content (pass a text, HTML, feed, JSON Lines, CSV or WARC file)",
        "empty article: no text after reading (check the file)",
        "empty article: no text after reading (check the file)",
        "permission denied (check the file's permissions)",
    ]
    assert [r.input for r in results][:3] == sources[:3]
    assert results[-1].ok, "the good input after the bad ones still comes through"


def test_record_errors_do_not_stop_the_batch(inputs: Path) -> None:
    results = list(read_inputs([str(inputs / "records.jsonl"), str(inputs / "broken_feed.xml"),
                                str(inputs / "partial_feed.xml"), str(inputs / "records.csv")]))
    _assert_one_line(results)
    assert len(_ok(results)) == 4 + 2 + 3
    bad = {(Path(r.input).name, r.where) for r in _errors(results)}
    assert bad == {("records.jsonl", "line 3"), ("records.jsonl", "line 6"), ("broken_feed.xml", None),
                   ("partial_feed.xml", "item 3"), ("records.csv", "row 3")}


def test_warc_through_read_inputs(warc_factory) -> None:
    path = warc_factory(gzip=True)
    results = list(read_inputs([str(path)], published="2020-01-01"))
    assert [a.input_format for a in _ok(results)] == ["warc", "warc"]
    assert _ok(results)[1].published == "2024-03-16T21:45:00Z", "WARC-Date before the default"


def test_every_fixture_reads(inputs: Path) -> None:
    for path in sorted(inputs.iterdir()):
        results = list(read_inputs([str(path)]))
        assert results, path
        _assert_one_line(results)
        for article in _ok(results):
            assert article.text.strip()
            assert article.input == str(path) and article.input_format
            if article.title:
                assert article.text.startswith(article.title)
            if article.section:
                assert article.section not in article.text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_never_raise(data: bytes) -> None:
    results = list(read_bytes(data, "fuzz"))
    assert results
    _assert_one_line(results)
    assert not any(r.error.startswith("cannot read as") for r in _errors(results)), "no reader crashed"
