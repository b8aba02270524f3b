"""Format detection: content first, then the file name."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from kronika.readers.detect import FORMATS, detect_format, format_from_name

EXPECTED = {
    "seed_fr.txt": "seed",
    "plain_en.txt": "text",
    "plain_es_notitle.txt": "text",
    "news_es.html": "html",
    "rss_en.xml": "feed",
    "atom_fr.xml": "feed",
    "rdf_ru.rdf": "feed",
    "broken_feed.xml": "feed",
    "partial_feed.xml": "feed",
    "records.jsonl": "jsonl",
    "records.csv": "csv",
}


@pytest.mark.parametrize(("name", "fmt"), sorted(EXPECTED.items()))
def test_fixtures_by_content_and_name(inputs: Path, name: str, fmt: str) -> None:
    data = (inputs / name).read_bytes()
    assert detect_format(data, name) == fmt
    assert detect_format(data, "") == fmt, "content alone decides"


@pytest.mark.parametrize("gz", [False, True])
def test_warc_magic(warc_factory, gz: bool) -> None:
    data = warc_factory(gzip=gz).read_bytes()
    assert detect_format(data, "") == "warc"
    assert detect_format(data, "crawl.bin") == "warc"


def test_gzip_that_is_not_a_warc() -> None:
    assert detect_format(gzip.compress(b"hello"), "x.gz") != "warc"


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        ("<?xml version='1.0'?>\n<!-- a comment -->\n<rss version='2.0'><channel/></rss>", "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "feed"),
        ("<!DOCTYPE html>\n<html><body><p>x</p></body></html>", "html"),
        ("<!doctype html><title>x</title>", "html"),
        ("  \n<HTML><BODY>x</BODY></HTML>", "html"),
        ('{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n', "jsonl"),
        ('{"id": 1, "text": "a"}\n{"id": 2 "text": "b"}\n{"id": 3, "text": "c"}\n', "jsonl"),
        ("id;title;text\n1;t;body\n", "csv"),
        ("id\ttext\n1\tbody\n", "csv"),
        ("Politique\n\nLe Sénat adopte la réforme des retraites\n\nLe texte a été voté mardi.\n", "seed"),
        ("Le Sénat adopte la réforme\n\nLe texte a été voté mardi.\n", "text"),
        ("Text, images and video: a guide to the new rules.\n", "text"),
        ("Just one sentence.", "text"),
    ],
)
def test_content_rules(content: str, fmt: str) -> None:
    assert detect_format(content.encode("utf-8"), "") == fmt


def test_plain_title_and_lead_are_not_mistaken_for_seed() -> None:
    text = "Ceasefire talks resume\n\nDelegations met in Geneva on Monday.\n\nMore talks are planned.\n"
    assert detect_format(text.encode(), "a.txt") == "text"


def test_pretty_printed_json_is_not_jsonl_by_content() -> None:
    data = b'{\n  "id": 1,\n  "text": "a"\n}\n'
    assert detect_format(data, "") == "text"
    assert detect_format(data, "a.json") == "jsonl"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.TXT", "text"), ("b.htm", "html"), ("c.atom", "feed"), ("d.ndjson", "jsonl"), ("e.tsv", "csv"),
     ("f.warc.gz", "warc"), ("g.bin", None), ("", None)],
)
def test_extensions(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


def test_extension_decides_when_content_says_nothing() -> None:
    assert detect_format(b"no markup here", "page.html") == "html"
    assert detect_format(b"no markup here", "notes") == "text"


def test_formats_tuple() -> None:
    assert FORMATS == ("seed", "text", "html", "feed", "jsonl", "csv", "warc")
