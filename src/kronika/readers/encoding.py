"""Turn the bytes of an input into text, and tell text from binary junk.

:func:`decode` handles what news inputs are found in: UTF-8 (with or without
BOM), UTF-16/32 with a BOM (and BOM-less UTF-16 of Latin or Cyrillic text),
the Cyrillic code pages cp1251 and koi8-u, and latin-1 / cp1252. A UTF-8 file
with a few stray bytes stays UTF-8 (the stray bytes become U+FFFD).

charset-normalizer is not used for the 8-bit guess: on short texts it mistakes
koi8-u for Shift-JIS or cp874, cp1251 for Big5, and latin-1 for cp1250 (which
turns Spanish "ñ" into "ń"). The few legacy encodings we expect are told apart
by two cheap signals instead: how much of the text is made of high-byte
letters (Cyrillic or Latin), and, between cp1251 and koi8-u, which decoding
yields plausible Cyrillic (frequent letters and letter pairs, no upper case
inside words, no box-drawing characters). A headline of two or three words is
enough; a lone acronym ("СБУ") may still come out in the wrong code page.
"""

from __future__ import annotations

import codecs
import math
import re

__all__ = ["decode", "looks_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Relative frequencies (per mille, rounded) of letters in Russian and Ukrainian news text.
_CYRILLIC_FREQ = {
    "о": 100, "а": 80, "е": 75, "и": 65, "н": 65, "т": 60, "с": 50, "р": 47, "в": 45,
    "л": 42, "і": 30, "к": 34, "м": 30, "д": 29, "п": 27, "у": 26, "я": 19, "ы": 15,
    "ь": 16, "г": 16, "з": 16, "б": 15, "ч": 13, "й": 11, "х": 9, "ж": 8, "ш": 7,
    "ю": 6, "ї": 6, "є": 4, "ц": 4, "щ": 3, "э": 2, "ф": 2, "ё": 1, "ъ": 1, "ґ": 1,
}  # fmt: skip
_LOG_FREQ = {ch: math.log(f / 1000) for ch, f in _CYRILLIC_FREQ.items()}
_RARE_LOG = math.log(0.5 / 1000)  # a Cyrillic letter missing from the table

# Box drawing (U+2500..U+25FF) comes from cp1251 read as koi8; these from koi8-u read as cp1251.
_MISREAD_SYMBOLS = frozenset("¤¦¶\xad")

# Frequent letter pairs of Russian and Ukrainian; a wrong code page scrambles them.
_COMMON_BIGRAMS = frozenset(
    "ст но то на ен ов ни ра во ко ал по ро ре ос ли пр ер ла ор ан ва ет ол та ск ка ин "
    "ат ти ил от ри ні ві ін ий ої ог ом ес ле ем де ве ит ел де ть ся да ми мо ак".split()
)
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
_CONSONANT_RUN = re.compile(r"[бвгґджзйклмнпрстфхцчшщ]{4,}")
_VOWEL_RUN = re.compile(r"[аеєиіїоуюяыэё]{4,}")

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_SAMPLE = 1 << 16


def decode(data: bytes) -> str:
    """Decode the bytes of a text input, guessing its encoding.

    A byte order mark wins; then BOM-less UTF-16; then strict UTF-8; then the
    8-bit guess between cp1251, koi8-u and cp1252/latin-1. Never raises: any
    byte string decodes (latin-1 maps every byte). The BOM is not kept.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace")
    utf16 = _bomless_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data[:_SAMPLE]):
        return data.decode("utf-8", errors="replace")
    return data.decode(_guess_8bit(data[:_SAMPLE]), errors="replace")


def looks_binary(data: bytes) -> bool:
    """Tell whether ``data`` is binary junk rather than text in any encoding we read.

    NUL bytes and a high ratio of control characters mark binary content, but
    UTF-16/32 text (with a BOM, or BOM-less Latin or Cyrillic UTF-16) is
    judged on its decoded characters, so its NUL bytes do not count.
    """
    sample = data[:_SAMPLE]
    if not sample:
        return False
    if any(sample.startswith(bom) for bom, _ in _BOMS) or _bomless_utf16(sample):
        return _control_ratio(decode(sample)) > 0.1
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls / len(sample) > 0.05


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch in "\x00\ufffd" or (ord(ch) < 0x20 and ch not in "\t\n\r\f\v"))
    return bad / len(text)


def _bomless_utf16(data: bytes) -> str | None:
    """Return "utf-16-le"/"utf-16-be" when ``data`` looks like BOM-less UTF-16, else None.

    Only Latin and Cyrillic text is recognised: the high byte of each code
    unit is then 0x00 or 0x04, bytes that 8-bit text and UTF-8 never contain.
    """
    sample = data[:_SAMPLE]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    even_high = (even.count(0) + even.count(4)) / half
    odd_high = (odd.count(0) + odd.count(4)) / half
    if odd_high > 0.8 and even.count(0) / half < 0.05:
        return "utf-16-le"
    if even_high > 0.8 and odd.count(0) / half < 0.05:
        return "utf-16-be"
    return None


def _mostly_utf8(sample: bytes) -> bool:
    """True when valid multi-byte UTF-8 characters far outnumber the invalid bytes."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return good >= 10 * bad


def _guess_8bit(sample: bytes) -> str:
    """The 8-bit encoding of ``sample``: cp1251, koi8_u, cp1252 or latin-1."""
    if _cyrillic_share(sample) > 0.4:
        candidates = {"koi8_u": sample.decode("koi8_u")}
        try:
            candidates = {"cp1251": sample.decode("cp1251"), **candidates}
        except UnicodeDecodeError:
            pass  # byte 0x98 is undefined in cp1251: koi8-u it is
        # max() keeps the first of equal scores: cp1251, the more common one
        return max(candidates, key=lambda name: _cyrillic_score(candidates[name]))
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def _cyrillic_share(data: bytes) -> float:
    """Share of letters that are high bytes in runs, as Cyrillic words are in cp1251/koi8."""
    ascii_letters = sum(1 for b in data if 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A)
    high = 0
    run = 0
    for b in data + b" ":
        if b >= 0xA0:
            run += 1
            continue
        if run >= 2:
            high += run
        run = 0
    total = ascii_letters + high
    return high / total if total else 0.0


def _cyrillic_score(text: str) -> float:
    """Score how plausible ``text`` is as Russian/Ukrainian: higher is better, per letter."""
    score = 0.0
    letters = 0
    for word in _CYRILLIC_WORD.findall(text):
        letters += len(word)
        score += _word_score(word)
    score -= 8.0 * sum(1 for ch in text if "\u2500" <= ch <= "\u25ff" or ch in _MISREAD_SYMBOLS)
    return score / letters if letters else float("-inf")


def _word_score(word: str) -> float:
    lower = word.lower()
    score = sum(_LOG_FREQ.get(ch, _RARE_LOG) for ch in lower)
    score += sum(1.0 for a, b in zip(lower, lower[1:]) if a + b in _COMMON_BIGRAMS)
    score -= 4.0 * sum(1 for a, b in zip(word, word[1:]) if a.islower() and b.isupper())
    if lower[0] in "ьъы":
        score -= 4.0  # no word starts with a soft or hard sign
    runs = _CONSONANT_RUN.findall(lower) + _VOWEL_RUN.findall(lower)
    score -= 3.0 * sum(len(r) - 3 for r in runs)
    return score
