"""Showing stored things to people: text that cannot drive a terminal, file names on one line,
and figures written the way a Swedish reader writes them.

Shared by the CLI (namndkoll/commands/) and the web layer. Stored values stay as they are
(plain numbers, the original words); only what is shown is formatted here.
"""

from __future__ import annotations

import difflib
import os
import re
from typing import Any

__all__ = ["STANCE_LABELS", "format_figure", "one_line", "relative_path", "shown_path", "swedish_number",
           "terminal_safe"]

# a stored position or section kind as the CLI, the web pages and the compare matrix say it
STANCE_LABELS = {
    "reservation": "reservation", "sarskilt_uttalande": "särskilt uttalande",
    "sarskilt_yttrande": "särskilt yttrande", "protokollsanteckning": "anteckning",
    "yrkande": "yrkande", "yrkanden": "yrkande", "omrostning": "omröstning", "motion": "motion",
    "skrivelse": "skrivelse",
}

# What can drive a terminal or reorder what a reader sees: C0 controls except tab and newline
# (ESC starts CSI/OSC sequences, CR and BS overwrite), DEL, C1 controls (U+009B is an 8-bit
# CSI for some terminals) and the bidi embeddings, overrides and isolates (U+202E makes
# "fdp.exe" out of "exe.pdf").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` without anything that a terminal would act on rather than show (tab and
    newline stay)."""
    return _UNSAFE.sub("", text)


# whitespace, except the no-break space that Swedish puts in numbers
_BREAKS = re.compile(r"[^\S\u00a0]+")


def one_line(text: str) -> str:
    """``text`` safe and on one line: every run of whitespace becomes one space (a no-break
    space stays: "1\u00a0550\u00a0tkr" is one word)."""
    return _BREAKS.sub(" ", terminal_safe(text)).strip()


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file name as it can be shown on one line: bytes that are not UTF-8 and control
    characters (a newline in a name) are written as escapes (``\\xff``, ``\\n``)."""
    try:
        text = os.fsencode(path).decode("utf-8", errors="backslashreplace")
    except UnicodeError:  # a str with lone surrogates that never came from a file name
        text = os.fspath(path).encode("utf-8", errors="backslashreplace").decode("ascii")
    return _UNSAFE.sub(lambda m: _escape(m.group()), text).replace("\n", "\\n").replace("\t", "\\t")


def relative_path(source: str) -> str:
    """A stored source as a progress line names it: relative to the working directory when it
    lies below it, else as stored."""
    try:
        rel = os.path.relpath(source)
    except ValueError:  # another drive on Windows
        return source
    return source if rel.startswith("..") else rel


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# ---- figures ------------------------------------------------------------------------------

def swedish_number(value: float, *, decimals: int = 2) -> str:
    """``1550000`` -> ``1 550 000``; ``66.6`` -> ``66,6``: spaces between thousands, a decimal
    comma, no trailing zeros."""
    neg = value < 0
    v = abs(float(value))
    text = f"{v:,.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{round(v):,}"
    text = text.replace(",", " ").replace(".", ",")
    return ("-" if neg else "") + text


def format_figure(fig: Any) -> str:
    """A stored figure (a row with kind, value, value_to, unit, qualifier, per, text) as a reader
    writes it: ``1 550 000 kr``, ``ca 8 000 kr/månad``, ``66,6 %``, ``12 platser``, ``1 200 m²``, a range
    ``2 000 000–3 000 000 kr``."""
    get = fig.get if isinstance(fig, dict) else lambda k: getattr(fig, k, None)
    value = get("value")
    if value is None:
        return ""
    kind, unit = get("kind"), get("unit") or ""
    high = get("value_to")
    number = swedish_number(value) + ("" if high is None else f"–{swedish_number(high)}")
    if unit == "EUR":
        shown = f"{number} euro"
    elif kind == "amount" or unit == "SEK":
        shown = f"{number} kr"
    elif kind == "percent" or unit == "%":
        shown = f"{number} %"
    elif kind == "measure":
        shown = f"{number} {unit}".strip()  # the normalised unit: "50–60 km", "1 200 m²"
    else:
        noun = _counted_noun(unit, get("text") or "", value if high is None else high)
        shown = f"{number} {noun}".strip()
    if get("per"):
        shown += f"/{get('per')}"
    if get("qualifier"):
        shown = f"{get('qualifier')} {shown}"
    return one_line(shown)


_DEFINITE_PLURAL = re.compile(r"(ar|er|or)na$")


def _counted_noun(lemma: str, text: str, value: float) -> str:
    """The counted noun as the document writes it ("platser" for the lemma "plats" in "fem
    platser"), in the indefinite form ("socialförvaltningarna" -> "socialförvaltningar");
    the lemma when the text does not hold it."""
    if not lemma:
        return ""
    lem = lemma.casefold()
    best, best_len = "", 0
    for word in re.findall(r"[^\W\d_][\w-]*", text):
        tail = word.rsplit("-", 1)[-1].casefold()
        common = len(os.path.commonprefix([tail, lem]))
        if common >= max(len(lem) - 2, min(len(lem), 4)) and common > best_len:
            best, best_len = word, common
    if not best:
        return lemma
    if best.casefold() != lem and value != 1:
        best = _DEFINITE_PLURAL.sub(r"\1", best)
    return best


def copy_label(citation: str, copy_citation: str, copy_source: str, file_word: str = "file") -> str:
    """How a copy is named beside its hit: its citation, and its file name too when the
    citation reads as the hit's own (one protocol published under two file names)."""
    if " ".join(copy_citation.split()) != " ".join(citation.split()):
        return copy_citation
    name = copy_source.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{copy_citation} ({file_word} {name})"


def doc_title(doc: Any, source: str | None = None) -> str:
    """A document's name for a heading or a hit: its title, else (a protocol's title is often
    not read) its body, municipality, kind and date as a citation names them
    ("Kommunfullmäktige, Göteborg, protokoll 2023-11-09"), else its file name. ``doc``: a
    StoredDocument or a hit's Metadata."""
    from .types import doc_kind_name

    if getattr(doc, "title", None):
        return str(doc.title)
    what = " ".join(p for p in (doc_kind_name(doc), getattr(doc, "date", None)) if p)
    if getattr(doc, "committee", None) and what:
        return ", ".join(p for p in (doc.committee, getattr(doc, "municipality", None), what) if p)
    return (source or getattr(doc, "source", None) or "").rsplit("/", 1)[-1] or "dokument"


def did_you_mean(value: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The accepted value nearest to ``value`` (any case), or None when none is close."""
    folded = {c.casefold(): c for c in choices}
    near = difflib.get_close_matches(value.casefold(), list(folded), n=1, cutoff=0.75)
    return folded[near[0]] if near else None
