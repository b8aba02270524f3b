"""Ukrainian organisation names that the Russian-trained NER model misses, found by their shape.

Two shapes carry most of them in Ukrainian news and official texts:

- a legal form and a quoted name: "ТОВ «Каштан-плюс»", "ПАТ «Київенерго»", "ДП Міноборони «Укрвійськбуд»"
  (the span ends at the first closing quote, as the name's own inner quotes close there: "ТОВ «Пансіонат
  «Петровець»");
- an institution noun with its modifiers: "Міністерство охорони здоров'я", "Київської міської ради",
  "Господарського суду Івано-Франківської області" — a capitalised head noun, or a capitalised adjective
  and lowercase adjectives before one, then the genitive words that complete it.

No model ships for Ukrainian (see docs/models.md); these rules were written from how Ukrainian names
institutions, and their effect measured on NER-UK (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .tokens import Token

__all__ = ["ukrainian_orgs"]

# legal forms written before a company's quoted name
_LEGAL = frozenset("""ТОВ ТзОВ ДП ПАТ ПрАТ ПП НАК КП ГО АТ ВАТ ЗАТ ТДВ ФОП КНП КЗ ДУ ОП СГПП БО МБФ ГС""".split())
_ABBREVIATION = re.compile(r"[А-ЯІЇЄҐ]{2,6}")
# abbreviated institution nouns that head a name: "ГУ Нацполіції в Херсонській області", "УМВС України"
_HEAD_ABBREVIATIONS = frozenset("ГУ ГУНП УМВС ТВ ОТВ ВП РВ ДПІ ЦК".split())
# institution nouns (lemmas) that head an organisation's name
_HEADS = frozenset("""міністерство відомство агентство служба комітет комісія рада міськрада облрада
    адміністрація держадміністрація облдержадміністрація міськвиконком виконком управління департамент
    інспекція прокуратура суд госпсуд поліція університет інститут академія училище коледж ліцей гімназія
    товариство спілка асоціація федерація партія фонд банк компанія корпорація концерн завод комбінат
    підприємство об'єднання організація центр музей театр бібліотека лабораторія залізниця видавництво
    церква парламент уряд армія флот штаб казначейство палата райдержадміністрація райрада сільрада лісгосп
    контора райсуд міськрайсуд лікарня відділення відділ дирекція філія представництво митниця ліга клуб
    санаторій""".split())
# a Ukrainian place adjective the dictionary may lack: "Луцької", "Близнюківська"
_ADJECTIVE_ENDING = re.compile(r"(?:ськ|цьк|зьк)(?:ий|а|е|ого|ої|ому|ій|им|ою)$")
_AND = frozenset({"та", "і", "й"})
# where an office sits, after its name: "в Одеській області", "у м. Києві", "м. Житомира"
_SEAT = re.compile(r"\s+(?:(?:у|в)\s+)?(?:(?:[А-ЯІЇЄҐ][\w'’-]+(?:ській|цькій|зькій|ської|цької|зької)\s+област[іи])|"
                   r"(?:м\.\s?[А-ЯІЇЄҐ][\w'’-]+))")
# genitives of time that follow a name without being part of it
_TIME = frozenset("минулий минуле наступний наступне поточний цей той рік тиждень місяць день ранок вечір ніч".split())
_QUOTE_OPEN = "«\"“„"
_QUOTE_CLOSE = "»\"”“"


def _quoted_end(text: str, start: int, limit: int) -> int | None:
    """The end of a quoted name opening at ``start`` (its first closing quote), within ``limit`` characters."""
    close = next((i for i in range(start + 1, min(len(text), start + limit)) if text[i] in _QUOTE_CLOSE), None)
    if close is None or "\n" in text[start:close]:
        return None
    return close + 1


def ukrainian_orgs(text: str, tokens: list[Token], grammemes: Callable[[str], frozenset[str]]) -> list[tuple[int, int]]:
    """Character spans of organisation names of the two shapes above."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        span = (_legal_form(text, tokens, i) or _institution(text, tokens, i, grammemes) or _quoted(text, tokens, i)
                or _compound(tokens[i]))
        if span is None:
            i += 1
            continue
        out.append(span)
        while i < len(tokens) and tokens[i].start < span[1]:
            i += 1
    return out


def _legal_form(text: str, tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A legal form and a quoted name ("ТОВ «Каштан»"; an unlisted capital abbreviation right before the quote:
    "ДТГО «Південно-Західна залізниця»"), or a sole trader and their name ("ФОП Ірина Заремба")."""
    tok = tokens[i]
    if tok.text == "ФОП":
        j = i + 1
        while j < len(tokens) and j - i <= 3 and tokens[j].is_title and not tokens[j].is_upper and not tokens[j].boundary:
            j += 1
        return (tok.start, tokens[j - 1].end) if j > i + 1 else None
    if tok.text not in _LEGAL and not (_ABBREVIATION.fullmatch(tok.text) and re.match(rf"\s?[{_QUOTE_OPEN}]", text[tok.end : tok.end + 2])):
        return None
    after = tok.end
    m = re.match(rf"\s*(?:[А-ЯІЇЄҐA-Z][\w'’-]*\s+)?\s*([{_QUOTE_OPEN}])", text[after : after + 40])
    if m is None:
        return None
    end = _quoted_end(text, after + m.start(1), 80)
    return (tokens[i].start, end) if end is not None else None


def _institution(text: str, tokens: list[Token], i: int,
                 grammemes: Callable[[str], frozenset[str]]) -> tuple[int, int] | None:
    first = tokens[i]
    if (not first.is_title or first.is_upper) and first.text not in _HEAD_ABBREVIATIONS:
        return None
    j = i
    head_first = first.lemma.lower() in _HEADS or first.text in _HEAD_ABBREVIATIONS
    if not head_first:
        # "Київської міської ради": a capitalised adjective, lowercase adjectives, then the head noun
        if "ADJF" not in grammemes(first.text) and not _ADJECTIVE_ENDING.search(first.text):
            return None
        j = i + 1
        while j < len(tokens) and j - i <= 3 and not tokens[j].boundary and tokens[j].text.islower() \
                and "ADJF" in grammemes(tokens[j].text) and tokens[j].lemma.lower() not in _HEADS:
            j += 1
        if j >= len(tokens) or tokens[j].boundary or not tokens[j].text.islower() or tokens[j].lemma.lower() not in _HEADS:
            return None
    end = tokens[j].end
    # the genitive words that complete it: "охорони здоров'я", "житлового господарства", "Івано-Франківської області",
    # joined by "та"/"і" ("енергетики та вугільної промисловості")
    k = j + 1
    while k < min(len(tokens), j + 9):
        if tokens[k].boundary or text[tokens[k - 1].end : tokens[k].start].strip():
            break  # no punctuation inside: "училища, українського мецената"
        if tokens[k].key in _AND and k + 1 < len(tokens) and "gent" in grammemes(tokens[k + 1].text) \
                and tokens[k + 1].text.islower():
            k += 1
            continue
        if tokens[k].key == "з" and k + 1 < len(tokens) and tokens[k + 1].key == "питань":  # "Бюро з питань екології"
            k += 2
            continue
        if _ABBREVIATION.fullmatch(tokens[k].text):  # "відділення АМКУ", "ГУ ДСНС України": an abbreviated owner
            end = tokens[k].end
            k += 1
            continue
        tags = grammemes(tokens[k].text)  # the dictionary look-up folds apostrophes ("здоров’я")
        if "gent" not in tags or not ({"NOUN", "ADJF"} & tags) or {"Name", "Surn", "Patr"} & tags \
                or tokens[k].lemma.lower() in _TIME or len(tokens[k].text) == 1:  # "м." opens the town it sits in
            break  # "минулого тижня" says when, not who
        end = tokens[k].end
        k += 1
        if tokens[k - 1].text[:1].isupper() and "ADJF" not in tags:
            break  # "Міністерство закордонних справ України": a capitalised noun closes it
    where = _SEAT.match(text, end)  # "... у Вінницькій області", "... м. Києва"
    if where:
        end = where.end()
    if head_first and end == tokens[j].end:
        return None  # a capitalised "Організацію" alone opens a sentence; it names nothing
    quoted = re.match(rf"\s*[{_QUOTE_OPEN}]", text[end : end + 3])
    if quoted:  # "Державного підприємства «Документ»"
        end = _quoted_end(text, end + quoted.end() - 1, 80) or end
    return (first.start, end)


def _quoted(text: str, tokens: list[Token], i: int) -> tuple[int, int] | None:
    """A capitalised name of one to four words alone in quotes: "« Київенерго »", "« Галицька магістраль »" (a
    company, party, paper or camp; Ukrainian quotes such names, while speech runs longer and ends in a stop)."""
    first = tokens[i]
    if not first.is_title or i == 0 and first.start == 0:
        return None
    m = re.search(rf"[{_QUOTE_OPEN}]\s*$", text[max(0, first.start - 3) : first.start])
    if m is None:
        return None
    end = _quoted_end(text, first.start - 1, 60)
    if end is None or len(first.text) == 1 or _WORK.search(text[max(0, first.start - 40) : first.start]):
        return None
    inner = text[first.start : end - 1].rstrip()
    if not inner or len(inner.split()) > 4 or re.search(r"[.!?,:;]", inner):
        return None  # speech, not a name
    return (first.start, first.start + len(inner))


# a work's, a programme's or an event's title, not an organisation's name, follows these words: "у вірші « Про
# премудрість »", "слово « НЕ »", "у телепрограмі « Схеми »", "по проекту « Технополіс »"
_WORK = re.compile(r"(?:вірш|збірк|збірц|роман|повіст|поем|книг|книжк|твор|фільм|пісн|п'єс|опер|слов|літер|бренд|марк|"
                   r"назв|гасл|рубрик|розділ|стат|телепрограм|програм|проект|проєкт|сюжет|журнал|часопис|"
                   r"збірок|фестивал|конкурс|акці)\w*\s*[«\"“„]\s*$", re.I)
# compounds that make a single word an organisation's name: "Київенерго", "Ощадбанку", "Держрезерв", "Укрзалізниця"
_COMPOUND = re.compile(r"^(?:укр|держ)\w{3,}|\w{3,}(?:енерго|газ|газу|банк|банку|нафта|нафти|буд|будом|пром|прому|трест|"
                       r"здоровниц\w|нагляд\w*|резерв\w*|водоканал\w*|трансгаз\w*|комунсервіс\w*)$")
_NOT_COMPOUND = re.compile(r"^(?:україн|український|українськ)", re.I)


def _compound(token: Token) -> tuple[int, int] | None:
    """A capitalised word built as an organisation's name is ("Кіровоградгазу", "Укрпрофоздоровниці")."""
    word = token.text.lower()
    if not token.is_title or token.is_upper or _NOT_COMPOUND.match(word) or not _COMPOUND.search(word):
        return None
    return (token.start, token.end)
