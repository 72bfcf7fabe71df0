"""Written positions attached to a protocol as pages of their own (see positions.py).

A member who "reserverar sig skriftligt" hands in the reservation as a page the secretary
attaches: after the § ("Bilaga KS § 51/25", "Bilaga A KS § 43/25") or at the end of the protocol
("Bilaga 1 till § 12", "Reservation § 45 (SD)", "Skriftlig reservation", "Protokollsanteckning
från Liberalerna", "Särskilt yttrande"). Each such attachment is one position:

- its kind from its head ("Reservation …", "Protokollsanteckning …", "Särskilt yttrande …") or,
  under a bare "Bilaga …" head, from its first lines ("Jag reserverar mig …");
- its § from what it names: a § number in its head, else the agenda number of the meeting
  ("- ärende 16 kommunstyrelsen 26 mars 2025": the 16th § of the protocol), else the § whose
  title its heading repeats, else the § it follows;
- its parties from whoever signs it (the last lines: "Sandra Pilemalm (L)", "Per Bengtsson /
  Arbetarepartiet Socialdemokraterna") and a party its head names ("Reservation § 45 (SD)");
- its text the whole attachment, up to the next attachment or the next §, quoted once with the
  page it starts on.

A heading "Reservation" at the top of an ordinary protocol page (a § running over a page break)
is not an attachment: without a § reference, a party or "Skriftlig" in the head line, the text
must be written in the first person ("Jag reserverar mig", "Vi vill …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..types import Document, Position
from .parties import iter_party_spans
from .positions import trim  # positions imports this module only when it runs
from .positions_authors import PARTY_KEY, norm, signatories
from .regions import item_label

# "Bilaga KS § 51/25", "Bilaga A KS § 43/25", "Bilaga 1 till § 12", "Bilaga till protokoll § 12"
# "BUN bilaga § 4/24", "BUN Bilaga A § 11/24": the body's abbreviation before it
_BILAGA_RE = re.compile(r"[ \t]*(?:[A-ZÅÄÖ]{2,8}[ \t]+){0,2}[Bb]ilaga\b[^\n§]{0,40}?§[ \t]*(?P<num>\d{1,4}[a-z]?)\b[^\n]*")
# "Reservation § 45 (SD)", "Skriftlig reservation", "Protokollsanteckning från Liberalerna"
_KIND_HEAD_RE = re.compile(
    r"[ \t]*(?P<skr>Skriftlig[ \t]+)?(?P<kind>[Rr]eservation|[Pp]rotokollsanteckning|[Ss]ärskil(?:t|da)[ \t]+"
    r"(?:yttrande|uttalande))(?![\wåäö])(?P<rest>[^\n]*)")
# a line that states something is no head: "Skriftlig protokollsanteckning inkommer från Marie Sand
# (S) och Christoffer Bengtsson (S):" is the protocol's sentence over the note it quotes
_SENTENCE_RE = re.compile(r":[ \t]*$|(?<![\wåäö])(?:inkom\w*|lämna\w*|anmäl\w*|antecknar|antecknas|reserverar|yrkar"
                          r"|avger|avgav|lägger|lade)(?![\wåäö])")
_KINDS = {"r": "reservation", "p": "protokollsanteckning", "s": "sarskilt_uttalande"}
# a written statement speaks in the first person; a protocol's own section does not
_FIRST_PERSON_RE = re.compile(r"(?<![\wåäö])(?:Jag|Vi|jag|vi|mig|oss|min|vår|vårt|våra)(?![\wåäö])")
_BODY_KIND_RE = re.compile(
    r"(?<![\wåäö])(?:(?P<r>reserverar[ \t\n]+(?:mig|oss)|[Rr]eservation)|(?P<p>[Pp]rotokollsanteckning|antecknar)"
    r"|(?P<s>[Ss]ärskil(?:t|da)[ \t\n]+(?:yttrande|uttalande)))(?![\wåäö])")
_ARENDE_RE = re.compile(r"(?<![\wåäö])ärende(?:[ \t]+nr\.?)?[ \t]+(?P<n>\d{1,3})(?![\d/:-])", re.IGNORECASE)
_SECTION_RE = re.compile(r"§[ \t]*(?P<num>\d{1,4}[a-z]?)\b")


@dataclass(frozen=True)
class Attachment:
    """One attached page run: [start, end) of ``doc.text``, its § and kind (None: not a position)."""

    start: int
    end: int
    kind: str | None
    item: str | None


def attachments(doc: Document) -> list[Attachment]:
    """The attached written statements of a protocol, in text order (see the module docstring)."""
    if not doc.items:
        return []
    text = doc.text
    heads: list[tuple[int, str | None, tuple[str, ...]]] = []  # (start, kind, §§ named by the head)
    for page in doc.pages:
        head = _head(text, page.start, page.start + len(page.text))
        if head:
            heads.append(head)
    out: list[Attachment] = []
    item_starts = sorted(i.start for i in doc.items)
    for k, (start, kind, named) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
        end = min([end, *(s for s in item_starts if s > start)])
        if kind is None:
            kind = _body_kind(text[start:min(end, start + 600)])
        item = None
        if named:  # of several §§ named ("§ 41", "§ 42"), the one it follows, else the first
            follows = doc.item_of(start)
            item = f"§ {follows.number if follows and follows.number in named else named[0]}"
        out.append(Attachment(start, end, kind, item or _item_named(doc, start, end)))
    return out


def attached_positions(doc: Document, known: dict[str, str]) -> list[Position]:
    """One position per attachment that is a written reservation, protokollsanteckning or
    särskilt yttrande, with the parties of whoever signs it."""
    out: list[Position] = []
    text = doc.text
    muni = doc.metadata.municipality
    for a in attachments(doc):
        if a.kind is None:
            continue
        s, e = trim(text, a.start, a.end)
        body = text[s:e]
        head = body.split("\n", 1)[0]
        tail = _signature(body)
        said = head + "\n" + _subject(body) + "\n" + tail
        codes = list(dict.fromkeys(c for _s, _e, c in iter_party_spans(said, municipality=muni)))
        # "Reservation från Fokus Bjärred": the document's own name of a local party is a party
        flat_said, flat_tail = norm(said), norm(tail)
        local = {n for n in known if n.startswith(PARTY_KEY) and n[len(PARTY_KEY):] in flat_said}
        codes += [known[n] for n in sorted(local) if known[n] not in codes]
        names = [n for n in dict.fromkeys([*signatories(body, known), *_signers(tail),
                                           *(n for n in known if len(n.split()) > 1 and n in flat_tail)])
                 if PARTY_KEY + norm(n) not in known]
        # the party the statement names itself stands; a signer's party from elsewhere in the
        # protocol only when it names none (a "(SD)" typo beside a FB member's name must not win)
        for n in names if not codes else ():
            if n in known and known[n] not in codes:
                codes.append(known[n])
        if not codes:
            continue  # no signer whose party we know: not attributable
        out.append(Position(parties=tuple(codes), kind=a.kind, text=" ".join(body.split()),  # type: ignore[arg-type]
                            page=doc.page_of(s), start=s, end=e, item=a.item, people=tuple(names)))
    return out


def merge_attached(found: list[Position], attached: Sequence[Position], doc: Document) -> list[Position]:
    """``found`` with the attached statements in: a position that runs on into an attachment
    ends where it starts, and one that starts inside it as the same kind (a signed block read
    over the attachment, or over two of them) gives way to it."""
    if not attached:
        return found
    text = doc.text
    out: list[Position] = []
    for p in found:
        inside = next((a for a in attached if a.start <= p.start < a.end), None)
        if inside is not None and p.kind == inside.kind:
            continue
        cut = min((a.start for a in attached if p.start < a.start < p.end), default=None)
        if cut is not None:
            s, e = trim(text, p.start, cut)
            if e <= s:
                continue
            p = replace(p, end=e, text=" ".join(text[s:e].split()))
        out.append(p)
    return _announced_with_written(out, list(attached))


# the protocol's sentence says the statement is handed in written: "reserverar sig skriftligt",
# "lämnar en skriftlig reservation", "… till förmån för sitt yrkande, se bilaga B"
_WRITTEN_RE = re.compile(r"(?<![\wåäö])(?:skriftlig\w*|[Bb]ilag(?:a|or))(?![\wåäö])")


def _announced_with_written(found: list[Position], attached: list[Position]) -> list[Position]:
    """One stance where the protocol's sentence announces a written statement that is attached:
    "Sandra Pilemalm (L) reserverar sig skriftligt. Bilaga" in § 42 and the attached "Bilaga KS §
    42/25 Reservation …" signed by her are L's one reservation of § 42, not two. The sentence
    and the written text are both quoted ("… " between them), from the sentence's page; the span
    runs from the sentence to the end of the written text. A written statement pairs with the
    sentence of the same kind and § before it whose parties all sign it (of several, the one whose
    "Bilaga A/B" letter its head repeats, else the nearest); one that pairs with none, a sentence
    that announces nothing written, or a joint one whose written text only one party signs ("X (FB)
    och Y (SD) reserverar sig … Skriftlig reservation har inkommit från X"), stays as it is."""
    used: set[int] = set()
    merged: dict[int, Position] = {}
    rest: list[Position] = []
    for a in attached:
        cands = [i for i, p in enumerate(found) if i not in used and p.kind == a.kind and p.item == a.item
                 and p.end <= a.start and set(p.parties) <= set(a.parties) and _WRITTEN_RE.search(p.text)]
        if not cands:
            rest.append(a)
            continue
        letter = re.match(r"(?:[A-ZÅÄÖ]{2,8}[ \t]+)?[Bb]ilaga[ \t]+([A-Z])\b", a.text)
        same = [i for i in cands if letter and re.search(rf"\b[Bb]ilaga[ \t]+{letter.group(1)}\b", found[i].text)]
        i = (same or cands)[-1]
        p = found[i]
        used.add(i)
        merged[i] = replace(p, parties=tuple(dict.fromkeys(p.parties + a.parties)),
                            people=tuple(dict.fromkeys(p.people + a.people)), end=a.end,
                            text=f"{p.text} … {a.text}")
    return [merged.get(i, p) for i, p in enumerate(found)] + rest


def _first_lines(text: str, pos: int, end: int, n: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the first ``n`` non-blank lines of ``text[pos:end]``."""
    for _ in range(n):
        while pos < end and text[pos] in " \t\n":
            pos += 1
        if pos >= end:
            return
        nl = text.find("\n", pos, end)
        stop = nl if nl != -1 else end
        yield pos, stop, text[pos:stop]
        if nl == -1:
            return
        pos = nl + 1


def _head(text: str, start: int, end: int) -> tuple[int, str | None, tuple[str, ...]] | None:
    """(offset, kind, §§ named) of an attachment head among the first lines of a page, or None."""
    for pos, stop, line in _first_lines(text, start, end, 4):
        if m := _BILAGA_RE.fullmatch(line):
            # "Bilaga B §41/25" over "Bilaga B §42/25": one statement attached to two §§
            nums, after = [m.group("num")], stop
            while (m2 := _BILAGA_RE.match(text, after + 1, end)) and after < end:
                nums.append(m2.group("num"))
                after = m2.end()
            kind = _head_kind(text, after, end)
            return pos, kind, tuple(nums)
        if (m := _KIND_HEAD_RE.fullmatch(line)) and not _SENTENCE_RE.search(line) \
                and _written(m, text[pos:min(end, pos + 500)]):
            sec = _SECTION_RE.search(m.group("rest"))
            return pos, _KINDS[m.group("kind")[0].lower()], (sec.group("num"),) if sec else ()
    return None


def _head_kind(text: str, pos: int, end: int) -> str | None:
    """Under a bare "Bilaga …" head, the kind a heading in the next lines names."""
    for _start, _stop, line in _first_lines(text, pos, end, 3):
        if m := _KIND_HEAD_RE.match(line):
            return _KINDS[m.group("kind")[0].lower()]
    return None


def _written(m: re.Match[str], start_text: str) -> bool:
    """Whether a "Reservation" head line opens a written statement, not a protocol section."""
    rest = m.group("rest").strip()
    if m.group("skr") or _SECTION_RE.search(rest) or re.search(r"\([A-ZÅÄÖa-zåäö]{1,4}\)|\bfrån\b|\bärende\b", rest):
        return True
    # the first sentence after the head: "Jens Christian Berlin (L) lämnar följande skriftliga
    # reservation:" is the protocol speaking, even where the quoted text says "vi"
    first = re.split(r"[.:!?](?=\s)", start_text[m.end():m.end() + 250], maxsplit=1)[0]
    return bool(_FIRST_PERSON_RE.search(first))


def _body_kind(first: str) -> str | None:
    """The kind a bare attachment's first lines state in the first person ("Jag reserverar mig")."""
    if not _FIRST_PERSON_RE.search(first):
        return None
    m = _BODY_KIND_RE.search(first)
    if not m:
        return None
    return _KINDS[next(k for k in "rps" if m.group(k))]


def _item_named(doc: Document, start: int, end: int) -> str | None:
    """The § an attachment without a § number names: its agenda number ("ärende 16"), the §
    whose title its heading repeats, else the § it follows."""
    first = doc.text[start:min(end, start + 400)]
    words = _content_words(first)
    best, score = None, 0.0
    for item in doc.items:
        tw = _content_words(item.title)
        if len(tw) >= 3:
            share = len(tw & words) / len(tw)
            if share > score:
                best, score = item, share
    if best is not None and score >= 0.75:
        return f"§ {best.number}"
    # the agenda number counts the meeting's items, which need not be the § numbers ("BUN bilaga §
    # 4/24" over "Ärende 5 …" where the agenda has one point without a §): after the title
    if m := _ARENDE_RE.search(first):
        n = int(m.group("n"))
        if 1 <= n <= len(doc.items):
            return f"§ {doc.items[n - 1].number}"
    return item_label(doc, start)


def _subject(body: str) -> str:
    """Who speaks in the statement's first sentence: "Miljöpartiet de Gröna Lomma reserverar oss
    …", "Vi i Fokus reserverar oss …" (the words before the verb, not the party it argues against)."""
    m = re.search(r"(?<![\wåäö])(?:reserverar|antecknar|vill[ \t\n]+(?:anteckna|reservera))(?![\wåäö])", body[:700])
    if not m:
        return ""
    lo = max((x.end() for x in re.finditer(r"[.!?:]\s|\n[ \t]*\n", body[:m.start()])), default=0)
    return body[lo:m.start()]


def _signers(tail: str) -> list[str]:
    """Names on the signature lines, a role after a comma dropped ("Per Bengtsson, oppositionsråd")."""
    out = []
    for line in tail.splitlines():
        # "Ingrid Ascard                    Viveka Pålsson Berger": two signers in two columns
        for col in re.split(r"[ \t]{2,}", line.strip()):
            cand = col.split(",", 1)[0].strip()
            if _SIGNER_RE.fullmatch(cand) and not any(True for _ in iter_party_spans(cand)):
                out.append(cand)
    return out


_SIGNER_RE = re.compile(r"[A-ZÅÄÖÉ][a-zåäöé]+(?:-[A-ZÅÄÖÉ][a-zåäöé]+)?(?: [A-ZÅÄÖÉ][a-zåäöé]+(?:-[A-ZÅÄÖÉ][a-zåäöé]+)?){1,3}")


def _content_words(s: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\wåäöÅÄÖ]{4,}", s)}


def _signature(body: str) -> str:
    """The closing lines of a written statement, where its signers stand (letterhead lines with
    addresses, web sites and rules left out)."""
    lines = [ln.strip() for ln in body.rstrip().splitlines() if ln.strip()]
    keep = [ln for ln in lines if not re.search(r"@|www\.|[Aa]dress|^_+$|\b\d{3}[ \t]?\d{2}\b", ln)]
    # the lines after the last one that closes a sentence: "… få ett slut." / "Per Bengtsson" /
    # "Arbetarepartiet Socialdemokraterna"
    last = max((i for i, ln in enumerate(keep) if re.search(r"[.!?:;”\"]$", ln)), default=len(keep) - 5)
    return "\n".join(keep[max(last + 1, len(keep) - 5, 0):])
