"""Feeds: RSS 2.0, RSS 1.0/RDF and Atom, one article per item."""

from __future__ import annotations

from pathlib import Path

from kronika.readers.feeds import read_feed


def _read(inputs: Path, name: str):
    return list(read_feed((inputs / name).read_bytes(), name))


def test_rss2(inputs: Path) -> None:
    results = _read(inputs, "rss_en.xml")
    assert [r.where for r in results] == ["item 1", "item 2", "item 3"]
    assert all(r.ok for r in results)
    first, second, third = (r.article for r in results)
    assert first.title == "Ceasefire talks resume in Geneva"
    assert first.url == "https://northern-wire.example/world/ceasefire-talks-geneva"
    assert first.source_id == "nw-2024-0311-001"
    assert first.published == "2024-03-11T08:15:00+00:00"
    assert first.text == (
        "Ceasefire talks resume in Geneva\n\nDelegations from both sides met in Geneva on Monday to resume "
        "talks on a ceasefire, a United Nations spokesperson said.\n\nThe talks are expected to last three days."
    )
    assert "<" not in first.text
    assert second.published == "2024-03-10T15:40:00+00:00", "converted to UTC"
    assert "40 billion euros on Saturday & rejected" in third.text
    assert all(a.input_format == "feed" and a.input == "rss_en.xml" for a in (first, second, third))


def test_atom(inputs: Path) -> None:
    first, second = (r.article for r in _read(inputs, "atom_fr.xml"))
    assert first.source_id == "urn:courrier-est:article:8841"
    assert first.published == "2024-03-12T08:20:00+00:00", "published wins over updated"
    assert first.url == "https://courrier-est.example/international/moldavie-ambassadeur"
    assert first.lang == "fr"
    assert "convoqué mardi l'ambassadeur de Russie" in first.text
    assert second.published == "2024-03-11T18:05:00+00:00", "updated when there is no published"
    assert second.text.endswith("Aucune date n'a été fixée pour la signature.")


def test_rss1_rdf(inputs: Path) -> None:
    first, second = (r.article for r in _read(inputs, "rdf_ru.rdf"))
    assert first.title == "В Белгородской области объявлена воздушная тревога"
    assert first.published == "2024-03-13T03:10:00+00:00"
    assert first.url == "https://vostok-vesti.example/news/1201"
    assert second.text.endswith("перенесена на следующую неделю.")


def test_malformed_feed_is_one_error(inputs: Path) -> None:
    [result] = _read(inputs, "broken_feed.xml")
    assert result.article is None
    assert result.error.startswith("malformed feed: ")
    assert "\n" not in result.error and result.error.endswith(")")


def test_partially_broken_feed_keeps_its_good_items(inputs: Path) -> None:
    results = _read(inputs, "partial_feed.xml")
    good = [r.article for r in results if r.ok]
    assert [a.source_id for a in good] == ["sd-7781", "sd-7782"]
    assert good[1].published is None
    errors = [r for r in results if not r.ok]
    assert [r.where for r in errors] == ["item 3"]


def test_feed_without_items() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>'
    [result] = read_feed(data, "empty.xml")
    assert result.error == "empty feed: no items (check the feed)"


def test_item_with_only_a_title() -> None:
    data = b'<rss version="2.0"><channel><item><title>Headline only</title></item></channel></rss>'
    [result] = read_feed(data, "x.xml")
    assert result.article.title == "Headline only" and result.article.text == "Headline only"


def test_feed_string_is_never_opened_as_a_url() -> None:
    [result] = read_feed(b"https://example.invalid/feed.xml", "x")
    assert not result.ok
