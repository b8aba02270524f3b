"""Readers of token-level named-entity gold: the CoNLL family and factRuEval-2016.

CoNLL family: one token per line, the tag in the last column, blank lines
between sentences, tab- or space-separated. ``-DOCSTART-`` / ``#DOCSTART``
lines start a new document and are skipped, as are CoNLL-U comments
(``# text = ...``). When the first column of a sentence counts 0, 1, 2, … (or
1, 2, 3, …), it is an index and the token is the second column; otherwise the
token is the first column. IOB1, IOB2, BIOES and BILOU tags decode the same
way (see :func:`decode_tags`), so no scheme needs declaring.

factRuEval-2016: a folder of ``book_N.tokens`` / ``.spans`` / ``.objects``.
Persons span their whole object; organisations the parts of theirs that are
not descriptors ("МИД Азербайджана", but "Ромашка" of "компания «Ромашка»"),
and only when they have an ``org_name`` (a nominal "правительство ФРГ" is
ignorable: not scored either way); ``Location`` and ``LocOrg`` each of their
``loc_name`` spans. Where two gold spans overlap the longer one is kept and the
shorter becomes ignorable.

Labels are kept as the corpus spells them; :mod:`kronika.eval.ner` maps them.
Spans are token ranges, ``end`` exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

__all__ = ["GoldSpan", "Sentence", "decode_tags", "read_conll", "read_factru", "read_gold"]

_TAG = re.compile(r"^(?:O|([BIESLU])[-_](\S+))$")
_DOCSTART = ("-DOCSTART-", "#DOCSTART")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold entity: tokens ``start`` to ``end`` (exclusive) of one sentence, with its corpus label."""

    start: int
    end: int
    label: str


@dataclass(slots=True)
class Sentence:
    """One gold sentence: its tokens, its entities, and the document it belongs to."""

    tokens: list[str]
    spans: list[GoldSpan] = field(default_factory=list)
    doc: int = 0
    ignored: list[GoldSpan] = field(default_factory=list)  # gold spans dropped as overlapping


def decode_tags(tags: list[str]) -> list[GoldSpan]:
    """Turn a sentence's tags into spans; IOB1, IOB2, BIOES and BILOU all decode alike.

    ``B``/``S``/``U`` always open an entity; ``I``/``E``/``L`` continue an open entity of the
    same label and open a new one otherwise (IOB1, or a lenient reading of a broken IOB2);
    ``S``/``U``/``E``/``L`` close the entity they end. Raises ``ValueError`` on a tag that is
    none of these.
    """
    spans: list[GoldSpan] = []
    open_start, open_label = -1, ""

    def close(end: int) -> None:
        nonlocal open_start, open_label
        if open_label:
            spans.append(GoldSpan(open_start, end, open_label))
        open_start, open_label = -1, ""

    for i, tag in enumerate(tags):
        m = _TAG.match(tag)
        if m is None:
            raise ValueError(f"{tag!r} is not an IOB/BIOES tag")
        prefix, label = m.group(1), m.group(2) or ""
        if prefix is None:
            close(i)
            continue
        if prefix in "BSU" or label != open_label:
            close(i)
            open_start, open_label = i, label
        if prefix in "SUEL":
            close(i + 1)
    close(len(tags))
    return spans


def _fields(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def _is_index_column(rows: list[list[str]]) -> bool:
    if any(len(r) < 3 or not r[0].isdigit() for r in rows):
        return False
    first = int(rows[0][0])
    return first in (0, 1) and all(int(r[0]) == first + i for i, r in enumerate(rows))


def _sentence(rows: list[list[str]], doc: int, where: str) -> Sentence:
    col = 1 if _is_index_column(rows) else 0
    try:
        spans = decode_tags([r[-1] for r in rows])
    except ValueError as exc:
        raise InputError(f"{where}: {exc}", hint="the last column must hold IOB, IOB2 or BIOES tags") from None
    return Sentence([r[col] for r in rows], spans, doc)


def read_conll(path: str | Path) -> list[Sentence]:
    """Read a CoNLL-style IOB/IOB2/BIOES file into sentences with gold spans."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", hint="give a UTF-8 CoNLL/IOB file") from None
    sentences: list[Sentence] = []
    rows: list[list[str]] = []
    doc, first_line = 0, 1
    for n, line in enumerate([*lines, ""], start=1):
        parts = _fields(line.strip())
        if parts and parts[0].startswith(_DOCSTART):
            if rows:
                sentences.append(_sentence(rows, doc, f"{path}:{first_line}"))
                rows = []
            doc += 1 if sentences else 0
            continue
        if parts and parts[0].startswith("#") and (len(parts) < 2 or not _TAG.match(parts[-1])):
            continue  # a CoNLL-U comment
        if parts and len(parts) < 2:
            raise InputError(f"{path}:{n}: one column only", hint="expected token and tag columns: is this a CoNLL/IOB file?")
        if parts:
            if not rows:
                first_line = n
            rows.append(parts)
        elif rows:
            sentences.append(_sentence(rows, doc, f"{path}:{first_line}"))
            rows = []
    return sentences


def _factru_book(stem: Path, doc: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    where: dict[str, tuple[int, int]] = {}  # token id -> (sentence, position)
    tokens: list[str] = []
    for line in [*stem.with_suffix(".tokens").read_text(encoding="utf-8-sig").splitlines(), ""]:
        parts = line.split()
        if len(parts) >= 4:
            where[parts[0]] = (len(sentences), len(tokens))
            tokens.append(parts[3])
        elif tokens:
            sentences.append(Sentence(tokens, [], doc))
            tokens = []
    spans: dict[str, tuple[str, str, int]] = {}  # span id -> (type, first token id, n tokens)
    for line in stem.with_suffix(".spans").read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) >= 6:
            spans[parts[0]] = (parts[1], parts[4], int(parts[5]))
    found: dict[int, list[GoldSpan]] = {}
    for line in stem.with_suffix(".objects").read_text(encoding="utf-8-sig").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) < 3:
            continue
        label = parts[1]
        for group, scored in _factru_groups(label, [spans[s] for s in parts[2:] if s in spans]):
            ranges = [(where[t], n) for _, t, n in group if t in where]
            if not ranges or len({s for (s, _), _ in ranges}) != 1:
                continue  # crosses a sentence boundary
            sent = ranges[0][0][0]
            gold = GoldSpan(min(p for (_, p), _ in ranges), max(p + n for (_, p), n in ranges), label)
            if scored:
                found.setdefault(sent, []).append(gold)
            else:
                sentences[sent].ignored.append(gold)
    for sent, golds in found.items():
        for g in sorted(set(golds), key=lambda g: (g.start - g.end, g.start, g.label)):
            target = sentences[sent]
            if any(g.start < k.end and k.start < g.end for k in target.spans):
                target.ignored.append(g)
            else:
                target.spans.append(g)
        sentences[sent].spans.sort(key=lambda g: g.start)
    return sentences


def _factru_groups(label: str, members: list[tuple[str, str, int]]) -> list[tuple[list[tuple[str, str, int]], bool]]:
    """The parts of one factRuEval object that make gold names, each with whether it is scored."""
    if label in ("Location", "LocOrg"):
        return [([m], True) for m in members if m[0] == "loc_name"]
    if label == "Org":
        names = [m for m in members if not m[0].endswith("_descr") and m[0] != "job"]
        if any(m[0] == "org_name" for m in names):
            return [(names, True)]
        return [(members, False)]  # a nominal mention ("the government"): not scored either way
    return [(members, True)]


def read_factru(folder: str | Path) -> list[Sentence]:
    """Read a factRuEval-2016 folder (``book_N.tokens``/``.spans``/``.objects``) into sentences."""
    folder = Path(folder)
    stems = sorted(p.with_suffix("") for p in folder.glob("*.tokens"))
    if not stems:
        raise InputError(f"{folder} holds no factRuEval .tokens files", hint="give the factRuEval testset folder")
    sentences: list[Sentence] = []
    for doc, stem in enumerate(sorted(stems, key=lambda s: s.name)):
        try:
            sentences += _factru_book(stem, doc)
        except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
            raise InputError(f"cannot read factRuEval document {stem}: {exc}",
                             hint="each book needs .tokens, .spans and .objects") from None
    return sentences


def read_gold(path: str | Path) -> list[Sentence]:
    """Read gold sentences from a CoNLL-style file or a factRuEval folder, picking the reader by shape."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path} does not exist", hint="give a CoNLL/IOB file or a factRuEval folder")
    if path.is_dir():
        return read_factru(path)
    if path.suffix.lower() in (".json", ".jsonl"):
        raise InputError(f"{path}: JSON gold (e.g. raw re3d) is not supported",
                         hint="convert it to CoNLL/IOB, e.g. the ConfliBERT re3d/test.txt split")
    return read_conll(path)
