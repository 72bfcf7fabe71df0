"""The base form of a Swedish noun after a number, as a figure stores its counted noun: spaCy's
lemma lookup table (spacy-lookups-data) with the table's verb readings of nouns set right
("10 mål" counts mål, not "måla"), a compound read by its longest known tail ("OSA-platser" ->
plats) and suffix rules for the words the table lacks.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from ..home import cache_home
from ..lemma_tables import read_table, table_file

_LOADED: set[str] = set()  # the tables read whole in this process


@lru_cache(maxsize=2)
def lemma_table(lang: str) -> dict[str, str]:
    """spaCy's lemma lookup table of ``lang`` ("sv", "en"; spacy-lookups-data): inflected form
    -> base form, loaded once per process."""
    table = read_table(lang)
    if table is None:  # pragma: no cover - a declared dependency
        return {}
    _LOADED.add(lang)
    return table


def lemmas() -> dict[str, str]:
    return lemma_table("sv")


def lemma_of(lang: str, word: str) -> str | None:
    """``lemma_table(lang).get(word)`` without loading the table: a search asks a few words, and
    reading the whole table (660k entries) took 0.5-2 s of every cold ``namndkoll search``. The
    words are looked up in a copy of the table kept as an SQLite file under the data folder
    (``$NAMNDKOLL_HOME/cache``), written on the first lookup of a machine; where that file cannot
    be written or read, or the table is already loaded in this process, from the table itself."""
    if lang not in _LOADED:
        index = _lemma_index(lang)
        if index is not None:
            with _INDEX_LOCK:
                try:
                    row = index.execute("SELECT v FROM lemma WHERE k = ?", (word,)).fetchone()
                except sqlite3.Error:
                    row = None
                else:
                    return row[0] if row else None
    return lemma_table(lang).get(word)


_INDEX_VERSION = 1
_INDEX_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _lemma_index(lang: str) -> sqlite3.Connection | None:
    """The SQLite copy of ``lemma_table(lang)``, named after the table file's size and time (a new
    spacy-lookups-data writes a new copy); written once, atomically. None where it cannot be."""
    src = table_file(lang)
    if src is None:
        return None
    try:
        st = src.stat()
        path = cache_home() / f"lemmas-{lang}-{st.st_size}-{st.st_mtime_ns}-v{_INDEX_VERSION}.sqlite"
        if not path.is_file():
            _write_index(path, lemma_table(lang))
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error, UnicodeError):
        return None


def _write_index(path: Path, table: dict[str, str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("CREATE TABLE lemma (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            conn.executemany("INSERT INTO lemma VALUES (?, ?)", sorted(table.items()))
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# nouns whose plural is their singular (agent nouns in -are, units of length and volume)
_INVARIANT = ("are", "meter", "liter")
_SUFFIX_RULES = (("orna", "a"), ("arna", ""), ("erna", ""), ("ena", "e"), ("or", "a"), ("ar", ""),
                 ("er", ""), ("en", "e"), ("na", ""))


@lru_cache(maxsize=20000)
def lemma(word: str) -> str:
    """The base form of a Swedish noun, compound-aware: 'OSA-platser' -> 'plats',
    'arbetsmarknadskonsulenter' -> 'arbetsmarknadskonsulent', 'lundabor' -> 'lundabo'."""
    w = word.lower()
    if "-" in w:
        head = w.rsplit("-", 1)[1]
        return lemma(head) if len(head) >= 2 else w
    if len(w) >= 6 and w.endswith(("ande", "ende")):
        return w  # a participle counted as a noun: "fem boende", "tre sökande" (not "bo", "söka")
    table = lemmas()
    if w not in table and len(w) >= 5 and w.endswith(_INVARIANT):
        # the same in the plural: "tolv lärare", "10 kvadratmeter" (not "lärar" from "rare" ->
        # "rar", nor "met" by the suffix rules)
        return w
    if w in table:
        lt = table[w]
        if w.endswith(("da", "ta")) and lt == w[:-2] + "a" or w.endswith("ade") and lt == w[:-3] + "a":
            return w[:-1]  # a participle used as a noun: "anställda" -> "anställd", not "anställa"
        if lt == w + "a" or _is_strong_past(w, lt):
            return w  # the table's verb reading of a noun: "10 mål" counts mål, not "måla"
        if lt == w[:-1] and w.endswith("ar") and len(w) >= 5:
            # the table's verb reading of a plural: "bilar" -> "bila", "cyklar" -> "cykla"
            if w[:-2] in table:
                return w[:-2]
            if w[-3] in "lnr" and w[-4] not in "aeiouyåäö":
                return w[:-3] + "e" + w[-3]  # "cyklar" -> "cykel", "åkrar" -> "åker"
        if lt == w + "e" and w.endswith("ar") and w[:-2] in table:
            # "tolkar" is the table's compound stem of "tolkare" ("tolkarutbildning"); a word of
            # its own it is the plural of "tolk": "320 tolkar", "3 domar", "fem fiskar"
            return w[:-2]
        if lt == w + "e" and len(w) >= 4 and not w.endswith("ar"):
            return w  # the table's "röst" -> "röste" (no word): "1 nej-röst" counts röst
        return lt
    if w in swedish_bases():
        return w  # a base form the table has no entry of its own for: "2 st rektor", not "rekta"
    for i in range(1, len(w) - 2):  # the longest known tail of a compound
        tail = w[i:]
        lt = table.get(tail, "")
        if len(tail) >= 6 and lt == tail[:-3] + "e" + tail[-3] and tail.endswith("ar"):
            return w[:i] + lt  # a plural that drops the e of -el/-er/-en: "viruspartiklar" -> "viruspartikel"
        # only a tail whose lemma shortens it ("platser" -> "plats"), not a verb reading of it
        if tail.endswith("ade") and lt == tail[:-3] + "a":
            return w[:-1]  # a compound participle used as a noun: "timavlönade" -> "timavlönad"
        if lt and tail.startswith(lt) and lt != tail and not _is_strong_past(tail, lt):
            if tail == lt + "n" or tail == lt + "t":
                # only a definite article off the tail: "person" is no "per" + "son" (the table's
                # definite form of "so"); a plural in -en is left to the suffix rules ("möten")
                break
            return w[:i] + lt
    if w.endswith("ier") and (by := _by_analogy(w)):
        return by  # "webbinarier" -> "webbinarium", as "seminarier" -> "seminarium"
    for suf, rep in _SUFFIX_RULES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[: -len(suf)] + rep
    return w


@lru_cache(maxsize=1)
def swedish_bases() -> frozenset[str]:
    return frozenset(lemmas().values())


def _by_analogy(word: str) -> str | None:
    """The base form of a plural in -ier the table lacks, changed as the table's plurals with
    the longest same ending (5 to 12 letters) mostly change: "webbinarier" ends as
    "seminarier" -> "seminarium" does, not "webbinari" (the suffix rule's "-er"), while
    "teknologier" ends as "teorier" -> "teori" does. None when no ending has a clear majority."""
    changes = _ier_changes()
    for k in range(min(len(word) - 2, 12), 4, -1):
        change = changes.get(word[-k:])
        if change is not None:
            drop, add = change
            return word[:len(word) - drop] + add
    return None


@lru_cache(maxsize=1)
def _ier_changes() -> dict[str, tuple[int, str]]:
    """Ending (5-12 letters, the whole word too) of the table's plurals in -ier -> (letters dropped, letters added)
    that more than half of them share: "inarier" -> (2, "um") (seminarier, proseminarier,
    postseminarier; not extraordinarier -> extraordinarie)."""
    from collections import Counter

    votes: dict[str, Counter[tuple[int, str]]] = {}
    for word, lem in lemmas().items():
        if not word.endswith("ier") or lem == word or not word.islower():
            continue
        same = 0
        while same < min(len(word), len(lem)) and word[same] == lem[same]:
            same += 1
        change = (len(word) - same, lem[same:])
        for k in range(5, min(len(word), 12) + 1):  # the whole word too: a compound's tail
            votes.setdefault(word[-k:], Counter())[change] += 1
    out = {}
    for end, c in votes.items():
        (change, n), = c.most_common(1)
        if 2 * n > sum(c.values()):
            out[end] = change
    return out


def _is_strong_past(word: str, lem: str) -> bool:
    """The table's old past-tense reading of a noun in -ag: "uppdrag" -> "uppdra", "bidrag" ->
    "bidra"; "313 000 uppdrag" counts uppdrag."""
    return word.endswith("ag") and lem == word[:-1]
