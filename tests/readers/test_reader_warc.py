"""WARC files: HTML responses become articles; other records are skipped."""

from __future__ import annotations

import gzip

import pytest

from kronika.readers.warc import read_warc


@pytest.mark.parametrize("gz", [False, True])
def test_warc(warc_factory, gz: bool) -> None:
    path = warc_factory(gzip=gz)
    results = list(read_warc(path.read_bytes(), path.name))
    assert [r.where for r in results] == ["record 3", "record 4", "record 7"]

    page, ukrainian = results[0].article, results[1].article
    assert page.url == "https://northern-wire.example/world/grain-convoy?utm=rss", "WARC-Target-URI"
    assert page.meta["canonical_url"] == "https://northern-wire.example/world/grain-convoy"
    assert page.published == "2024-03-14", "the page's own date wins over WARC-Date"
    assert page.title == "Grain convoy reaches Mykolaiv"
    assert page.lang == "en"
    assert "twenty trucks" in page.text and "All rights reserved" not in page.text
    assert (page.input, page.input_format) == (path.name, "warc")

    assert ukrainian.published == "2024-03-16T21:45:00Z", "WARC-Date when the page has none"
    assert ukrainian.text.startswith("Енергетики відновили живлення"), "charset from the HTTP header"
    assert "Головна" not in ukrainian.text

    empty = results[2]
    assert empty.article is None
    assert empty.error == "empty article: no text in the page https://northern-wire.example/empty (check the record)"


def test_truncated_warc_keeps_the_records_before(warc_factory) -> None:
    data = warc_factory(gzip=False).read_bytes()
    cut = data.index(b"WARC-Type: response", data.index(b"Grain convoy")) - 40
    results = list(read_warc(data[:cut] + b"garbage that is not a record\r\n" * 3, "cut.warc"))
    assert results[0].ok and results[0].article.title == "Grain convoy reaches Mykolaiv"
    assert not results[-1].ok and results[-1].error.startswith("malformed WARC at record")


def test_not_a_warc() -> None:
    results = list(read_warc(gzip.compress(b"just some text"), "x.warc.gz"))
    assert len(results) == 1 and not results[0].ok


@pytest.mark.parametrize("gz", [False, True])
def test_warc_cut_in_half_never_raises(warc_factory, gz: bool) -> None:
    data = warc_factory(gzip=gz).read_bytes()
    for cut in range(0, len(data), max(1, len(data) // 40)):
        results = list(read_warc(data[:cut], "cut.warc"))
        assert all(r.ok or (r.error and "\n" not in r.error) for r in results)
