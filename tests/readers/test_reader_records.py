"""JSON Lines and CSV records: one article per record, bad records located and skipped."""

from __future__ import annotations

from pathlib import Path

from kronika.readers.records import read_csv, read_jsonl, sniff_delimiter


def test_jsonl(inputs: Path) -> None:
    results = list(read_jsonl((inputs / "records.jsonl").read_bytes(), "records.jsonl"))
    assert [r.where for r in results] == ["line 1", "line 2", "line 3", "line 4", "line 6", "line 7"]
    ok = {r.where: r.article for r in results if r.ok}
    assert set(ok) == {"line 1", "line 2", "line 4", "line 7"}

    uk = ok["line 1"]
    assert uk.source_id == "uk-0001"
    assert uk.title == "Над Одесою збили дев'ять дронів"
    assert uk.text.startswith(uk.title + "\n\nСили ППО збили")
    assert (uk.lang, uk.published, uk.section) == ("uk", "2024-03-14", "Війна")
    assert uk.url == "https://skhid-novyny.example/0001"
    assert (uk.input, uk.input_format) == ("records.jsonl", "jsonl")

    fr = ok["line 4"]
    assert fr.source_id == "4", "numeric ids become strings"
    assert fr.lang == "fr"
    assert fr.meta == {"desk": "Europe"}

    errors = {r.where: r.error for r in results if not r.ok}
    assert errors["line 3"] == "malformed JSON on line 3: Expecting ',' delimiter (fix or remove the line)"
    assert errors["line 6"].startswith("no text in the record on line 6")


def test_jsonl_odd_lines() -> None:
    data = b'["a list"]\n{"id": 1}\n{"text": 5}\n{"text": "Good one."}\r\n'
    results = list(read_jsonl(data, "x.jsonl"))
    assert [r.ok for r in results] == [False, False, False, True]
    assert results[0].error.startswith("not a JSON object on line 1")
    assert results[2].error.startswith("'text' is not a string on line 3")
    assert results[3].article.text == "Good one."


def test_jsonl_text_with_unicode_line_separator() -> None:
    data = '{"text": "one\u2028two"}\n'.encode()
    [result] = read_jsonl(data, "x.jsonl")
    assert result.article.text == "one\u2028two"


def test_csv(inputs: Path) -> None:
    results = list(read_csv((inputs / "records.csv").read_bytes(), "records.csv"))
    assert [r.where for r in results] == ["row 1", "row 2", "row 3", "row 4"]
    first, second, _, fourth = (r.article for r in results)
    assert first.source_id == "csv-1"
    assert first.title == "Grèves dans les ports français"
    assert first.text.endswith(
        "Les dockers de Marseille et du Havre ont cessé le travail mercredi.\n\nLes syndicats réclament une "
        "hausse des salaires."
    ), "a quoted multi-line field, CRLF turned into LF"
    assert (first.lang, first.published, first.section) == ("fr", "2024-03-13", "Économie")
    assert second.title is None and second.published is None and second.lang == "uk"
    assert fourth.title == "Elections, at last"
    assert results[2].error.startswith("no text in the record on row 3")
    assert all(r.article.input_format == "csv" for r in results if r.ok)


def test_csv_semicolon_and_case_insensitive_header() -> None:
    data = "ID ; Text ; Lang\nx1;Les négociations reprennent lundi.;fr\n".encode("cp1252")
    [result] = read_csv(data, "x.csv")
    assert result.article.source_id == "x1"
    assert result.article.text == "Les négociations reprennent lundi."
    assert result.article.lang == "fr"


def test_csv_without_text_column() -> None:
    [result] = read_csv(b"id,body\n1,hello\n", "x.csv")
    assert result.error.startswith("no 'text' column in the CSV header")


def test_csv_broken_quoting_keeps_earlier_rows() -> None:
    data = b'id,text\n1,"Good row."\n2,"unterminated\n'
    results = list(read_csv(data, "x.csv"))
    assert results[0].ok
    assert not results[-1].ok


def test_sniff_delimiter() -> None:
    assert sniff_delimiter("id,text,title") == ","
    assert sniff_delimiter("id;text") == ";"
    assert sniff_delimiter("text") is None
    assert sniff_delimiter("Text, images and video: a guide") is None
