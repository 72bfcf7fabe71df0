"""Does a page's text layer read as words?

A PDF whose fonts map glyphs to the wrong characters (a broken ToUnicode map) has a text
layer, but one that says ``protokojjet`` for *protokollet*, ``Vvllvrdsnvrndens`` for
*Välfärdsnämndens*, or private-use junk: indexing it would put garbage in the search and
nonsense in quotes. Such a page is treated like one without text (OCR'd when Tesseract is
there, else marked ``unreadable``).

The test is on the page's lower-case words of three letters or more (names and headings
are capitalised, numbers are not words; web and e-mail addresses and markup left out): a page with fewer than 20 of them is never judged.
Most of a Swedish page's words are among the 5,000 commonest of Swedish council speech
(``data/sv_common.txt``); when fewer than 70 % are, every word is looked up in spaCy's Swedish
and English lemma tables (spacy-lookups-data; compounds as two known parts, with or without a
linking s), and the page is unreadable when more than a fifth are not found — unless it reads
as Finnish (Finland-Swedish records have Finnish passages).

A document with such pages has broken fonts, and its other pages are often *lightly* misread
("välfärdsscef", "Töterrann-ngströrs", "Öppeihållningstder") while passing that test:
``unknown_words`` counts the words of a page not in the lexicon, capitalised ones too (the
misreadings sit in headings and names as much as in prose), for the reader to compare the text
layer with Tesseract's reading of the page.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources

from ..home import cache_home
from ..lemma_tables import read_table

__all__ = ["is_word", "unknown_words", "unreadable"]

MIN_WORDS = 20
COMMON_SHARE = 0.7  # at least this share among the common words: readable, no lexicon needed
KNOWN_SHARE = 0.8  # below this share of words in the lexicon: unreadable
_WORD = re.compile(r"[^\W\d_]{3,}")
# web addresses, e-mail addresses and markup are no words of a language, and a text layer that
# shows them correctly is no broken font: left out before the words are counted (a short page
# that quotes "<img src=x onerror=…>" or "http://example.invalid" was OCR'd, or without
# Tesseract left out as unreadable, though its text layer was exact)
_NOT_PROSE = re.compile(r"<[^<>\n]{1,200}>|\b(?:https?|ftp)://\S+|\bwww\.\S+|\S+@\S+\.[a-z]{2,}")
_JUNK = re.compile("[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0e-\x1f]")
_FINNISH = {"että", "tai", "ovat", "kanssa", "mukaan", "sekä", "kuin", "myös", "joka", "jotka", "vuonna",
            "tämä", "tässä", "olla", "ollut", "voidaan", "sitä", "siitä", "niin", "mutta", "koska"}


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/sv_common.txt").read_text(encoding="utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    """Swedish and English word forms (spaCy's lemma lookup tables, ``lemma_tables.read_table``),
    loaded once per process: ~1.5 s from the tables the first time, then ~0.2 s from a plain word
    list kept beside the tables' other copies (``cache_home()``: under ``$NAMNDKOLL_HOME``)."""
    try:
        from importlib.metadata import version

        cache = cache_home() / f"lexicon-sv-en-{version('spacy-lookups-data')}.txt"
    except Exception:  # noqa: BLE001 - no tables installed: the common words have to do
        return _common()
    try:
        return frozenset(cache.read_text(encoding="utf-8").split("\n"))
    except OSError:
        pass
    words = set(_common())
    for lang in ("sv", "en"):
        table = read_table(lang)
        if table is None:  # pragma: no cover - installed but unreadable: the common words have to do
            return _common()
        words.update(k.lower() for k in table)
        words.update(v.lower() for v in table.values())
    words.update(("och", "att", "som", "för", "den", "det", "har", "inte", "med", "från", "till", "samt",
                  "eller", "men", "när", "där", "hur", "vad", "vid", "mot", "efter", "under", "över"))
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(words)), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: load the tables again next time
    return frozenset(words)


def _known(word: str, lexicon: frozenset[str]) -> bool:
    if word in lexicon:
        return True
    for i in range(3, len(word) - 2):  # a compound: two known parts, maybe joined by an s
        head, tail = word[:i], word[i:]
        if tail in lexicon and (head in lexicon or (head.endswith("s") and head[:-1] in lexicon)):
            return True
    return False


def is_word(word: str) -> bool:
    """Whether ``word`` is a word of the language: in the lexicon (any case), or a compound of
    two words it holds, maybe joined by an s ("vindkraft", "arbetsmarknadsåtgärder")."""
    return _known(word.casefold(), _lexicon())


def unknown_words(lines: list[str]) -> tuple[int, int]:
    """(words not in the lexicon, words) among a page's words of three letters or more, case
    folded; all-capital words (acronyms, shouted headings) left out."""
    lexicon = _lexicon()
    words = [w.lower() for w in _WORD.findall("\n".join(lines)) if not w.isupper()]
    return sum(not _known(w, lexicon) for w in words), len(words)


def unreadable(lines: list[str]) -> bool:
    """Whether the text of a page (its lines) fails to read as words: mostly characters that
    map to no letter, or Swedish words that are not words."""
    text = "\n".join(lines)
    visible = len(text) - text.count(" ") - text.count("\n")
    if visible >= 50 and len(_JUNK.findall(text)) > 0.3 * visible:
        return True
    words = [w for w in _WORD.findall(_NOT_PROSE.sub(" ", text)) if w.islower()]
    if len(words) < MIN_WORDS:
        return False
    common = _common()
    if sum(w in common for w in words) >= COMMON_SHARE * len(words):
        return False
    lexicon = _lexicon()
    unknown = sum(not _known(w, lexicon) for w in words)
    if unknown <= (1 - KNOWN_SHARE) * len(words):
        return False
    finnish = {w for w in words if w in _FINNISH}
    return len(finnish) < 3
