"""Score § items, metadata, votes, roll calls and positions against hand-labelled gold
(``namndkoll eval structure GOLD_DIR``).

A gold file (format in ``bench/gold/README.md``) names a real document and what a careful
reader finds in it. The document is located (a PDF under ``../shared``, an extracted text in
``../shared`` rendered to a PDF, or a fetched PDF under a ``--pdf-dir``), read and extracted
with the product's own path (``extract_file``: ingest's reader, then ``extract_document``) and
compared with the gold, per template and overall, per split:

- § items: precision/recall/F1 on (number, page_start), recall of the numbers alone, and the
  share of found numbers whose title matches (case- and space-insensitive);
- metadata: accuracy per field; null against a value, or a value against null, is wrong;
- votes: gold votes found with the right § and the same yes/no/abstain counts; extra votes;
- roll calls: gold member votes found (by normalised name, in the matched vote) with the right vote;
- positions: gold positions found with the right §, kind and party, the key phrase in the text.

A document that cannot be found, or whose bytes differ from the gold's sha256, is reported
and skipped: the labels belong to that exact file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from ..errors import NamndkollError
from ..types import Document, Extraction, RollCallEntry, Vote
from .evaluate import Counts, rounded

SPLITS = ("dev", "heldout")
# a round's own dev batch ("dev177"): tunable like dev, scored apart so dev's lines stay comparable
EXTRA_DEV_SPLIT = re.compile(r"dev\d+")
META_FIELDS = ("municipality", "org_kind", "committee", "doc_type", "kind", "date", "title")
DOC_TYPES = {"protokoll", "protokollsutdrag", "tjansteskrivelse", "tjansteutlatande", "reservation",
             "sarskilt_yttrande", "motion", "skrivelse", "revisionsrapport", "initiativarende",
             "arsredovisning", "other"}
ORG_KINDS = {"kommun", "region", "kommunalforbund", "other"}
POSITION_KINDS = {"reservation", "sarskilt_uttalande", "protokollsanteckning", "yrkande", "motion", "skrivelse"}
VOTE_CHOICES = {"ja", "nej", "avstar", "franvarande"}
# where fetched gold PDFs are kept when no --pdf-dir is given (outside the repository: fetched
# material is never committed)
DEFAULT_PDF_ROOT = Path(os.environ.get("NAMNDKOLL_GOLD_PDFS", "/work/gold-pdfs"))
DEFAULT_SHARED = Path(__file__).resolve().parents[3] / "shared"


class GoldError(NamndkollError):
    """A gold file is not valid: the message says which field is wrong."""


# ---- the gold format ----------------------------------------------------------------------

def valid_split(split: Any) -> bool:
    """dev, heldout, or a round's own dev batch devN (scored as its own split, never with dev)."""
    return isinstance(split, str) and (split in SPLITS or EXTRA_DEV_SPLIT.fullmatch(split) is not None)


def validate_gold(g: Any) -> list[str]:
    """What is wrong with one gold object (empty when it follows bench/gold/README.md)."""
    errs: list[str] = []
    if not isinstance(g, dict):
        return ["not a JSON object"]
    for key in ("id", "source", "sha256", "split", "template", "metadata", "items", "votes", "positions"):
        if key not in g:
            errs.append(f"missing {key!r}")
    if errs:
        return errs
    src = g["source"]
    if not isinstance(src, dict) or not (
            "shared" in src or "shared_text" in src or {"repo", "path", "file"} <= set(src)):
        errs.append("source must name 'shared', 'shared_text' or repo/path/file")
    elif "shared_text" in src and src.get("render") not in ("formfeed", "text2pdf"):
        errs.append("a shared_text source needs render 'formfeed' or 'text2pdf'")
    if not (isinstance(g["sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", g["sha256"])):
        errs.append("sha256 must be 64 hex digits")
    if not valid_split(g["split"]):
        errs.append(f"split must be one of {SPLITS} or devN (a round's dev batch, e.g. dev177)")
    if g["split"] == "heldout" and isinstance(src, dict) and ("shared" in src or "shared_text" in src):
        errs.append("held-out documents must come from fetched sources, not ../shared")
    if not (isinstance(g["template"], str) and g["template"]):
        errs.append("template must be a non-empty string")
    md = g["metadata"]
    if not isinstance(md, dict) or any(f not in md for f in META_FIELDS):
        errs.append(f"metadata must have {', '.join(META_FIELDS)}")
    else:
        for fld, allowed in (("doc_type", DOC_TYPES), ("org_kind", ORG_KINDS)):
            bad = [v for v in _alts(md[fld]) if v is not None and v not in allowed]
            if bad:
                errs.append(f"metadata.{fld} {bad} not in {sorted(allowed)}")
        if any(v is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(v)) for v in _alts(md["date"])):
            errs.append("metadata.date must be ISO YYYY-MM-DD or null")
    for i, it in enumerate(g["items"] if isinstance(g["items"], list) else []):
        if not (isinstance(it, dict) and isinstance(it.get("number"), str) and isinstance(it.get("page_start"), int)
                and it.get("page_start", 0) >= 1 and (isinstance(it.get("title"), (str, list)))):
            errs.append(f"items[{i}] needs number (str), title and page_start (int >= 1)")
        elif any(v is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", str(v)) for v in _alts(it.get("date"))):
            errs.append(f"items[{i}].date must be ISO YYYY-MM-DD or null")
    for i, v in enumerate(g["votes"] if isinstance(g["votes"], list) else []):
        if not isinstance(v, dict) or not isinstance(v.get("item"), (str, type(None))):
            errs.append(f"votes[{i}] needs an item")
            continue
        for k in ("yes", "no", "abstain", "absent"):
            if not isinstance(v.get(k), (int, type(None))):
                errs.append(f"votes[{i}].{k} must be an int or null")
        for j, m in enumerate(v.get("roll_call", [])):
            if not (isinstance(m, dict) and isinstance(m.get("name"), str) and m.get("vote") in VOTE_CHOICES):
                errs.append(f"votes[{i}].roll_call[{j}] needs name and vote in {sorted(VOTE_CHOICES)}")
    for i, p in enumerate(g["positions"] if isinstance(g["positions"], list) else []):
        if not (isinstance(p, dict) and isinstance(p.get("party"), str) and p.get("kind") in POSITION_KINDS
                and isinstance(p.get("key"), str) and p["key"].strip()):
            errs.append(f"positions[{i}] needs party, kind in {sorted(POSITION_KINDS)} and key")
    return errs


def load_gold_dir(gold_dir: str | Path, split: str = "all") -> list[tuple[Path, dict[str, Any]]]:
    """The gold files under ``gold_dir`` (recursively) of ``split``; raises GoldError on a bad one."""
    gold_dir = Path(gold_dir)
    out = []
    for path in sorted(gold_dir.rglob("*.json")):
        try:
            g = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise GoldError(f"{path}: not readable JSON ({exc}); fix or remove the file") from exc
        problems = validate_gold(g)
        if problems:
            raise GoldError(f"{path}: {'; '.join(problems)} (format: bench/gold/README.md)")
        if split in ("all", g["split"]):
            out.append((path, g))
    if not out:
        raise GoldError(f"no gold files for split {split!r} under {gold_dir}")
    return out


# ---- finding and rendering the documents --------------------------------------------------

def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def locate(g: dict[str, Any], *, shared: Path, pdf_dirs: Iterable[Path], tmp: Path) -> tuple[Path | None, str]:
    """The PDF to read for ``g`` (rendered into ``tmp`` for text sources), or None and why not."""
    src = g["source"]
    if "shared" in src or "shared_text" in src:
        path = shared / (src.get("shared") or src["shared_text"])
        if not path.is_file():
            return None, f"{path} not found (is ../shared there? give --shared)"
        if sha256_of(path) != g["sha256"]:
            return None, f"{path} differs from the labelled file (sha256)"
        if "shared" in src:
            return path, ""
        return render_text(path.read_text(encoding="utf-8"), tmp / f"{g['id']}.pdf", src), ""
    name = src["file"]
    for d in pdf_dirs:
        for cand in (d / name, d / Path(name).name):
            if cand.is_file():
                if sha256_of(cand) != g["sha256"]:
                    return None, f"{cand} differs from the labelled file (sha256)"
                return cand, ""
    return None, (f"{Path(name).name} not found in {', '.join(map(str, pdf_dirs)) or 'no --pdf-dir'}: "
                  f"fetch {src['repo']} and extract {src['path']} (commit {src.get('commit', '?')})")


def render_text(text: str, dst: Path, src: dict[str, Any]) -> Path:
    """Render an extracted text to a PDF: 'formfeed' makes one page per form-feed page
    (``evaluate.render_formfeed``, bench/make_corpus.py's too), 'text2pdf' follows
    shared/tools/text2pdf.py."""
    from .evaluate import render_formfeed, render_pdf

    if src["render"] == "text2pdf":
        return render_pdf(text, dst, header=src.get("header", ""), page_marker=src.get("page_marker"))
    render_formfeed(text, dst)
    return dst


# ---- comparing ----------------------------------------------------------------------------

def _alts(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


def _norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split()).casefold()


def _norm_title(s: str | None) -> str:
    """Case-, space- and punctuation-insensitive form of a title."""
    s = unicodedata.normalize("NFC", s or "").casefold()
    return " ".join(re.sub(r"[^\w]+", " ", s).split())


def _norm_number(n: str | None) -> str:
    return re.sub(r"[\s§.]+", "", (n or "")).casefold()


def _name_key(name: str) -> frozenset[str]:
    """A person's name as a set of tokens, so 'Akbas, Aslan' meets 'Aslan Akbas'."""
    return frozenset(re.sub(r"[^\w\-]+", " ", unicodedata.normalize("NFC", name).casefold()).split())


def meta_ok(fld: str, want: Any, have: Any) -> bool:
    """Whether ``have`` (the prediction) matches gold ``want`` (a value, null, or a list of both)."""
    norm = _norm_title if fld == "title" else _norm
    for w in _alts(want):
        if w is None or have is None:
            if w is None and (have is None or (isinstance(have, str) and not have.strip())):
                return True
            continue
        if norm(str(w)) == norm(str(have)):
            return True
    return False


@dataclass
class Tally(Counts):
    """Counts for one score, summed over documents."""

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"precision": rounded(self.precision), "recall": rounded(self.recall), "f1": rounded(self.f1),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Score:
    """Everything counted for a set of documents (one, one template, or a whole split)."""

    items: Tally = field(default_factory=Tally)
    numbers: Tally = field(default_factory=Tally)  # recall of numbers alone (fp unused)
    titles: Tally = field(default_factory=Tally)  # tp right, fn wrong, over found numbers
    # a bundled extract's § with its own body and meeting date (gold items that give them)
    origins: Tally = field(default_factory=Tally)
    votes: Tally = field(default_factory=Tally)
    roll_names: Tally = field(default_factory=Tally)  # member found in the matched vote
    roll_votes: Tally = field(default_factory=Tally)  # member found with the right vote
    positions: Tally = field(default_factory=Tally)
    parties: Tally = field(default_factory=Tally)  # gold parties_required found
    people: Tally = field(default_factory=Tally)  # gold people_required found with their party
    meta: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in META_FIELDS})
    documents: int = 0

    def add(self, other: Score) -> None:
        for name in ("items", "numbers", "titles", "origins", "votes", "roll_names", "roll_votes", "positions",
                     "parties", "people"):
            getattr(self, name).add(getattr(other, name))
        for f in META_FIELDS:
            self.meta[f].add(other.meta[f])
        self.documents += other.documents

    def as_dict(self) -> dict[str, Any]:
        def rec(t: Tally) -> dict[str, Any]:
            n = t.tp + t.fn
            return {"share": rounded(t.tp / n) if n else None, "right": t.tp, "of": n}

        meta_tp = sum(t.tp for t in self.meta.values())
        meta_n = sum(t.tp + t.fn for t in self.meta.values())
        return {
            "documents": self.documents,
            "items": self.items.as_dict(),
            "item_numbers": rec(self.numbers),
            "item_titles": rec(self.titles),
            "item_origins": rec(self.origins),
            "metadata": {"accuracy": rounded(meta_tp / meta_n) if meta_n else None, "right": meta_tp, "of": meta_n,
                         "fields": {f: rec(t) for f, t in self.meta.items()}},
            "votes": {**rec(self.votes), "extra": self.votes.fp},
            "roll_call": {**rec(self.roll_votes), "names_found": rec(self.roll_names)},
            "positions": rec(self.positions),
            "parties": rec(self.parties),
            "people": rec(self.people),
        }


def score_items(doc: Document, gold: list[dict[str, Any]], s: Score, misses: list[str]) -> None:
    want = Counter((_norm_number(i["number"]), i["page_start"]) for i in gold)
    have = Counter((_norm_number(i.number), i.page_start) for i in doc.items)
    tp = sum((want & have).values())
    s.items.tp += tp
    s.items.fn += sum(want.values()) - tp
    s.items.fp += sum(have.values()) - tp
    by_number: dict[str, list[str]] = {}
    for it in doc.items:
        by_number.setdefault(_norm_number(it.number), []).append(it.title)
    for i in gold:
        num = _norm_number(i["number"])
        titles = by_number.get(num)
        if not titles:
            s.numbers.fn += 1
            misses.append(f"§ {i['number']} (p.{i['page_start']}) not found")
            continue
        s.numbers.tp += 1
        if (num, i["page_start"]) not in have:
            pages = sorted(it.page_start for it in doc.items if _norm_number(it.number) == num)
            misses.append(f"§ {i['number']} found on p.{pages}, gold p.{i['page_start']}")
        if "committee" in i or "date" in i:  # a bundled extract's §: its own body and date
            found = next((it for it in doc.items if _norm_number(it.number) == num
                          and it.page_start == i["page_start"]), None)
            got = (found.committee, found.date) if found else (None, None)
            if found and meta_ok("committee", i.get("committee"), got[0]) and meta_ok("date", i.get("date"), got[1]):
                s.origins.tp += 1
            else:
                s.origins.fn += 1
                misses.append(f"§ {i['number']} body and date {got}, gold ({i.get('committee')!r}, {i.get('date')!r})")
        if any(_norm(t) == _norm(w) for t in titles for w in _alts(i["title"])):
            s.titles.tp += 1
        else:
            s.titles.fn += 1
            misses.append(f"§ {i['number']} title {titles[0]!r}, gold {_alts(i['title'])[0]!r}")
    extra = sorted(set(have) - set(want))
    if extra:
        misses.append("extra §§: " + ", ".join(f"{n} (p.{p})" for n, p in extra[:15])
                      + (f" … {len(extra) - 15} more" if len(extra) > 15 else ""))


def score_metadata(doc: Document, gold: dict[str, Any], s: Score, misses: list[str]) -> None:
    md = doc.metadata
    for f in META_FIELDS:
        have = getattr(md, f, None)
        if meta_ok(f, gold[f], have):
            s.meta[f].tp += 1
        else:
            s.meta[f].fn += 1
            misses.append(f"metadata {f} = {have!r}, gold {gold[f]!r}")


def _counts_ok(g: dict[str, Any], v: Vote) -> bool:
    return all(g[k] is None or g[k] == getattr(v, a) for k, a in (("yes", "yes"), ("no", "no"), ("abstain", "abstain")))


def score_votes(ext: Extraction, gold: list[dict[str, Any]], s: Score, misses: list[str]) -> None:
    free = list(ext.votes)
    for g in gold:
        same_item = [v for v in free if _norm_number(v.item) == _norm_number(g["item"])]
        match = next((v for v in same_item if _counts_ok(g, v)), None)
        counts = f"{g['yes']}-{g['no']}-{g['abstain']}"
        if match is not None:
            s.votes.tp += 1
            free.remove(match)
        else:
            s.votes.fn += 1
            near = ", ".join(f"{v.yes}-{v.no}-{v.abstain}" for v in same_item) or "none"
            misses.append(f"vote § {g['item']} {counts} not found (votes found on that §: {near})")
        roll = g.get("roll_call") or []
        if not roll:
            continue
        # the roll call is judged inside the matched vote, else the vote on that § whose list
        # shares most names with the gold list
        cand = match or max(same_item, default=None, key=lambda v: _overlap(roll, v))
        entries = cand.roll_call if cand else ()
        found = {_name_key(e.name): e.vote for e in entries}
        right = 0
        for m in roll:
            got = found.get(_name_key(m["name"])) or _as_listed(_name_key(m["name"]), entries)
            if got is None:
                s.roll_names.fn += 1
                s.roll_votes.fn += 1
                continue
            s.roll_names.tp += 1
            if got == m["vote"]:
                s.roll_votes.tp += 1
                right += 1
            else:
                s.roll_votes.fn += 1
        if right < len(roll):
            misses.append(f"roll call § {g['item']} {counts}: {right} of {len(roll)} members with the right vote")
    s.votes.fp += len(free)
    for v in free:
        misses.append(f"extra vote on {v.item or 'no §'}: {v.yes}-{v.no}-{v.abstain} (p.{v.page})")


def _as_listed(gold: frozenset[str], entries: tuple[RollCallEntry, ...]) -> str | None:
    """The vote of the one entry that names the gold's member as the document does elsewhere
    ("Gun Larsson (-)") while its quote, the list's row, holds the gold's transcription of the
    list ("Larsson Gun Yvonne, Ledamot - X" for "Gun Yvonne Larsson"): one name's words in the
    other's."""
    hits = [e.vote for e in entries if (k := _name_key(e.name)) and (k < gold or gold < k)
            and gold <= _name_key(e.text)]
    return hits[0] if len(hits) == 1 else None


def _overlap(roll: list[dict[str, Any]], v: Vote) -> int:
    names = {_name_key(e.name) for e in v.roll_call}
    return sum(_name_key(m["name"]) in names for m in roll)


def score_positions(ext: Extraction, gold: list[dict[str, Any]], s: Score, misses: list[str]) -> None:
    for g in gold:
        key, party = _norm(g["key"]), g["party"].casefold()
        hits = [p for p in ext.positions if key in _norm(p.text) and party in {x.casefold() for x in p.parties}]
        ok = any(p.kind == g["kind"] and (g.get("item") is None or _norm_number(p.item) == _norm_number(g["item"]))
                 for p in hits)
        if ok:
            s.positions.tp += 1
            continue
        s.positions.fn += 1
        why = (f"found as {hits[0].kind} on {hits[0].item or 'no §'}" if hits else "not found")
        misses.append(f"position {g['party']} {g['kind']} § {g.get('item')} «{g['key']}»: {why}")


def score_people(ext: Extraction, g: dict[str, Any], s: Score, misses: list[str]) -> None:
    """The gold's parties_required (a party named in the document, by a mention or a member's
    party) and people_required (a name with the party the document gives it, or none)."""
    codes = {p.code for p in ext.parties} | {p.party for p in ext.people if p.party}
    for code in g.get("parties_required", []):
        if code in codes:
            s.parties.tp += 1
        else:
            s.parties.fn += 1
            misses.append(f"party {code} not found")
    people: dict[frozenset[str], set[str | None]] = {}
    for p in ext.people:
        people.setdefault(_name_key(p.name), set()).add(p.party)
    for want in g.get("people_required", []):
        got = people.get(_name_key(want["name"]))
        if got is not None and (want.get("party") is None or want["party"] in got):
            s.people.tp += 1
        else:
            s.people.fn += 1
            misses.append(f"person {want['name']} ({want.get('party')}) "
                          + ("not found" if got is None else f"found with {sorted(map(str, got))}"))


def score_document(doc: Document, ext: Extraction, g: dict[str, Any]) -> tuple[Score, list[str]]:
    s, misses = Score(documents=1), cast(list[str], [])
    score_items(doc, g["items"], s, misses)
    score_metadata(doc, g["metadata"], s, misses)
    score_votes(ext, g["votes"], s, misses)
    score_positions(ext, g["positions"], s, misses)
    score_people(ext, g, s, misses)
    return s, misses


# ---- the whole run ------------------------------------------------------------------------

def default_pdf_dirs() -> list[Path]:
    """DEFAULT_PDF_ROOT and its sub-folders (dev/, heldout/), where they exist."""
    root = DEFAULT_PDF_ROOT
    return [root, *sorted(p for p in root.iterdir() if p.is_dir())] if root.is_dir() else []


def evaluate_structure(gold_dir: str | Path, *, pdf_dirs: Iterable[str | Path] | None = None,
                       split: str = "all", shared: str | Path | None = None,
                       read: Any = None) -> dict[str, Any]:
    """Read every gold document of ``split`` and score it; per split, per template and overall.

    ``read(path) -> (Document, Extraction)`` defaults to ``extract_file`` (ingest + extract).
    """
    if split != "all" and not valid_split(split):
        raise GoldError(f"split must be dev, devN (e.g. dev177), heldout or all, not {split!r}")
    golds = load_gold_dir(gold_dir, split)
    dirs = [Path(d) for d in pdf_dirs] if pdf_dirs else default_pdf_dirs()
    shared_dir = Path(shared) if shared else DEFAULT_SHARED
    if read is None:
        from .pipeline import extract_file as read
    per_split: dict[str, dict[str, Score]] = {}
    documents, skipped = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for path, g in golds:
            pdf, why = locate(g, shared=shared_dir, pdf_dirs=dirs, tmp=Path(tmp))
            if pdf is None:
                skipped.append({"id": g["id"], "split": g["split"], "reason": why})
                continue
            try:
                doc, ext = read(str(pdf))
            except NamndkollError as exc:
                skipped.append({"id": g["id"], "split": g["split"], "reason": f"could not be read: {exc}"})
                continue
            s, misses = score_document(doc, ext, g)
            groups = per_split.setdefault(g["split"], {})
            for key in (g["template"], "all"):
                groups.setdefault(key, Score()).add(s)
            documents.append({"id": g["id"], "split": g["split"], "template": g["template"],
                              "pages": len(doc.pages), "gold_file": str(path), **s.as_dict(), "misses": misses})
    return {
        "splits": {sp: {key: sc.as_dict() for key, sc in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0]))}
                   for sp, groups in sorted(per_split.items())},
        "documents": documents,
        "skipped": skipped,
    }
