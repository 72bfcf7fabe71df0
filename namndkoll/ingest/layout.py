"""Page layout from positioned text runs: lines, reading order, running headers and footers,
hyphenation, and the page text with the box and font of every line.

Pure geometry and strings: ``pdf_runs.py`` (beside ``pdf.py``, which talks to PDF libraries) makes
the runs; this module never touches a PDF. Coordinates are PDF points with the origin at the
bottom-left, as pdfium gives them, until ``compose`` turns them into ``Line`` boxes measured
from the page's top-left corner.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise

from ..types import Line
from .ocr_margins import OcrMargins

__all__ = [
    "RawLine",
    "Run",
    "clean_text",
    "compose",
    "group_lines",
    "looks_tabular",
    "reading_order",
    "repair_hyphenation",
    "split_margins",
]

# characters that PDFs use for spaces and hyphens, mapped to the plain ones
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                                 "\u202f\u205f\u3000"), " ")
_SPACES.update({ord("\x02"): "-", ord("\ufffe"): "-", ord("\u00ad"): "", ord("\u200b"): "", ord("\ufeff"): "",
                ord("\u2010"): "-", ord("\u2011"): "-", ord("\r"): "\n", ord("\ufb01"): "fi", ord("\ufb02"): "fl"})
# Word's list bullets in the Symbol and Wingdings fonts come out of a PDF as private-use code
# points (U+F0B7 is Symbol's bullet): a box in a terminal, a browser and a quote (Alingsås KF
# 2018-03-28's motions list their att-satser with U+F0B7); each is the character it draws
_SPACES.update({ord("\uf0b7"): "•", ord("\uf0a7"): "▪", ord("\uf0d8"): "➢", ord("\uf076"): "❖",
                ord("\uf0fc"): "✓", ord("\uf02d"): "-", ord("\uf06e"): "■"})


def clean_text(text: str) -> str:
    """NFC, plain spaces for NBSP/thin spaces ("1 500 000 kr"), no soft hyphens."""
    return unicodedata.normalize("NFC", text.translate(_SPACES))


# ---- hyphenation ------------------------------------------------------------------------

# words after which "arbetsmarknads- och utbildningsområdet" keeps its hyphen
_KEEP_AFTER = {"och", "eller", "samt", "respektive", "resp", "till", "som", "men", "utan", "&"}
_HYPHEN = re.compile(r"(\w)-\n[ \t]*(\w+)([^\S\n]*)")
_LINE_END = re.compile(r"(\w+)-$")
# the second half of a split word, and the stop or comma that closes it ("säkerhets-" over
# "arbete. Detta …"): the joined word takes it along, so "säkerhetsarbete." ends the first line
_LINE_START = re.compile(r"[ \t]*(\w+)((?:[.,;:!?)\]»”’]+(?!\S))?)[^\S\n]*")


def _join(left_word: str, word: str) -> str | None:
    """How a word split at a line end is joined: ``None`` = not at all (a real hyphen before
    "och", a name pair like "Stockholm-/Göteborg"), else the joined word."""
    left = left_word[-1]
    if word.lower() in _KEEP_AFTER or not word[0].isalpha():
        return None
    if len(left_word) == 1 and left.isalpha():
        return f"{left_word}-{word}"  # e-cigaretter, A-lagen
    if left.islower() and word[0].islower():
        return f"{left_word}{word}"  # a word split by the line break
    if left.isupper() or left.isdigit():
        return f"{left_word}-{word}"  # OSA-platser, 24-enheten: the hyphen is real
    return None


def repair_hyphenation(text: str) -> str:
    """Join words split at a line end: ``bere-``/``da`` -> ``bereda``; real hyphens stay
    (``OSA-platser``, ``24-enheten``, ``arbetsmarknads- och ...``)."""
    return "\n".join(repair_lines(text.split("\n")))


def repair_lines(lines: list[str]) -> list[str]:
    """``repair_hyphenation`` line by line, so each line keeps its place: the joined word ends
    the first line and the second keeps the rest (it may become empty)."""
    out = list(lines)
    for i in range(len(out) - 1):
        m = _LINE_END.search(out[i])
        if not m:
            continue
        n = _LINE_START.match(out[i + 1])
        if not n:
            continue
        joined = _join(m.group(1), n.group(1))
        if joined is None:
            continue
        out[i] = out[i][: m.start()] + joined + n.group(2)
        out[i + 1] = out[i + 1][n.end():]
    return out


# ---- runs and lines ---------------------------------------------------------------------

@dataclass
class Run:
    """Text on one baseline without a wide gap, with its box (bottom-left origin) and font."""

    x0: float
    y0: float  # bottom
    x1: float
    y1: float  # top
    text: str
    size: float = 0.0
    bold: bool = False


@dataclass
class RawLine:
    runs: list[Run] = field(default_factory=list)
    _text: str | None = field(default=None, repr=False, compare=False)

    @property
    def x0(self) -> float:
        return min(r.x0 for r in self.runs)

    @property
    def x1(self) -> float:
        return max(r.x1 for r in self.runs)

    @property
    def top(self) -> float:
        return max(r.y1 for r in self.runs)

    @property
    def bottom(self) -> float:
        return min(r.y0 for r in self.runs)

    def text(self) -> str:
        if self._text is None:
            runs = sorted(self.runs, key=lambda r: r.x0) if len(self.runs) > 1 else self.runs
            out = runs[0].text
            for prev, r in pairwise(runs):
                # pdfium keeps real spaces at the end of a run; a bare gap wider than a third of
                # the font size is a space too ("Belopp   2 300"), a narrower one is kerning ("ver|ksamhet")
                gap = r.x0 - prev.x1
                out += (" " if not out.endswith(" ") and gap > 0.3 * max(r.y1 - r.y0, 1.0) else "") + r.text
            if "  " in out:
                out = _SPACES2.sub(" ", out)
            self._text = out.strip()
        return self._text

    def font(self) -> tuple[float, bool]:
        """The size of most of the line's characters, and whether most are bold."""
        if len(self.runs) == 1:
            return self.runs[0].size, self.runs[0].bold
        sizes: Counter[float] = Counter()
        bold = chars = 0
        for r in self.runs:
            n = len(r.text)
            sizes[r.size] += n
            bold += n if r.bold else 0
            chars += n
        return (sizes.most_common(1)[0][0] if sizes else 0.0), bold * 2 > chars


_SPACES2 = re.compile(r" {2,}")


def group_lines(runs: list[Run]) -> list[RawLine]:
    """Runs on the same baseline form a line; lines top to bottom."""
    runs = sorted(runs, key=lambda r: (-(r.y0 + r.y1) / 2, r.x0))
    lines: list[RawLine] = []
    bottom = top = 0.0  # of the last line, kept as runs join it (linear in the runs)
    for r in runs:
        mid, h = (r.y0 + r.y1) / 2, max(r.y1 - r.y0, 1.0)
        if lines and abs((bottom + top) / 2 - mid) < 0.45 * h:
            lines[-1].runs.append(r)
            bottom, top = min(bottom, r.y0), max(top, r.y1)
            continue
        lines.append(RawLine([r]))
        bottom, top = r.y0, r.y1
    text_size = RawLine(runs).font()[0]  # the size of most of the page's characters
    figures = [r for r in runs if text_size > 0 and r.size >= text_size * _CALLOUT_SIZE and _figures(r.text)]
    return [part for ln in lines for part in _without_callout(ln, text_size, figures)]


_CALLOUT_SIZE = 1.5  # times the page's text type: a box's key figure, not the sentence's word
_CALLOUT_GAP = 2.0  # ems of the text type between the box and the sentence beside it
_PROSE_WORDS = 5  # a line of running text, not a heading's words beside its number


def _without_callout(line: RawLine, text_size: float, figures: list[Run] | None = None) -> list[RawLine]:
    """A line, or the line and a box's figure set beside it apart: a number in type half as
    large again as the page's text, two ems or more away from the words of a line of that
    text ("inhämtades ··· 83", an index in a box beside the paragraph), is no word of the
    sentence it stands level with; it is a line of its own, above or below the sentence as it
    stands higher or lower. So is the box's label, a short word in that type right over or
    under such a figure (``figures``: the page's big figures), the box "NTI" over "4,5" beside
    "svar vilket motsvarar en" (read "svar vilket motsvarar en NTI"), even beside a sentence's
    last words. A heading's number ("processer 03", "Räkenskapsrevision 04") is left as it is."""
    if len(line.runs) < 2 or text_size <= 0:
        return [line]
    big = [r for r in line.runs if r.size >= text_size * _CALLOUT_SIZE]
    rest = [r for r in line.runs if r.size < text_size * _CALLOUT_SIZE]
    labels = bool(big) and all(_box_label(b, figures or []) for b in big)
    if not big or not rest or not (labels or all(_figures(b.text) for b in big)):
        return [line]
    box, sentence = RawLine(big), RawLine(rest)
    if abs(sentence.font()[0] - text_size) > 0.5 or (len(sentence.text().split()) < _PROSE_WORDS and not labels) \
            or any(min(abs(b.x0 - r.x1), abs(r.x0 - b.x1)) < text_size * _CALLOUT_GAP
                   or (b.x0 < r.x1 and r.x0 < b.x1) for b in big for r in rest):
        return [line]
    return [box, sentence] if box.top > sentence.top else [sentence, box]


_LABEL_WORDS = 2  # the most words of a key figure box's label ("NTI", "eNPS", "Nöjd kund")


def _box_label(run: Run, figures: list[Run]) -> bool:
    """Whether a run is the label of a key figure box: a word or two, no figure, in the type of
    a big figure that stands right over or under it (within one of its heights) and overlaps it
    across the page."""
    words = run.text.split()
    if not words or len(words) > _LABEL_WORDS or _figures(run.text) or run.text.rstrip().endswith((".", ",", ":")):
        return False
    h = max(run.y1 - run.y0, 1.0)
    return any(abs(f.size - run.size) <= 0.5 and f.x0 < run.x1 and run.x0 < f.x1
               and (0 <= run.y0 - f.y1 <= h or 0 <= f.y0 - run.y1 <= h) for f in figures)


def _gutter(lines: list[RawLine], width: float) -> float | None:
    """The x of a column gutter when the page is set in two columns, else None: a vertical
    band in the middle of the page that almost no text crosses, with text on both sides. Where
    the page has none and its text fills only part of its width (a landscape spread whose left
    half is a picture, VGR's strategy: the förord's two columns in x 946-1821 of 1920), the
    middle of the text's own span is searched the same way."""
    if len(lines) < 8:
        return None
    found = _gutter_in(lines, 0.0, width)
    if found is None:
        lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
        if 0 < hi - lo < width * _PART_OF_PAGE:
            found = _gutter_in(lines, lo, hi - lo)
    return None if found is not None and _form_labels(lines, found) else found


_FORM_LABEL_WORDS = 4  # a form's label: "Justeringens plats och tid", "Utses att justera"


def _form_labels(lines: list[RawLine], x: float) -> bool:
    """Whether the lines set on both sides of ``x`` are a form's labels beside their values: on
    each, left of ``x`` one short run in a type of its own (bold or another size) and right of
    it the value in the page's other type ("Utses att justera | Leif Hansson (S)", "Sekreterare |
    ....", a Meetings Plus front page whose names' column is short). Such a page is read across,
    label then value, not as two columns of text."""
    both = [([r for r in ln.runs if r.x1 <= x], [r for r in ln.runs if r.x0 >= x]) for ln in lines
            if not any(r.x0 < x < r.x1 for r in ln.runs)]
    both = [(lp, rp) for lp, rp in both if lp and rp]
    if not both:
        return False
    labels = sum(len(lp) == 1 and len(lp[0].text.split()) <= _FORM_LABEL_WORDS and _style(lp) != _style(rp)
                 and (lp[0].bold != _style(rp)[1] or abs(lp[0].size - _style(rp)[0]) > 0.25) for lp, rp in both)
    return labels >= max(2, 0.8 * len(both))


_PART_OF_PAGE = 0.7  # text narrower than this share of the page is searched for columns within itself


def _gutter_in(lines: list[RawLine], left: float, width: float) -> float | None:
    """``_gutter`` within the band of ``width`` from x ``left``."""
    import numpy as np

    r0 = np.array([r.x0 for ln in lines for r in ln.runs])
    r1 = np.array([r.x1 for ln in lines for r in ln.runs])
    if np.mean(r0 > left + width * 0.4) < 0.15:
        return None  # hardly any text starts right of the middle: one column
    lx0 = np.array([ln.x0 for ln in lines])
    lx1 = np.array([ln.x1 for ln in lines])
    xs = np.arange(left + width * 0.3, left + width * 0.7, 4.0)
    left = (lx1[:, None] <= xs).sum(0)
    right = (lx0[:, None] >= xs).sum(0)
    # lines with runs on both sides of x and none across it
    line_of = np.repeat(np.arange(len(lines)), [len(ln.runs) for ln in lines])
    across = np.zeros((len(lines), len(xs)), dtype=bool)
    np.logical_or.at(across, line_of, (r0[:, None] < xs) & (r1[:, None] > xs))
    # a table row ("Arvoden och ersättning tolkar   -147 505   -142 823") has a label left and
    # only figures right: its label and values are one line, not two columns side by side
    words_right = np.zeros((len(lines), len(xs)), dtype=bool)
    wordy = np.array([not _figures(r.text) for ln in lines for r in ln.runs])
    np.logical_or.at(words_right, line_of, (r0[:, None] >= xs) & wordy[:, None])
    both_m = (lx0[:, None] < xs) & (lx1[:, None] > xs) & ~across & words_right
    both = both_m.sum(0)
    runs_across = (r0[:, None] < xs) & (r1[:, None] > xs)
    crossing = runs_across.sum(0)
    # text across x above the first line set on both sides of it, or below the last, is a band
    # of its own, as reading_order reads it: a full-width title and lead over two columns of
    # prose (Stadsrevisionen's årsredogörelse p. 4, a foreword)
    rows = np.arange(len(lines))[:, None]
    first = np.where(both_m.any(0), both_m.argmax(0), len(lines))
    last = np.where(both_m.any(0), len(lines) - 1 - both_m[::-1].argmax(0), -1)
    inside = (rows >= first[None, :]) & (rows <= last[None, :])
    crossing_between = np.where(inside[line_of], runs_across, False).sum(0)
    # where the left part of such a line ends: a column of text runs up to its gutter, a
    # form's labels ("Justerande", "KF § 57" beside "Utdragsbestyrkande", "KS KF/2025:6") stop short
    ends = np.zeros((len(lines), len(xs)))
    np.maximum.at(ends, line_of, np.where(r1[:, None] <= xs, r1[:, None], 0.0))
    gap = np.where(both_m, xs[None, :] - ends, np.nan)
    # and the right part is a column's line, not a mark, a figure or a page number under a
    # header's choice ("Jens Thystrup (M)   X" in a vote list)
    starts = np.full((len(lines), len(xs)), np.inf)
    np.minimum.at(starts, line_of, np.where(r0[:, None] >= xs, r0[:, None], np.inf))
    rwidth = np.where(both_m, lx1[:, None] - starts, np.nan)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a column x no line has parts on both sides of
        near = np.nan_to_num(np.nanmedian(gap, axis=0), nan=width)
        wide = np.nan_to_num(np.nanmedian(rwidth, axis=0), nan=0.0)
        # how wide each side's longer lines are (the upper quartile): a column of bullets has short
        # lines ("• Ramverk") among full ones, which its median would take for a form's labels
        lfull = np.nan_to_num(np.nanpercentile(np.where(both_m, ends - lx0[:, None], np.nan), 75, axis=0), nan=0.0)
        rfull = np.nan_to_num(np.nanpercentile(rwidth, 75, axis=0), nan=0.0)
    shape = (both >= len(lines) * 0.25) & (left + both >= 4) & (right + both >= 4) & (near < width * 0.2) \
        & (wide >= width * 0.12)
    # ... when the columns are columns of prose: many lines set on both sides, each side as wide as
    # a column's lines (a form's labels beside their values, a few rows of a cover's fields, stay
    # lines read across)
    few = max(1, len(lines) // 20)
    ok = shape & (crossing <= few)
    if not ok.any():  # a page set in columns from top to bottom is read as before
        prose = (both >= _PROSE_LINES) & (lfull >= width * 0.25) & (rfull >= width * 0.25)
        ok, crossing = shape & prose & (crossing_between <= few), crossing_between
    if not ok.any():
        return None
    score = np.where(ok, both - crossing * 3, -10**9)
    # the middle of the best band, not its left edge: a column's longest line may end just inside
    # the band's first x (TfV's revisionsrapport p. 9: "… upprättas i enlighet med" ends at 456.3)
    best = np.flatnonzero(score == score.max())
    run = best[: 1 + int(np.argmax(np.append(np.diff(best) != 1, True)))]
    return float(xs[run[len(run) // 2]])


_PROSE_LINES = 6  # lines set on both sides of a gutter under a full-width title: two columns of prose

_FIGURE = re.compile(r"^(?:[-−–+]?\(?\d[\d,.]*\)?%?|[-−–]|%)$")


def _figures(text: str) -> bool:
    """Whether a run holds only figures ("-147 505", "231 858 220 452", "4,5 %", "–"): a
    table's value cells, never a column of prose."""
    tokens = text.split()
    return bool(tokens) and all(_FIGURE.match(t) for t in tokens)


def _table_rows(lines: list[RawLine], gutter: float) -> set[int]:
    """Indexes of the lines that are table rows across the gutter: words left of it and only
    figures right of it, two such lines in a row at least (one figure beside a column of
    prose, a year or an amount that happens to stand there, is no table)."""
    row = [any(r.x1 <= gutter and not _figures(r.text) for r in ln.runs)
           and any(r.x0 >= gutter for r in ln.runs)
           and all(_figures(r.text) for r in ln.runs if r.x0 >= gutter) for ln in lines]
    return {i for i, ok in enumerate(row)
            if ok and ((i > 0 and row[i - 1]) or (i + 1 < len(row) and row[i + 1]))}


_BESIDE_GAP = 2.0  # ems of the larger type between a heading's words and a column set beside it
_BESIDE_SIZE = 1.5  # points: the heading's type larger than the column's by at least this


def _split_at(line: RawLine) -> list[tuple[float, list[Run], list[Run]]]:
    """Where a line may be two texts side by side: (x where the right part starts, left runs,
    right runs) at each gap of two ems or more between runs."""
    runs = sorted(line.runs, key=lambda r: r.x0)
    out = []
    reach = float("-inf")  # where the runs left of run k end
    for k in range(1, len(runs)):
        reach = max(reach, runs[k - 1].x1)
        em = max(runs[k - 1].y1 - runs[k - 1].y0, runs[k].y1 - runs[k].y0, 1.0)
        if runs[k].x0 - reach >= _BESIDE_GAP * em:
            out.append((runs[k].x0, runs[:k], runs[k:]))
    return out


# a form field's label: "Typ av styrdokument:", "Gäller för:", "Datum för beslut:", "Diarienummer:"
_FIELD = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ/-]*(?:\s[\wåäöÅÄÖ/-]+){0,3}:(?:\s|$)")


def _field_blocks(block: list[tuple[list[Run], list[Run]]]) -> bool:
    """Whether lines split at one x are two blocks of form fields side by side, a letterhead's
    "Typ av styrdokument: Riktlinje | Gäller för: Alingsås kommun" over "Beslutande instans:
    Kommunstyrelsen | Giltighetstid: Tillsvidare": most left parts and most right parts open with
    a field's label. Each block is read down before the next, so a value wrapped onto the next
    line ("Gäller för: Samtliga verksamheter under vård-" over "och omsorgsnämnden") goes on its
    field, not after the field on the left."""
    def fields(side: int) -> int:
        return sum(bool(_FIELD.match(RawLine(part[side]).text())) for part in block)

    return min(fields(0), fields(1)) >= 2 and 2 * fields(0) > len(block) and 2 * fields(1) > len(block)


def _beside_column(lines: list[RawLine]) -> list[RawLine]:
    """Lines with a narrow column set beside a heading (a regulation's title, its number and
    "Utkom från trycket / den 10 september 2024" in small type beside it: TSFS 2024:57) read
    as the heading's lines, then the column's. Two lines or more in a row whose right parts start
    at one x, two ems or more from their left parts, most of them with the left part in type
    larger than the right part's; a right part of figures only is a table's row, and type of one
    size on both sides (a form's labels and values, names side by side, columns of prose under a
    heading) is left as it is."""
    out: list[RawLine] = []
    splits = [_split_at(ln) for ln in lines]  # each line's once: a line is tried beside several above it
    i = 0
    while i < len(lines):
        block: list[tuple[list[Run], list[Run]]] = []
        for x, lpart, rpart in splits[i]:
            block = [(lpart, rpart)]
            j = i + 1
            while j < len(lines):
                nxt = next(((lp, rp) for x2, lp, rp in splits[j] if abs(x2 - x) <= 2.0), None)
                if nxt is None:
                    break
                block.append(nxt)
                j += 1
            larger = sum(RawLine(lp).font()[0] - RawLine(rp).font()[0] >= _BESIDE_SIZE for lp, rp in block)
            if len(block) >= 2 and (larger * 2 > len(block) or _field_blocks(block)) and not any(
                    _figures(" ".join(r.text for r in rp)) for _, rp in block):
                break
            block = []
        if not block:
            out.append(lines[i])
            i += 1
            continue
        out.extend(RawLine(lp) for lp, _ in block)
        out.extend(RawLine(rp) for _, rp in block)
        i += len(block)
    return out


_LABEL_GAP = 1.0  # ems of the value's type between a form's label and its value at least
_LABEL_X = 1.5  # points: the wrapped part of a label starts where the label does


def _style(runs: list[Run]) -> tuple[float, bool]:
    return RawLine(runs).font()


def _label_and_values(line: RawLine) -> tuple[Run, list[Run]] | None:
    """A form's line as (its label: the leftmost run, the values set apart right of it), or None
    when the runs right of the first stand close to it (one text, not a label and its value)."""
    runs = sorted(line.runs, key=lambda r: r.x0)
    label, values = runs[0], runs[1:]
    if values:
        em = max(values[0].y1 - values[0].y0, 1.0)
        if values[0].x0 - label.x1 < _LABEL_GAP * em:
            return None
    return label, values


def _wrapped_labels(lines: list[RawLine]) -> list[RawLine]:
    """A form's label wrapped over two lines ("Ej tjänstgörande" over "ersättare", "Justeringens
    plats och" over "tid", Meetings Plus front pages) read as one label on its first line, not as
    a word put before the second line's value ("ersättare Adam Jansson (KD)") or a line of its
    own ("tid"): the second part starts lowercase, right under the first (no line's gap between
    them), at its x and in its type, and that type is a label's: another type than the values
    beside the two parts, or, where neither part has a value, than the values beside another
    label at that x on the page (the page is a form), and no larger than theirs; and the label
    is a form's, five words at most. The values stay on their lines."""
    parts = [_label_and_values(ln) for ln in lines]
    out = list(lines)
    for k in range(len(lines) - 1):
        a, b = parts[k], parts[k + 1]
        if a is None or b is None:
            continue
        (la, va), (lb, vb) = a, b
        if not lb.text[:1].islower() or abs(la.x0 - lb.x0) > _LABEL_X or la.text.rstrip().endswith((".", ":")):
            continue
        style = (la.size, la.bold)
        if abs(lb.size - la.size) > 0.25 or lb.bold != la.bold or la.y0 - lb.y1 > 0.5 * max(la.y1 - la.y0, 1.0):
            continue
        values = [v for v in (va, vb) if v]
        if not values:  # the page's other labels at this x, beside their values
            values = [p[1] for p in parts if p is not None and p[1] and abs(p[0].x0 - la.x0) <= _LABEL_X
                      and (abs(p[0].size - la.size) <= 0.25 and p[0].bold == la.bold)]
        if not values or any(abs(_style(v)[0] - style[0]) <= 0.25 and _style(v)[1] == style[1]
                             or style[0] > _style(v)[0] + 0.25 for v in values):
            continue  # the values' type, or larger (a title beside a column: TSFS 2024:57's head)
        if len(la.text.split()) + len(lb.text.split()) > _FORM_LABEL_WORDS + 1:
            continue
        joined = Run(la.x0, la.y0, max(la.x1, lb.x1), la.y1, f"{la.text.rstrip()} {lb.text.lstrip()}", la.size, la.bold)
        out[k] = RawLine([joined, *va])
        out[k + 1] = RawLine(vb) if vb else RawLine([])
        parts[k] = (joined, va)
        parts[k + 1] = None  # its label is taken: it starts no other join
    return [ln for ln in out if ln.runs]


def reading_order(lines: list[RawLine], width: float, height: float = 0.0) -> list[RawLine]:
    """Lines in reading order: for a two-column page, full-width lines split the page into
    bands, and each band is read left column first. A table's rows (a label left of the
    gutter, figures right of it) stay whole lines, as full-width lines do. With the page's
    ``height`` known, a page's head or foot set apart from its columns (``_edge_lines``) is a
    band of its own, and a picture's caption inside a column (``_captions``) is read after its
    band's columns, not between the words of a column's sentence. A form's label wrapped over
    two lines is one label (``_wrapped_labels``)."""
    lines = _wrapped_labels(lines)
    gutter = _gutter(lines, width)
    if gutter is None:
        return _beside_column(lines)
    rows = _table_rows(lines, gutter)
    size = RawLine([r for ln in lines for r in ln.runs]).font()[0]  # the page's text type
    edges = _edge_lines(lines, height, size)
    out: list[RawLine] = []
    left: list[RawLine] = []
    right: list[RawLine] = []

    def flush() -> None:
        captions = _captions(left, size) | _captions(right, size)
        out.extend(ln for ln in left if id(ln) not in captions)
        out.extend(ln for ln in right if id(ln) not in captions)
        out.extend(ln for ln in left + right if id(ln) in captions)
        left.clear()
        right.clear()

    for i, ln in enumerate(lines):
        if i in rows or i in edges or any(r.x0 < gutter < r.x1 for r in ln.runs):
            flush()
            out.append(ln)
            continue
        lpart = [r for r in ln.runs if r.x1 <= gutter]
        rpart = [r for r in ln.runs if r.x0 >= gutter]
        if lpart:
            left.append(RawLine(lpart))
        if rpart:
            right.append(RawLine(rpart))
    flush()
    return out


_EDGE_GAP = 2.0  # text lines' heights of empty page between a page's head or foot and its text
_EDGE_LINES = 2  # a head or foot is a line or two; more, set apart at the foot, is a block of small print


def _edge_lines(lines: list[RawLine], height: float, size: float) -> set[int]:
    """Indexes of the lines at the very top or bottom of a page that stand apart from the rest:
    one or two lines in the top or bottom 15 % of the page, with an empty band of two text lines'
    heights or more between them and every line below (a head) or above (a foot). More lines set
    apart at the foot are a block of their own (an e-signing service's two columns of small print). A running foot set under the
    left column ("22   Stadsrevisionens årsredogörelse 2024", Stadsrevisionen's even pages) is
    the page's foot, read after both columns, not the left column's last line. ``size``: the
    page's text type."""
    if height <= 0 or len(lines) < 3:
        return set()
    em = max(size, 1.0) * _EDGE_GAP
    out: set[int] = set()
    for order, in_zone in ((range(len(lines)), lambda ln: ln.bottom >= height * (1 - _ZONE)),
                           (range(len(lines) - 1, -1, -1), lambda ln: ln.top <= height * _ZONE)):
        idx = list(order)
        for k in range(len(idx) - 1):
            if not in_zone(lines[idx[k]]):
                break
            near, rest = idx[: k + 1], idx[k + 1:]
            gap = (min(lines[i].bottom for i in near) - max(lines[i].top for i in rest)) if idx[0] == 0 \
                else (min(lines[i].bottom for i in rest) - max(lines[i].top for i in near))
            if gap >= em:
                if len(near) <= _EDGE_LINES:
                    out.update(near)
                break
    return out


_CAPTION_SIZE = 0.7  # a caption's type: at most this share of the page's text type
_CAPTION_LINES = 3


def _captions(column: list[RawLine], size: float) -> set[int]:
    """``id`` of the lines of ``column`` (one side of a band, top to bottom) that are a
    picture's caption: up to three lines in type at most 0.7 of the page's text type, with
    lines of the text type below them in the column ("Foto: Lo Birgersson" over the right
    column's first line, which goes on the word the left column broke: "kon-" / "toren"). A
    column's small print at its foot (a footnote, a source) is left where it stands."""
    if size <= 0:
        return set()
    sizes = [ln.font()[0] for ln in column]
    small = [0 < z <= size * _CAPTION_SIZE for z in sizes]
    out: set[int] = set()
    k = 0
    while k < len(column):
        if not small[k]:
            k += 1
            continue
        j = k
        while j < len(column) and small[j]:
            j += 1
        if j - k <= _CAPTION_LINES and any(abs(z - size) <= 0.5 for z in sizes[j:]):
            out.update(id(ln) for ln in column[k:j])
        k = j
    return out


_NUMCELL = re.compile(r"^[-−–+]?\(?\d[\d  ,.]*\)?\s*%?$")
# a list item's bullet or number, set apart from its text: not a table cell
_MARKER = re.compile(r"^\s*(?:[•·▪■►‣◦●○\-–—*\uf0b7\uf0a7o]|\d{1,2}[.)]|[a-z][.)])\s*$")


def looks_tabular(lines: list[RawLine], n_paths: int, width: float = 0.0, height: float = 0.0) -> bool:
    """Ruling lines with cells in them, or 3+ consecutive lines of 3+ separated cells with
    numbers in them (a bullet and its text are one cell). Cells are runs of text with a
    gap before them on their line, or, in a ruled table whose cells wrap and centre their
    text, short runs well right of the text's left edge (outside the page's margins)."""
    run = celled = 0
    for ln in lines:
        runs = sorted(ln.runs, key=lambda r: r.x0)
        cells = 1 + sum(1 for a, b in pairwise(runs) if b.x0 - a.x1 > 12 and not _MARKER.match(a.text))
        nums = sum(1 for r in runs if _NUMCELL.match(r.text.strip()))
        celled += cells >= 2
        run = run + 1 if cells >= 3 and nums >= 1 else 0
        if run >= 3 or (n_paths >= 6 and celled >= 3):
            return True
    if n_paths < 6 or not lines or width <= 0:
        return False
    left = min(ln.x0 for ln in lines)
    inner = [r for ln in lines if height * 0.12 < ln.bottom and ln.top < height * 0.88 for r in ln.runs]
    return sum(1 for r in inner if r.x0 > left + 0.25 * width and r.x1 - r.x0 < 0.4 * width) >= 2


# ---- headers and footers ----------------------------------------------------------------

_PAGENO = re.compile(
    r"^(?:sida\s*)?\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|/)\s*\d{1,4})?$|^sida\s+\d{1,4}.*$|^-\s*\d{1,4}\s*-$",
    re.IGNORECASE)
# a § heading ("§ 12", "KF § 87 KS KF/2023:3", "SN § 91", "39 § Titel"): never a running header,
# even where every § starts a page and its heading stands at the same height on each
_SECTION_HEADING = re.compile(r"^(?:[A-ZÅÄÖ]{1,6}(?:[ \t][A-ZÅÄÖ]{1,4})?[ \t]+)?§[ \t]*\d|^\d{1,4}[ \t]*§(?![§\d])")
# a page counter closing a running line: "3 (11)", "sida 3 av 11"
_COUNTER = re.compile(r"\b\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4})$", re.IGNORECASE)
_LONG_LINE = 90  # characters past which a line is a sentence, not a running line (but see split_margins)
_LONE_MARKS = {"x", "X", "×", "✓", "✔", "☒"}
_EDGE = 4  # lines at the top/bottom of a page that may be running header/footer (no layout)
_ZONE = 0.15  # share of the page height at the top and at the bottom where margins lie (layout)


@dataclass(frozen=True)
class PageLines:
    """The text lines of one page, with their tops and bottoms (from the page's top) when known."""

    texts: list[str]
    tops: list[float] | None = None
    bottoms: list[float] | None = None
    height: float = 0.0
    ocr: bool = False  # read by OCR: its running lines are found by likeness (``ocr_margins``)


def _norm(line: str) -> str:
    """A line's words with its numbers as "#", and a number leading or closing it left out: odd
    and even pages write a running line's page number on opposite sides ("Stadsrevisionens
    årsredogörelse 2024   1" on a right-hand page, "2   Stadsrevisionens årsredogörelse 2024" on
    a left-hand one)."""
    s = re.sub(r"\d+", "#", line.casefold()).strip()
    if re.fullmatch(r"#(?:\s+#)*", s):
        return s
    return s[2:].lstrip() if re.match(r"#\s", s) else re.sub(r"\s+#$", "", s)


def _zones(p: PageLines) -> tuple[list[int], list[int], set[int], set[int]]:
    """Indexes of the lines that may be header (top) and footer (bottom): the first and last
    few lines, and with layout known also every line near the top or bottom edge (the
    latter two sets)."""
    n = len(p.texts)
    top = list(range(min(_EDGE, n)))
    bottom = [i for i in range(max(0, n - _EDGE), n) if i not in top]
    if p.tops is None or p.bottoms is None or p.height <= 0:
        return top, bottom, set(), set()
    ztop = {i for i in range(n) if p.bottoms[i] <= p.height * _ZONE}
    zbottom = {i for i in range(n) if p.tops[i] >= p.height * (1 - _ZONE)} - ztop
    return sorted(set(top) | ztop), sorted(set(bottom) | zbottom), ztop, zbottom


def split_margins(pages: list[PageLines]) -> list[tuple[list[int], list[int], list[int]]]:
    """(header, body, footer) line indexes per page. Page numbers go to the margins, and so do
    lines repeated at the same edge of at least half of the pages (two at least): as written,
    or differing only in numbers ("Göteborgs Stad, protokoll 22 (74)", "Protokoll 39 §
    15.09.2022 Sida") when they hold the page number or, with layout known, stand near the
    page's edge at the same height on those pages — but not sentences that differ in a
    number ("Budgeten omfattar 377 tkr."). Without layout, margins are the runs of such lines
    at the very top and bottom of the text. On OCR'd pages, which Tesseract reads a little
    differently each time, lines alike at the same height on most OCR'd pages count too
    (``ocr_margins``)."""
    n = len(pages)
    zones = [_zones(p) for p in pages]
    # counts over the first/last few lines (edge) and over the lines near the edges (zone)
    exact: dict[tuple[str, bool], Counter[str]] = defaultdict(Counter)
    normed: dict[tuple[str, bool], Counter[str]] = defaultdict(Counter)
    heights: dict[tuple[str, str], list[float]] = defaultdict(list)
    for p, (top, bottom, ztop, zbottom) in zip(pages, zones):
        m = len(p.texts)
        for side, idx, zone in (("top", top, ztop), ("bottom", bottom, zbottom)):
            for edge, sub in ((True, [i for i in idx if i < _EDGE or i >= m - _EDGE]), (False, sorted(zone))):
                texts = [p.texts[i] for i in sub]
                exact[(side, edge)].update(set(texts))
                normed[(side, edge)].update({_norm(t) for t in texts})
            if p.tops is not None:
                for i in zone:
                    heights[(side, _norm(p.texts[i]))].append(p.tops[i])
    # half of the pages with text (pages without any — scans, unreadable ones — do not vote)
    need = max(2, (sum(1 for p in pages if p.texts) + 1) // 2)

    def margin(p: PageLines, i: int, page_no: int, side: str, edge: bool, zone: bool) -> bool:
        line = p.texts[i]
        s = line.strip()
        if _PAGENO.match(s):
            return edge  # deeper in, a lone number is as likely a list's
        if n < 2 or s in _LONE_MARKS:  # a vote list's mark under Ja/Nej is no running footer
            return False
        if edge and exact[(side, edge)][line] >= need:
            return True
        key = _norm(line)
        # a long line is a sentence unless it closes with a page counter ("… bostadsområ- 2 (6)") or
        # stands word for word on half of the pages ("Sweco | Samrådsunderlag Mjörn ytvattentäkt …")
        long = len(s) > _LONG_LINE and not _COUNTER.search(s) and exact[(side, False)][line] < need
        if normed[(side, edge)][key] < need or s.endswith(".") or long or _SECTION_HEADING.match(s):
            return False  # a sentence or a § heading that only looks like the others
        numbers = {int(x) for x in re.findall(r"(?<![\d/:-])\d{1,4}(?![\d/:-])", s)}
        if edge and (page_no in numbers or n in numbers):
            return True
        if not zone or p.tops is None or len(re.findall(r"\w", s)) < 3:
            return False
        # near the edge with layout known: the same words (numbers aside) at the same height
        ys = sorted(heights[(side, key)])
        mid = ys[len(ys) // 2]
        return sum(abs(y - mid) <= 4 for y in ys) >= need and abs(p.tops[i] - mid) <= 4

    def at_top(p: PageLines, i: int, no: int) -> bool:
        return ((i < _EDGE and margin(p, i, no, "top", True, False))
                or (i in zones[no - 1][2] and margin(p, i, no, "top", False, True)))

    def at_bottom(p: PageLines, i: int, no: int) -> bool:
        return ((i >= len(p.texts) - _EDGE and margin(p, i, no, "bottom", True, False))
                or (i in zones[no - 1][3] and margin(p, i, no, "bottom", False, True)))

    fuzzy = OcrMargins(pages, [(z[2], z[3]) for z in zones], [p.ocr for p in pages]) \
        if sum(p.ocr for p in pages) >= 2 else None
    def stack(p: PageLines, no: int) -> set[int]:
        head: set[int] = set()
        for i in top_of[no - 1]:  # the stack of margin lines at the top
            if not at_top(p, i, no):
                break
            head.add(i)
        return head

    top_of = [z[0] for z in zones]
    stacks = [stack(p, no) for no, p in enumerate(pages, 1)]
    # the running header's lines as the pages' top stacks hold them: on a page where the layout
    # put a heading above them ("Reservationer" over "Protokoll nr 9 / Sammanträdesdatum …",
    # Göteborg's continuation pages) they are still the header, not the start of the body
    stacked = Counter(k for p, h in zip(pages, stacks) for k in {_norm(p.texts[i]) for i in h})
    bundled = _counted_runs(pages, zones)
    out = []
    for no, (p, (top, bottom, ztop, zbottom)) in enumerate(zip(pages, zones), 1):
        head: set[int] = set()
        foot: set[int] = set()
        if fuzzy is not None and fuzzy.applies(no - 1):
            head = fuzzy.stack(no - 1, top, "top", partial(at_top, p, no=no))
            inward = [i for i in reversed(bottom) if i > max(head, default=-1)]  # head: a prefix of top
            foot = fuzzy.stack(no - 1, inward, "bottom", partial(at_bottom, p, no=no))
        else:
            head = set(stacks[no - 1])
            rest = [i for i in top if i > max(head, default=-1)]
            if rest and rest[0] in ztop:  # a heading in the top zone above the header's lines
                for i in rest[1:]:
                    if i not in ztop or stacked[_norm(p.texts[i])] < need or not at_top(p, i, no):
                        break
                    head.add(i)
            head |= _lowered_head(p, head, stacked, need)
            for i in reversed(bottom):
                if i in head or not at_bottom(p, i, no):
                    break
                foot.add(i)
            # a running foot that a caption in the bottom zone follows in reading order ("… 2024   9"
            # before a photo's "Foto: Lo Birgersson" set upright in the margin): the same words at
            # the same height on half of the pages are the foot wherever the line is read
            foot |= {i for i in zbottom - head - foot if margin(p, i, no, "bottom", False, True)}
            # a document bundled among others, too short for half of the file's pages: its running
            # lines counted by its own pages ("Årsrapport för 2024   3 (11)" over "Revisorskollegiet")
            head |= bundled[no - 1][0] - foot
            foot |= bundled[no - 1][1] - head
        out.append((sorted(head), [i for i in range(len(p.texts)) if i not in head | foot], sorted(foot)))
    return out


_HEAD_LINE_GAP = 1.5  # the head's lines' heights between the head's last line and a line that goes on it
_HEAD_DEPTH = 0.25  # share of the page's height from its top within which a head may go on


def _lowered_head(p: PageLines, head: set[int], stacked: Counter[str], need: int) -> set[int]:
    """The lines that go on a page's running head below the top zone: a front page whose head
    stands lower than on the other pages (Meetings Plus page 1: "Barn- och ungdomsnämnden /
    Protokoll" pushed down by the logo, its date "2026-06-16" just below the zone) keeps the
    head's last line in the body. A line right after the head's lines (no more than one and a
    half of their heights below the last), in the page's top quarter, whose words (numbers
    aside) stand in the running heads of half of the pages, is the head too."""
    out: set[int] = set()
    if not head or p.tops is None or p.bottoms is None or head != set(range(len(head))):
        return out
    j = len(head)
    while j < len(p.texts) and p.bottoms[j] <= p.height * _HEAD_DEPTH:
        s = p.texts[j].strip()
        h = max(p.bottoms[j - 1] - p.tops[j - 1], 1.0)
        if (stacked[_norm(s)] < need or not s or _SECTION_HEADING.match(s) or s.endswith(".")
                or p.tops[j] - p.bottoms[j - 1] > _HEAD_LINE_GAP * h):
            break
        out.add(j)
        j += 1
    return out


def _counted_runs(pages: list[PageLines], zones: list[tuple[list[int], list[int], set[int], set[int]]]
                  ) -> list[tuple[set[int], set[int]]]:
    """(head, foot) line indexes per page of the running lines of a document bundled in the file
    (a report's pages among protocol extracts and letters): a line near the page's top or bottom
    closing with a page counter ("Stadsrevisionen, Revisionsberättelse 1 (2)", "… protokollsutdrag
    2 (3)") whose words stand on the next or the previous page with the counter one more or one
    less and the same total; and, with layout known, the lines with the same words at the same
    height on at least half (two at least) of that run's pages ("Revisorskollegiet",
    "Stadsrevisionen 2025-03-18" under "Årsrapport för 2024 3 (11)"). Sentences and § headings
    never."""
    out: list[tuple[set[int], set[int]]] = [(set(), set()) for _ in pages]
    where: list[dict[int, str]] = []  # per page: candidate line index -> side
    # per page: (side, words) -> its candidate lines closing with a counter, each read once here;
    # a run marks the lines of its key on each of its pages (a sentence or § heading among them too)
    keyed: list[dict[tuple[str, str], list[int]]] = []
    counted: dict[tuple[str, str, int], dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for no, (p, (top, bottom, _zt, _zb)) in enumerate(zip(pages, zones)):
        lines: dict[tuple[str, str], list[int]] = defaultdict(list)
        keyed.append(lines)
        if p.ocr:
            where.append({})
            continue
        sides = {i: "top" for i in top} | {i: "bottom" for i in bottom}
        where.append(sides)
        for i, side in sides.items():
            s = p.texts[i].strip()
            m = _COUNTER.search(s)
            if not m:
                continue
            key = _norm(s)
            lines[(side, key)].append(i)
            if s.endswith(".") or _SECTION_HEADING.match(s):
                continue
            k, total = (int(x) for x in re.findall(r"\d+", m.group(0)))
            if 1 <= k <= total and total >= 2:
                counted[(side, key, total)][no - k].append(no)
    for (side, key, _total), runs in counted.items():
        for nos in runs.values():
            run = sorted(set(nos))
            if len(run) < 2 or not any(b == a + 1 for a, b in pairwise(run)):
                continue
            for no in run:
                out[no][side == "bottom"].update(keyed[no].get((side, key), ()))
            _companions(pages, where, run, side, out)
    return out


def _companions(pages: list[PageLines], where: list[dict[int, str]], run: list[int], side: str,
                out: list[tuple[set[int], set[int]]]) -> None:
    """The other running lines of a counted run's pages: the same words (numbers aside) at the
    same height on at least half of the run's pages, two at least."""
    if any(pages[no].tops is None for no in run):
        return
    seen: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    for no in run:
        p = pages[no]
        assert p.tops is not None
        for i, sd in where[no].items():
            s = p.texts[i].strip()
            if (sd != side or s.endswith(".") or len(s) > _LONG_LINE or _SECTION_HEADING.match(s)
                    or len(re.findall(r"\w", s)) < 3):
                continue
            seen[_norm(s)].append((no, i, p.tops[i]))
    need = max(2, (len(run) + 1) // 2)
    for hits in seen.values():
        ys = sorted(y for _no, _i, y in hits)
        mid = ys[len(ys) // 2]
        near = [(no, i) for no, i, y in hits if abs(y - mid) <= 4]
        if len({no for no, _i in near}) >= need:
            for no, i in near:
                out[no][side == "bottom"].add(i)


# ---- the page text and its lines --------------------------------------------------------

def compose(lines: list[RawLine], texts: list[str], height: float) -> tuple[str, tuple[Line, ...]]:
    """The body text of a page from its body lines (in reading order), hyphenation repaired,
    and a ``Line`` for each non-empty line with its span in that text."""
    fixed = repair_lines(texts)
    out: list[Line] = []
    parts: list[str] = []
    pos = 0
    for ln, t in zip(lines, fixed):
        if parts:
            pos += 1  # the newline before this line
        parts.append(t)
        if t:
            runs = ln.runs
            if len(runs) == 1:
                r = runs[0]
                out.append(Line(pos, pos + len(t), r.x0, height - r.y1, r.x1, height - r.y0, r.size, r.bold))
            else:
                size, bold = ln.font()
                out.append(Line(pos, pos + len(t), min(r.x0 for r in runs), height - max(r.y1 for r in runs),
                                max(r.x1 for r in runs), height - min(r.y0 for r in runs), size, bold))
        pos += len(t)
    text = "\n".join(parts)
    lead = len(text) - len(text.lstrip("\n"))
    text = text.strip("\n")
    if lead:
        out = [Line(x.start - lead, x.end - lead, x.x0, x.top, x.x1, x.bottom, x.size, x.bold) for x in out]
    return text, tuple(out)
