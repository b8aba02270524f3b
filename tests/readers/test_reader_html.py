"""HTML pages: main text without boilerplate, and the page's metadata."""

from __future__ import annotations

from pathlib import Path

from kronika.readers.html import decode_html, fragment_text, parse_html, read_html


def test_news_page(inputs: Path) -> None:
    [result] = read_html((inputs / "news_es.html").read_bytes(), "news_es.html")
    article = result.article
    assert article is not None
    assert article.title == "Explosión en un depósito de armas cerca de Járkov"
    assert article.published == "2024-03-05"
    assert article.author == "Lucía Fernández"
    assert article.url == "https://diario-del-este.example/internacional/2024/03/05/explosion-deposito-jarkov"
    assert article.lang == "es"
    assert (article.input, article.input_format) == ("news_es.html", "html")
    assert "Una fuerte explosión destruyó el martes" in article.text
    assert "Moscú no ha comentado el ataque." in article.text
    for boilerplate in ("Portada", "Suscríbete", "Todos los derechos reservados", "Política de privacidad",
                        "Lo más leído", "Resultados de la liga"):
        assert boilerplate not in article.text
    assert article.text.count(article.title) == 1, "the h1 is not repeated after the title"


def test_paragraphs_are_separated_by_blank_lines(inputs: Path) -> None:
    article = parse_html((inputs / "news_es.html").read_bytes())
    assert len(article.text.split("\n\n")) == 4  # title + three paragraphs


def test_declared_charset_and_language() -> None:
    page = (
        '<html lang="uk-UA"><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-u">'
        "<title>Енергетики відновили живлення</title></head><body><article>"
        "<p>Енергетики відновили електропостачання для сорока тисяч споживачів після нічної атаки, "
        "повідомила обласна адміністрація. Ремонтні бригади працювали всю ніч.</p></article></body></html>"
    )
    article = parse_html(page.encode("koi8_u"))
    assert article.lang == "uk"
    assert "Енергетики відновили електропостачання" in article.text


def test_wrong_declared_charset_falls_back_to_guessing() -> None:
    page = '<meta charset="utf-8"><p>Le président a annoncé à Genève une réunion.</p>'
    assert "président" in decode_html(page.encode("latin-1"))


def test_no_date_without_markup_date() -> None:
    page = (
        "<html><body><article><p>Le gouvernement a présenté mercredi son plan pour 2024, qui prévoit "
        "une hausse des dépenses militaires et une réforme de la conscription d'ici à 2030.</p>"
        "</article></body></html>"
    )
    article = parse_html(page.encode())
    assert article.published is None, "a year in the text is not a publication date"
    assert article.lang is None


def test_empty_page_is_an_error() -> None:
    [result] = read_html(b"<html><head><title></title></head><body></body></html>", "empty.html")
    assert result.article is None
    assert result.error == "empty article: no text after reading (check the file)"


def test_fragment_text() -> None:
    html = "<p>Delegations met in <b>Geneva</b>.</p><p>Talks\n continue.</p>one<br>two<br><br>three &amp; four"
    assert fragment_text(html) == "Delegations met in Geneva.\n\nTalks continue.\n\none two\n\nthree & four"
    assert fragment_text("<script>alert(1)</script><p>Text</p>") == "Text"
    assert fragment_text("") == ""
