"""Roll calls written one member a line with the vote after a colon, as Göteborg's nämnder
write them in their protocol extracts:

    Omröstning gällande yttrande från (SD) mot yttrande från (C)
    Åsa Hartzell (M): Avstår
    Emma Öman (V): Ja
    …
    Med 6 ja-röster mot 1 nej-röst vinner yttrande från (C). 4 stycken avstod från att rösta.

Three or more such lines in a row are one list; a list may run on over a page break, past the
page's running footer and header (a few short lines with the break among them). The list has
no counts of its own: the result sentence after it is the vote (votes.attach joins them).
"""

from __future__ import annotations

import re

from ..types import Document, RollCallEntry
from .rollcall import CHOICE_RE, CODE_RE, TOPIC_RE, RollCall, choice, member

_LINE_RE = re.compile(
    r"(?m)(?:^|(?<=\f))[ \t]*(?P<name>[A-ZÅÄÖÉÜ][\wåäöéü'’.-]+(?:[ \t]+(?:af|av|von|van|de|al|el)?[ \t]*[A-ZÅÄÖÉÜ][\wåäöéü'’.-]+){1,4})"
    rf"[ \t]*\((?P<party>{CODE_RE})\)(?:,[ \t]*(?P<role>[a-zåäö][a-zåäö ]{{2,30}}))?[ \t]*:[ \t]*"
    # the line ends at a line break or at the page's end, and starts at one or at the page's
    # start (a form feed: the last or first member on a page whose running foot or head is not
    # in the text)
    rf"(?P<vote>{CHOICE_RE})[ \t]*(?=[\n\f]|\Z)")
_MIN_MEMBERS = 3
_GAP_LINES = 6  # footer and header lines a list may pass at a page break


def colon_list_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    """Every "Name (P): Ja|Nej|Avstår" list in ``doc``, in text order."""
    text = doc.text
    runs: list[list[re.Match[str]]] = []
    for m in _LINE_RE.finditer(text):
        if runs and _continues(text[runs[-1][-1].end():m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    out: list[RollCall] = []
    for run in runs:
        entries = [e for m in run if (e := _entry(doc, m, local)) is not None]
        if len(entries) < _MIN_MEMBERS:
            continue
        start = run[0].start()
        above = text[max(0, start - 300):start].rstrip().rsplit("\n", 1)[-1]
        topic = TOPIC_RE.search(above)
        title = " ".join(topic.group("t").split()) if topic else None
        out.append(RollCall(tuple(entries), doc.page_of(start), start, run[-1].end(), "list", title=title))
    return out


def _continues(between: str) -> bool:
    """Only a line break between two members, or a page break with its furniture."""
    lines = [ln for ln in re.split(r"[\n\f]", between) if ln.strip()]
    if not lines:
        return True
    return "\f" in between and len(lines) <= _GAP_LINES and all(len(ln) <= 90 for ln in lines)


def _entry(doc: Document, m: re.Match[str], local: dict[str, str]) -> RollCallEntry | None:
    who = member(m.group("name"), party=m.group("party"), role=m.group("role") or "", local=local)
    got = choice(m.group("vote"))
    if who is None or got is None:
        return None
    name, party, role, note = who
    vote, extra = got
    return RollCallEntry(name, party, vote, role, doc.page_of(m.start("name")), m.start("name"), m.end(),
                         extra or note, " ".join(m.group().split()))
