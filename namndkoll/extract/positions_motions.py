"""A party's own motion, initiativärende, nämndinitiativ or skrivelse as its position (see
positions.py): where the text says a party's members submitted one ("Per Bengtsson (S) har …
inkommit med en motion", "Den 26 september 2024 inkom Ida Alm (L) och Sandra Pilemalm (L) med en
motion", "inkom Socialdemokraterna med ett initiativärende", "Ida Alm (L) inkommer med följande
nämndinitiativ:" and its quoted text), with what they propose quoted after it, and § titles such as
"Motion av X (P) om …", "Initiativ (S) …", "Initiativyrkande från V, S och MP om …"."""

from __future__ import annotations

import re

from ..registry import party_of_name
from ..types import Document, Position
from .parties import iter_party_spans
from .positions import (
    HEADING_LINE,
    STOP_RE,
    TITLE_RE,
    actors,
    scope_start,
    trim,
)
from .positions_authors import PERSON_RE, local_party_named
from .regions import item_label

# an initiative as the protocols name it: "initiativärende", "initiativ", Lomma's "nämndinitiativ"
_KIND = r"motion|(?:nämnds?)?initiativ(?:ärende)?|skrivelse"
_SUBMITTED_RE = re.compile(
    # "inkom med", also with the day between ("Sandra Pilemalm (L) inkom 2025-07-29 med en motion")
    r"(?P<verb>lämna(?:r|t|de)?|väck(?:er|t|te)|inkom(?:mit|mer)?(?:[ \t\n]+(?:den[ \t\n]+)?(?:(?:19|20)\d\d-\d\d-\d\d"
    r"|\d{1,2}[ \t\n]+[a-zåäö]+(?:[ \t\n]+(?:19|20)\d\d)?))?[ \t\n]+med|ställ(?:er|t|de)|skriv(?:er|it)"
    r"|anteckna(?:r|de)[ \t\n]+som[ \t\n]+(?:särskilt[ \t\n]+)?yttrande|bifoga(?:r|de)|bilägg(?:er)?|bilade)"
    # the object does not run past a colon: "… lämnar följande protokollsanteckning: Det är
    # svårt att förstå invändningarna mot detta initiativärende" hands in no initiativärende
    rf"(?:[ \t\n]+in)?[^.:]{{0,120}}?\b(?P<kind>{_KIND})(?!\w)",
)
# "Ermin Škorić (S) och Maj-Britt Rane Andersson (S) har i en motion som anmäldes vid
# kommunfullmäktiges sammanträde den 14 december 2023 föreslagit att …" (Ciceron's Sammanfattning)
_IN_MOTION_RE = re.compile(
    # "Stefan Jägnert (SD) har i motion till fullmäktige föreslagit:" (no article) too
    r"(?P<verb>har|hade)[ \t\n]+i[ \t\n]+(?:(?:en|ett|sin|sitt)[ \t\n]+)?(?:gemensam[ \t\n]+|gemensamt[ \t\n]+)?"
    rf"(?P<kind>{_KIND})(?![\wåäö])[^.]{{0,200}}?"
    r"(?<![\wåäö])(?:föreslagit|föreslår|yrkat|begärt|hemställt|framfört)(?![\wåäö])"
)
_MOTIONER_RE = re.compile(
    r"(?:Motionär(?:en|erna)|Initiativtagar(?:en|na)|I[ \t\n]+motionen|I[ \t\n]+skrivelsen|I[ \t\n]+initiativärendet)[^.:\n]{0,80}?"
    r"(?:föreslår|föreslås|yrkar|vill|anser|menar|begär)"
)
# "Den 26 september 2024 inkom Ida Alm (L) och Sandra Pilemalm (L) med en motion avseende …": the
# members after the verb (a sentence that opens with a time or place puts the subject there), or
# the parties by name ("Den 22 november 2023 inkom Socialdemokraterna med ett initiativärende";
# words that name no party, "inkom Kommunstyrelsen med en skrivelse", give no codes and no position)
_ANY_PERSON = PERSON_RE.pattern.replace("?P<name>", "?:").replace("?P<code>", "?:")
_NAMED = r"[A-ZÅÄÖ][\wåäö-]+"
# "inkom Oscar Sedira och Tony Ljungström, Sverigedemokraterna, med en motion": members without
# codes, their party's name after them
_FULL_NAME = r"[A-ZÅÄÖ][\wåäö-]+(?:[ \t\n]+[A-ZÅÄÖ][\wåäö-]+){1,3}"
_INVERTED_RE = re.compile(
    r"(?<![\wåäö])(?P<verb>inkom(?:mer)?|lämnade|lämnar|väckte|väcker)[ \t\n]+"
    rf"(?P<actor>{_ANY_PERSON}(?:[ \t\n]*(?:,|och|samt)[ \t\n]*{_ANY_PERSON})*"
    rf"|{_FULL_NAME}(?:[ \t\n]*(?:,|och|samt)[ \t\n]*{_FULL_NAME})*[ \t\n]*,[ \t\n]*{_NAMED}[ \t\n]*,"
    rf"|{_NAMED}(?:[ \t\n]*(?:,|och|samt)[ \t\n]*{_NAMED})*)"
    r"[ \t\n]+(?:med[ \t\n]+|in[ \t\n]+)?(?:en|ett)[ \t\n]+(?:gemensam[ \t\n]+)?"
    rf"(?P<kind>{_KIND})(?![\wåäö])"
)
# "2024-01-22 inkom ett nämndinitiativ där Fokus Bjärred lämnar fyra yrkanden", "inkom ett
# nämndinitiativ där Centerpartiet yrkar att …": the party after the initiative, in a clause
_WHERE_RE = re.compile(
    r"(?<![\wåäö])(?P<verb>inkom(?:mer)?)[ \t\n]+(?:med[ \t\n]+)?(?:en|ett)[ \t\n]+"
    rf"(?P<kind>{_KIND})[ \t\n]+(?:där|från|av)[ \t\n]+"
    rf"(?P<actor>{_ANY_PERSON}(?:[ \t\n]*(?:,|och|samt)[ \t\n]*{_ANY_PERSON})*"
    rf"|{_NAMED}(?:[ \t]+{_NAMED}){{0,3}})"
    r"(?=[ \t\n]+(?:lämnar|yrkar|föreslår|vill|begär|hemställer)(?![\wåäö]))"
)
# "… efter att Socialdemokraterna, Vänsterpartiet och Miljöpartiet väckt ärendet genom att lämna in
# följande yrkande. 1. ”…”": to raise a matter (väcka ärende, KL 4 kap. 20 §) is what an initiative
# does, whatever the document calls the text handed in; the raisers are the parties or members
# named right before the verb
_RAISED_RE = re.compile(
    rf"(?P<actor>(?:{_ANY_PERSON}|{_NAMED})(?:[ \t\n]*(?:,|och|samt)[ \t\n]*(?:{_ANY_PERSON}|{_NAMED}))*)"
    r"[ \t\n]+(?:har[ \t\n]+|hade[ \t\n]+)?(?P<verb>väck(?:er|t|te))[ \t\n]+(?:ett[ \t\n]+)?"
    r"(?P<kind>ärende(?:t)?)(?![\wåäö])"
)
# the sentence ends announcing what is quoted after it: "… genom att lämna in följande yrkande."
_ANNOUNCES_RE = re.compile(r"följande[ \t\n]+[\wåäö]+[ \t]*[.:][ \t]*$")
_BULLET_RE = re.compile(r"[ \t]*(?:[•▪\-–*\uf0b7\uf0a7]|\d{1,2}[.)]|[Aa]tt\b)")
# "med följande nämndinitiativ:" / "följande motion:": the document itself is quoted after the colon
_FOLLOWING_RE = re.compile(r"följande[ \t\n]+(?:\w+[ \t\n]+)?$")


# a line that opens with a party's name proposing: "Socialdemokraterna vill att …"
_PARTY_PROPOSES_RE = re.compile(
    r"(?m)^[ \t]*(?P<party>[A-ZÅÄÖ][a-zåäö]+(?:[ \t]+de[ \t]+gröna)?)[ \t]+"
    r"(?:vill|föreslår|yrkar|begär|hemställer|anser)(?![\wåäö])")


def _members_only(actor: str, known: dict[str, str]) -> bool:
    """Whether the subject is only members the document gives a party elsewhere, named without it
    ("Robert Wenglén och Aron Regnéll inkom 2025-03-20 med ett nämndinitiativ": the chair and his
    vice, M in the attendance list)."""
    parts = [p.strip() for p in re.split(r"[ \t\n]*(?:,|\boch\b|\bsamt\b)[ \t\n]*", actor.strip()) if p.strip()]
    return bool(parts) and all(_NAME_ONLY_RE.fullmatch(p) and " ".join(p.split()) in known for p in parts)


_NAME_ONLY_RE = re.compile(r"[A-ZÅÄÖÉ][\wåäöé'’-]+(?:[ \t\n]+[A-ZÅÄÖÉ][\wåäöé'’-]+){1,3}")


def _doc_kind(word: str, verb: str = "") -> str:
    """The position kind of a document word: a skrivelse, else (motion, any initiative) a motion;
    a text the members have noted as their statement ("… antecknar som yttrande en skrivelse från
    den 25 januari") is their särskilt yttrande, whatever they call the text."""
    if verb.casefold().startswith("anteckna"):
        return "sarskilt_uttalande"
    return "skrivelse" if word.casefold() == "skrivelse" else "motion"


def motions(doc: Document, known: dict[str, str]) -> list[Position]:
    """Positions of a party's own motion, initiativärende or skrivelse: where the text says a
    party's members submitted one (with what they propose quoted after it), and § titles such
    as "Motion av X (P) om …"."""
    text = doc.text
    muni = doc.metadata.municipality
    out: list[Position] = []
    found = sorted([*_SUBMITTED_RE.finditer(text), *_IN_MOTION_RE.finditer(text), *_INVERTED_RE.finditer(text),
                    *_WHERE_RE.finditer(text), *_RAISED_RE.finditer(text)], key=lambda m: m.start())
    for m in found:
        lo = max(0, m.start() - 600)
        stops = list(re.finditer(r"[.!?][”\"]?\s+(?=[A-ZÅÄÖ§])|\n[ \t]*\n", text[lo:m.start()]))
        st = scope_start(text, lo + stops[-1].end() if stops else lo, m.start())
        nxt = re.search(r"[.!?](?=\s|$)|\n[ \t]*\n", text[m.end():m.end() + 600])
        en = m.end() + (nxt.end() if nxt else 0)
        actor = m.group("actor") if "actor" in m.re.groupindex else text[st:m.start()]
        if re.search(r"\b(?:att|som|när|om)\b", actor) and not PERSON_RE.search(actor):
            continue
        codes, names = actors(actor, known, muni)
        if not codes or not PERSON_RE.search(actor) and not any(True for _ in iter_party_spans(actor, municipality=muni)) \
                and not local_party_named(actor, known) and not _members_only(actor, known):
            continue
        end = en
        quote = _MOTIONER_RE.search(text, en, min(len(text), en + 400))
        if quote and not text[en:quote.start()].strip().count("\n") > 6:
            end = _list_end(text, quote.start())
        elif re.match(r"[ \t]*:", text[m.end():m.end() + 8]):
            ks = m.start("kind")
            if _FOLLOWING_RE.search(text[max(0, ks - 40):ks]):
                # "Ida Alm (L) inkommer med följande nämndinitiativ:" and the initiative's own text
                item = doc.item_of(m.start())
                end = max(end, _quoted_end(text, m.end(), min(item.end if item else len(text), m.end() + 4000)))
            else:
                end = max(end, _list_end(text, m.end()))  # "… har i motion föreslagit:" and its points
        elif _ANNOUNCES_RE.search(text, m.end(), en):
            end = max(end, _list_end(text, en - 1))  # "… lämna in följande yrkande." and its points
        s, e = trim(text, st, end)
        label = item_label(doc, s)
        if any(o.start == s or o.start <= s < o.end and o.item == label and set(codes) <= set(o.parties) for o in out):
            # "har i en motion lämnat …": both forms read the same sentence; "Socialdemokraterna i
            # Lomma väcker härmed följande nämndinitiativ." inside the quoted initiative restates it
            continue
        out.append(Position(parties=codes, kind=_doc_kind(m.group("kind"), m.group("verb")), text=" ".join(text[s:e].split()),  # type: ignore[arg-type]
                            page=doc.page_of(s), start=s, end=e, item=label, people=names))
    for item in doc.items:
        if not TITLE_RE.search(item.title):
            continue
        s, e = _title_span(text, item.start, item.end, item.title)
        codes, names = actors(text[s:e], known, muni)
        if not codes or any(p.item == f"§ {item.number}" and p.kind == "motion" and set(codes) <= set(p.parties)
                            for p in out):
            continue
        # the § retells what the party proposes ("Socialdemokraterna vill att förvaltningen får i
        # uppdrag att …" under "Initiativ (S) …"): quoted too, beside the title that names it
        own = next((m for m in _PARTY_PROPOSES_RE.finditer(text, e, item.end)
                    if party_of_name(m.group("party")) in codes), None)
        if own:
            os_, oe = trim(text, own.start("party"), _list_end(text, own.start("party")))
            out.append(Position(parties=codes, kind="motion", text=" ".join(text[os_:oe].split()),
                                page=doc.page_of(os_), start=os_, end=oe, item=f"§ {item.number}", people=names))
        out.append(Position(parties=codes, kind="motion", text=" ".join(text[s:e].split()), page=doc.page_of(s),
                            start=s, end=e, item=f"§ {item.number}", people=names))
    return out


def _list_end(text: str, start: int) -> int:
    """The end of "Motionärerna föreslår följande:" and its list of points (• - 1. att …)."""
    nl = text.find("\n", start)
    if nl == -1:
        return len(text)
    end = nl
    pos = nl + 1
    for _ in range(40):
        m = re.match(r"[^\n\f]*", text[pos:])
        line = m.group() if m else ""
        prev = text[max(0, pos - 2):pos - 1]
        runs_on = prev not in (".", ";", ":", "!", "?")  # a point wrapped over two lines
        if not line.strip() or not (_BULLET_RE.match(line) or line.lstrip()[:1].islower() or runs_on):
            break
        if STOP_RE.fullmatch(line) or (HEADING_LINE.fullmatch(line) and len(line.split()) <= 2):
            break  # "Beslut", "Beredning": the list has ended
        end = pos + len(line)
        pos = end + 1
        if pos >= len(text):
            break
    return end


def _quoted_end(text: str, start: int, limit: int) -> int:
    """The end of a document quoted after "… inkommer med följande nämndinitiativ:": its paragraphs
    up to the next heading ("Överläggning", "Yrkande", "Beslutsunderlag"), page break or ``limit``
    (the § end). Ingest drops blank lines, so a heading is a short line of its own after a line
    that ends a sentence."""
    nl = text.find("\n", start, limit)
    if nl == -1:
        return limit
    end, pos, closed = start, nl + 1, False
    while pos < limit:
        line = re.match(r"[^\n\f]*", text[pos:limit]).group()  # type: ignore[union-attr]
        if line.strip():
            if STOP_RE.fullmatch(line) or closed and end > start and HEADING_LINE.fullmatch(line):
                break  # "Överläggning" alone on its line after a closed sentence ends the quote
            end = pos + len(line)
            closed = bool(re.search(r"[.!?:”\"][ \t]*$", line))
        pos += len(line)
        if pos >= limit or text[pos] == "\f":
            break
        pos += 1
    return end


def _title_span(text: str, start: int, end: int, title: str) -> tuple[int, int]:
    """Where a § title stands after its heading ("§ 7 0497/22" then one to four lines)."""
    words = title.split()[:3]
    if words:
        m = re.search(r"[ \t\n]+".join(re.escape(w) for w in words), text[start:min(end, start + 600)])
        if m:
            s = start + m.start()
            stop = STOP_RE.search(text, s, min(end, s + 600))
            e = stop.start() if stop else min(end, s + len(title) + 40)
            nxt = re.search(r"\n[ \t]*(?:Ärendebeskrivning|Ärendet|Handling(?:ar)?|Sammanfattning)\b", text[s:e])
            return trim(text, s, s + nxt.start() if nxt else e)
    return trim(text, start, min(end, start + len(title) + 20))
