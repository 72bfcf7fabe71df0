"""Tables whose columns are set by right-aligned figures and no ruling (an annual report's
income statement, a budget's frames), read from the words' positions where pdfplumber's table
finder sees none or cuts their numbers apart; ``pdf_tables.find_tables`` puts them in place of
what the finder read when they read more."""

from __future__ import annotations

import functools
import re
from itertools import pairwise

from ..types import Table
from .layout import clean_text, repair_lines
from .readable import is_word

Box = tuple[float, float, float, float]  # a cell's or table's (x0, top, x1, bottom) on the page

# a word of a figure ("248", "-16", "+315", "99,4%", "(12)") and a thousands group after it ("789")
_NUM_WORD = re.compile(r"^[-−–+]?\(?\d+(?:[,.]\d+)?\)?\s*%?$")
_GROUP = re.compile(r"^\d{3}(?:,\d+)?\)?%?$")
_LEAD = re.compile(r"^[-−–+]?\(?\d{1,3}$")
EDGE_TOLERANCE = 2.5  # points two right edges of one column may differ by
# ... or, in a column of note numbers set centred, half a digit ("8" ends 2.5 pt left of "10" at
# 10 pt): this share of the figures' line height
CENTRED_SHARE = 0.35
ALIGNED_X_TOLERANCE = 1.5  # the widest gap inside a word, in points (a space is ~2.8 at 10 pt)
MIN_VALUE_LINES = 3


def joined_lines(upper: str, lower: str) -> str:
    """A cell's two lines as one: a word cut at the line's end joined ("Sjukvårds-" over
    "auktoriserade", ``repair_lines``), and a word cut without a hyphen too ("Avvik" over "else":
    "Avvikelse") when the two parts joined are a word and they are not two words ("else" is
    none); other lines are joined by a space ("Utfall" over "fg år", "Fg" over "prognos")."""
    first, rest = repair_lines([upper, lower])
    if first != upper:
        return f"{first} {rest}".strip()
    a = upper.split()[-1] if upper.split() else ""
    b = lower.split()[0] if lower.split() else ""
    if (a[-1:].isalpha() and b[:1].isalpha() and b[:1].islower() and is_word(a + b)
            and not (is_word(a) and is_word(b))):
        return f"{upper}{lower}".strip()
    return f"{upper} {lower}".strip()


def aligned_tables(words: list[dict[str, object]], number: int) -> list[Table]:
    """Tables whose columns are set by right-aligned figures and no ruling (an annual report's
    "Försäljning av förmedlingstjänster   248 789   233 760   228 992" under "Utfall Budget
    Utfall" / "2025 2025 2024"), read from the words' positions: a figure's thousands group set
    after a narrow gap ("248 789") is one number, and each number belongs to the column whose
    right edge it ends at, so a row with an empty cell ("Övriga intäkter 29 160": 29 under the
    first column, 160 under the third) keeps its numbers apart and in their columns. A block is
    at least three lines of a label then figures, a wide gap between them, whose figures end at
    the right edges that three lines or more share, with lines of a label alone (a group's
    heading, "KOSTNADER") among them; the lines right above it whose words end at those edges
    ("Utfall Budget Utfall", "2025 2025 2024") are its header, read as one header row ("Utfall 2025",
    "Budget 2025", "Utfall 2024"; the words left of the figures, "Belopp i tkr", head the labels)."""
    lines = word_lines(words)
    parsed = [_figures_of(ln) for ln in lines]
    ends = sorted(g[2] for p in parsed if p for g in p[1])
    heights = sorted(_word_height(ln) for ln, p in zip(lines, parsed, strict=True) if p)
    tolerance = max(EDGE_TOLERANCE, CENTRED_SHARE * heights[len(heights) // 2]) if heights else EDGE_TOLERANCE
    edges: list[list[float]] = []
    for x in ends:
        if edges and x - edges[-1][-1] <= tolerance:
            edges[-1].append(x)
        else:
            edges.append([x])
    columns = [sum(e) / len(e) for e in edges if len(e) >= MIN_VALUE_LINES]
    if len(columns) < 2:
        return []

    def col(x1: float) -> int | None:
        return next((i for i, c in enumerate(columns) if abs(x1 - c) <= tolerance), None)

    out: list[Table] = []
    i = 0
    while i < len(lines):
        block: list[int] = []
        j = i
        while j < len(lines):
            p = parsed[j]
            gap = float(lines[j][0]["top"]) - float(lines[block[-1]][-1]["bottom"]) if block else 0.0  # type: ignore[arg-type]
            if gap > 2.5 * _word_height(lines[j]) and not _one_line_skipped(lines, block, j):
                break
            if (p and all(col(g[2]) is not None for g in p[1])) or (block and _label_only(lines[j], lines[block[0]])):
                block.append(j)
            else:
                break
            j += 1
        while block and not parsed[block[-1]]:
            block.pop()  # a block ends on a row of figures
        if sum(1 for k in block if parsed[k]) >= MIN_VALUE_LINES:
            used = {col(g[2]) for k in block for g in (parsed[k] or ("", []))[1]}
            if len(used) >= 2:
                while block[0] > 0 and _label_only(lines[block[0] - 1], lines[block[0]]):
                    block.insert(0, block[0] - 1)  # the heading of the first group of rows
                # where the figures start: words ending right of it head columns, the rest the labels
                left = min(g[1] for k in block for g in (parsed[k] or ("", []))[1]) - 1
                # each column's middle, where a heading set centred over centred figures ("Not") stands
                mids: dict[int, list[float]] = {}
                for k in block:
                    for g in (parsed[k] or ("", []))[1]:
                        mids.setdefault(col(g[2]) or 0, []).append((g[1] + g[2]) / 2)
                centres = {c: sum(m) / len(m) for c, m in mids.items()}
                head = _header_lines(lines, block[0], columns, col, left, centres)
                out.append(_aligned_table(number, [lines[k] for k in head], [lines[k] for k in block],
                                          [parsed[k] for k in block], col, left, centres))
            i = max(j, i + 1)
        else:
            i += 1
    return out


def _one_line_skipped(lines: list[list[dict[str, object]]], block: list[int], j: int) -> bool:
    """Whether line ``j`` stands one empty line under the block's last: its top two of the block's
    line pitches below the last line's (a balance sheet's groups, "Summa anläggningstillgångar"
    then an empty line then "Omsättningstillgångar", are one table)."""
    tops = [float(lines[k][0]["top"]) for k in block]  # type: ignore[arg-type]
    if len(tops) < 2:
        return False
    pitch = min(b - a for a, b in pairwise(tops))
    return pitch > 0 and float(lines[j][0]["top"]) - tops[-1] <= 2 * pitch + 1  # type: ignore[arg-type]


def word_lines(words: list[dict[str, object]]) -> list[list[dict[str, object]]]:
    lines: list[list[dict[str, object]]] = []
    for w in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):  # type: ignore[arg-type]
        if lines and abs(float(lines[-1][0]["top"]) - float(w["top"])) <= 3:  # type: ignore[arg-type]
            lines[-1].append(w)
        else:
            lines.append([w])
    for ln in lines:
        ln.sort(key=lambda w: float(w["x0"]))  # type: ignore[arg-type]
    return lines


def _word_height(line: list[dict[str, object]]) -> float:
    return max(max(float(w["bottom"]) - float(w["top"]) for w in line), 1.0)  # type: ignore[arg-type]


# a figure on a line: (text, x0, x1)
_Fig = tuple[str, float, float]


def _figures_of(line: list[dict[str, object]]) -> tuple[str, list[_Fig]] | None:
    """(label, figures) of a line of a label and then figures only, a wide gap between the label
    and the first figure and between figures; None for any other line."""
    h = _word_height(line)
    k = 0
    while k < len(line) and not _NUM_WORD.match(str(line[k]["text"])) and not (
            str(line[k]["text"]) in ("-", "−", "–", "+") and k + 1 < len(line) and _NUM_WORD.match(str(line[k + 1]["text"]))
            and float(line[k + 1]["x0"]) - float(line[k]["x1"]) <= 0.6 * _word_height(line)):  # type: ignore[arg-type]
        k += 1
    label_words, rest = line[:k], line[k:]
    if not rest:
        return None
    figs: list[_Fig] = []
    sign: dict[str, object] | None = None
    for w in rest:
        text, x0, x1 = str(w["text"]), float(w["x0"]), float(w["x1"])  # type: ignore[arg-type]
        if sign is not None:  # "- 3 950": a sign set apart from its number
            if not _LEAD.match(text) or x0 - float(sign["x1"]) > 0.6 * h:  # type: ignore[arg-type]
                return None
            text, x0, sign = f"{sign['text']}{text}", float(sign["x0"]), None  # type: ignore[arg-type]
            figs.append((text, x0, x1))
            continue
        if text in ("-", "−", "–", "+") and (not figs or x0 - figs[-1][2] >= 1.0 * h):
            sign = w
            continue
        if (figs and _GROUP.match(text) and x0 - figs[-1][2] <= 0.4 * h
                and _LEAD.match(figs[-1][0].split(" ")[0]) and all(len(g) == 3 for g in figs[-1][0].split(" ")[1:])):
            figs[-1] = (f"{figs[-1][0]} {text}", figs[-1][1], x1)
        elif _NUM_WORD.match(text) and (not figs or x0 - figs[-1][2] >= 1.0 * h):
            figs.append((text, x0, x1))
        else:
            return None  # prose with a number in it, or figures set close: not columns
    if sign is not None or not figs:
        return None
    if not label_words or figs[0][1] - float(label_words[-1]["x1"]) < 2 * h:  # type: ignore[arg-type]
        return None  # figures without a label (a header row of years), or a label run into them
    return " ".join(str(w["text"]) for w in label_words), figs


def _label_only(line: list[dict[str, object]], first: list[dict[str, object]]) -> bool:
    """A heading of a group of rows inside the block: a short line of words only, no sentence,
    starting where the block's labels start."""
    text = " ".join(str(w["text"]) for w in line)
    return (len(text) <= 60 and not text.endswith((".", ",", ":")) and not any(_NUM_WORD.match(str(w["text"])) for w in line)
            and abs(float(line[0]["x0"]) - float(first[0]["x0"])) <= EDGE_TOLERANCE)  # type: ignore[arg-type]


def _header_lines(lines: list[list[dict[str, object]]], first: int, columns: list[float],
                  col: object, left: float, centres: dict[int, float] | None = None) -> list[int]:
    """The lines right above a block whose words right of its labels each end at a column's edge
    (at most three such lines; a line of label words only among them, "(tkr)" between "Bokslut
    Bokslut" and "2025 2024", does not count: it heads the labels and states the unit)."""
    out: list[int] = []
    k = first - 1
    while k >= 0 and sum(1 for i in out if _right_of(lines[i], left)) < 3 and len(out) < 5:
        line = lines[k]
        below = lines[out[0] if out else first]
        if float(below[0]["top"]) - float(line[-1]["bottom"]) > 2.5 * _word_height(line):  # type: ignore[arg-type]
            break
        right = [w for w in line if float(w["x1"]) > left]  # type: ignore[arg-type]
        if right and not all(_heads_column(w, columns, left, col, centres) for w in _merged(right)):
            break
        if not right and len(" ".join(str(w["text"]) for w in line)) > 60:
            break
        out.insert(0, k)
        k -= 1
    while out and not any(float(w["x1"]) > left for w in lines[out[0]]) and not _unit_line(lines[out[0]]):  # type: ignore[arg-type]
        out.pop(0)  # a label line alone on top is the table's heading, not its header
    # a line right above the header that only states the unit ("(tkr)" over "Bokslut | Bokslut",
    # "2025 | 2024") is the header's too: the unit of every value of the table
    if out and not _unit_line(lines[out[0]]) and out[0] > 0 and _unit_line(lines[out[0] - 1]):
        above, top = lines[out[0] - 1], lines[out[0]]
        if float(top[0]["top"]) - float(above[-1]["bottom"]) <= 2.5 * _word_height(above):  # type: ignore[arg-type]
            out.insert(0, out[0] - 1)
    return out if out and any(any(float(w["x1"]) > left for w in lines[k]) for k in out) else []  # type: ignore[arg-type]


_UNIT_LINE = re.compile(r"(?:belopp\s+(?:i\s+)?)?\(?(?:tkr|mnkr|mkr|mdkr|tusentals kronor|miljoner kronor)\)?",
                        re.IGNORECASE)


def _unit_line(line: list[dict[str, object]]) -> bool:
    """Whether a line says nothing but the unit of a table's amounts ("(tkr)", "Belopp i mnkr")."""
    return bool(_UNIT_LINE.fullmatch(" ".join(str(w["text"]) for w in line).strip()))


def _right_of(line: list[dict[str, object]], left: float) -> bool:
    """Whether a line has a word right of where the block's figures start."""
    return any(float(w["x1"]) > left for w in line)  # type: ignore[arg-type]


def _heads_column(w: dict[str, object], columns: list[float], left: float, col: object,
                  centres: dict[int, float] | None = None) -> bool:
    """Whether a header word (words set a space apart, merged) ends at a column's edge, starts
    right of the column before it (a line of prose running across the columns does not) and
    is no figure but a year; or, a word no wider than two of its heights, stands centred over a
    column of figures set centred ("Not" over the note numbers "8", "10": it starts left of them)."""
    text = str(w["text"])
    if any(_NUM_WORD.match(t) and not re.fullmatch(r"(?:19|20)\d\d", t) for t in text.split()):
        return False
    x0, x1 = float(w["x0"]), float(w["x1"])  # type: ignore[arg-type]
    c = col(x1)  # type: ignore[operator]
    if c is not None and x0 > (columns[c - 1] if c else left):
        return True
    h = float(w["bottom"]) - float(w["top"])  # type: ignore[arg-type]
    return x1 - x0 <= 2 * h and any(abs((x0 + x1) / 2 - m) <= EDGE_TOLERANCE and (not j or x0 > columns[j - 1])
                                    for j, m in (centres or {}).items())


def _merged(words: list[dict[str, object]]) -> list[dict[str, object]]:
    """Words set a space apart as one ("Utfall helår"), as a header cell of several words."""
    out: list[dict[str, object]] = []
    for w in words:
        h = float(w["bottom"]) - float(w["top"])  # type: ignore[arg-type]
        if out and float(w["x0"]) - float(out[-1]["x1"]) <= 0.4 * h:  # type: ignore[arg-type]
            out[-1] = {**out[-1], "text": f"{out[-1]['text']} {w['text']}", "x1": w["x1"]}
        else:
            out.append(dict(w))
    return out


def _aligned_table(number: int, head: list[list[dict[str, object]]], body: list[list[dict[str, object]]],
                   parsed: list[tuple[str, list[_Fig]] | None], col: object, left: float,
                   centres: dict[int, float] | None = None) -> Table:
    n = max((col(g[2]) for p in parsed if p for g in p[1]), default=0) + 2  # type: ignore[operator]
    rows: list[tuple[str, ...]] = []
    boxes: list[tuple[Box | None, ...]] = []
    if head:  # the header's lines are one header row: "Utfall" over "2025" heads its column as "Utfall 2025"
        texts: list[list[str]] = [[] for _ in range(n)]
        hb: list[Box | None] = [None] * n
        for line in head:
            top, bottom = min(float(w["top"]) for w in line), max(float(w["bottom"]) for w in line)  # type: ignore[arg-type]
            lab = [w for w in line if float(w["x1"]) <= left]  # type: ignore[arg-type]
            parts = [(0, " ".join(str(w["text"]) for w in lab), float(lab[0]["x0"]), float(lab[-1]["x1"]))] if lab else []  # type: ignore[arg-type]
            for w in _merged([w for w in line if float(w["x1"]) > left]):  # type: ignore[arg-type]
                c = col(float(w["x1"]))  # type: ignore[arg-type, operator]
                if c is None:  # a heading centred over its column ("Not")
                    mid = (float(w["x0"]) + float(w["x1"])) / 2  # type: ignore[arg-type]
                    c = next((j for j, m in (centres or {}).items() if abs(mid - m) <= EDGE_TOLERANCE), None)
                if c is not None and c + 1 < n:
                    parts.append((c + 1, str(w["text"]), float(w["x0"]), float(w["x1"])))  # type: ignore[arg-type]
            for c, text, x0, x1 in parts:
                texts[c].append(text)
                b = hb[c]
                hb[c] = (min(b[0], x0), b[1], max(b[2], x1), bottom) if b else (x0, top, x1, bottom)
        rows.append(tuple(clean_text(functools.reduce(joined_lines, t, "")) for t in texts))
        boxes.append(tuple(hb))
    for line, p in zip(body, parsed, strict=True):
        top, bottom = min(float(w["top"]) for w in line), max(float(w["bottom"]) for w in line)  # type: ignore[arg-type]
        cells: list[str] = [""] * n
        bx: list[Box | None] = [None] * n
        label, figs = p if p else (" ".join(str(w["text"]) for w in line), [])
        cells[0] = clean_text(label)
        words = [w for w in line if float(w["x1"]) <= left] or line[:1]  # type: ignore[arg-type]
        bx[0] = (float(words[0]["x0"]), top, float(words[-1]["x1"]), bottom) if label else None  # type: ignore[arg-type]
        for text, x0, x1 in figs:
            c = col(x1)  # type: ignore[operator]
            cells[c + 1] = text  # type: ignore[operator]
            bx[c + 1] = (x0, top, x1, bottom)  # type: ignore[operator]
        rows.append(tuple(cells))
        boxes.append(tuple(bx))
    keep = [j for j in range(n) if any(r[j] for r in rows)]  # columns of another block: none here
    rows = [tuple(r[j] for j in keep) for r in rows]
    boxes = [tuple(b[j] for j in keep) for b in boxes]
    every = [b for r in boxes for b in r if b]
    bbox = (min(b[0] for b in every), min(b[1] for b in every), max(b[2] for b in every), max(b[3] for b in every))
    return Table(number, tuple(rows), bbox, tuple(boxes))
