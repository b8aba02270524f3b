"""Encodings: every encoding news files come in decodes to the same text; junk is told apart."""

from __future__ import annotations

import codecs
import os

import pytest

from kronika.readers.encoding import decode, looks_binary

UKRAINIAN = "Київ, 14 березня. Уряд України ухвалив нові заходи щодо захисту енергетичної інфраструктури."
RUSSIAN = "Москва, 14 марта. Министерство обороны сообщило об ударе по складу боеприпасов."
FRENCH = "Le président a annoncé à Genève une réunion des ministres européens."
SPANISH = "El ministro de Defensa anunció el envío de ayuda a Ucrania el miércoles por la mañana."

SHORT_CYRILLIC = [
    "Обстріл Харкова: загинули двоє людей",
    "В Белгороде объявлена тревога",
    "Війна",
    "Переговоры отложены",
    '"Ми не відступимо", - заявив міністр.',
    "Зеленський зустрівся з прем'єр-міністром Польщі",
    "Їжак і ґудзик",
    "ПЕРЕГОВОРЫ ОТЛОЖЕНЫ",
    "Україна",
]


@pytest.mark.parametrize("text", [UKRAINIAN, RUSSIAN, FRENCH, SPANISH])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode(data) == text
    assert not looks_binary(data)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_is_recognised(encoding: str) -> None:
    for text in (FRENCH, UKRAINIAN):
        assert decode(text.encode(encoding)) == text
        assert not looks_binary(text.encode(encoding))


@pytest.mark.parametrize("text", [UKRAINIAN, RUSSIAN, *SHORT_CYRILLIC])
@pytest.mark.parametrize("encoding", ["cp1251", "koi8_u"])
def test_cp1251_and_koi8u_are_told_apart(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_cp1251_typography() -> None:
    text = "«Ми не відступимо», — заявив міністр № 1…"
    assert decode(text.encode("cp1251")) == text


@pytest.mark.parametrize("text", [FRENCH, SPANISH, "Señor", "Ça va", "año"])
def test_latin1(text: str) -> None:
    assert decode(text.encode("latin-1")) == text


def test_cp1252_punctuation_is_not_a_control_character() -> None:
    text = "Reuters – «Accord» conclu à Zürich… “selon l’AFP”"
    assert decode(text.encode("cp1252")) == text


def test_utf8_with_a_stray_byte_stays_utf8() -> None:
    data = (FRENCH * 3).encode("utf-8") + b" \xe9 fin"
    assert decode(data).startswith(FRENCH)


def test_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + b"abc") == "abc"


def test_binary_junk_is_flagged() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    assert looks_binary(bytes(range(256)) * 8)
    assert looks_binary(os.urandom(4096))
    assert looks_binary(b"\x01\x02\x03\x04 some text \x05\x06\x07\x08")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251", "koi8_u", "latin-1"])
def test_text_is_not_binary(encoding: str) -> None:
    text = UKRAINIAN if encoding in ("cp1251", "koi8_u") else FRENCH
    assert not looks_binary((text + "\r\n\tsuite\f").encode(encoding))
    assert not looks_binary(b"")
