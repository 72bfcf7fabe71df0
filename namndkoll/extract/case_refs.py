"""References from one § to a § of another meeting: "Tekniska nämnden har den 18 maj 2026, § 28
behandlat ärendet", "har till kommunfullmäktige den 24 september 2025, § 204 lämnat en motion",
a Beslutsunderlag's "§ 28 TEN - Revidering felparkeringsavgifter", "KS 2026-06-15 § 114".

Each body numbers a case anew (2026.067 TEN, 2026.266 KS), so these references are what ties a
case's steps together. Only references that say the case itself was handled there count: a
decision cited as background ("Kommunfullmäktige beslutade den 25 oktober 2023, § 183 om ...")
is another case, and a list of meddelanden or delegationsbeslut is no step of any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LIST_TITLE", "CaseRef", "case_refs", "may_name"]

_MONTHS = {m: i for i, m in enumerate(
    ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
     "november", "december"), start=1)}


@dataclass(frozen=True)
class CaseRef:
    """A § of another meeting named in a § text: its body as written (a name, or initials when
    ``initials``), its number, its meeting date (ISO) where written, and where the reference
    stands in the text given."""

    body: str
    number: str
    date: str | None
    initials: bool
    start: int
    end: int
    text: str


# "Kommunstyrelsens arbetsutskott", "kommunfullmäktige", "Barn- och ungdomsnämnden", "Tekniska nämnden"
_NAME = (r"((?:[A-ZÅÄÖa-zåäö][a-zåäö]+-\s(?:och|samt)\s)?[A-ZÅÄÖa-zåäö][a-zåäö]*(?:nämnden|styrelsen)"
         r"(?:s\s+arbetsutskott)?|[A-ZÅÄÖa-zåäö][a-zåäö]*fullmäktige|[A-ZÅÄÖ][a-zåäö]+a\s+nämnden(?:s\s+arbetsutskott)?)")
_DATE = r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})"
# the body, a verb or none, "den 18 maj 2026, § 28"
_NAMED = re.compile(r"(?<![\wåäö-])" + _NAME + r"\s+(?:(?:har|hade|behandlade|informerades|beslutade)\s+)?den\s+"
                    + _DATE + r",?\s+§\s?(\d{1,4})(?!\d)")
# the sentence says the case itself was handled there (or the motion/initiative was put there)
_HANDLED = re.compile(r"behandla|informera|lämnat?\s+(?:en\s+)?motion|väckt|motionen|initiativärende", re.IGNORECASE)
_ISO = r"((?:19|20)\d\d-\d\d-\d\d)"
_ABBR = r"([A-ZÅÄÖ]{2,6}(?:\s?AU)?)"
# "§ 28 TEN", "§86 KSAU", "§ 63 KS - 2026-04-13", "§20 BUN AU"
_NUMBER_ABBR = re.compile(r"§\s?(\d{1,4})\s+" + _ABBR + r"(?![\wåäöÅÄÖ.])(?:\s*-?\s*" + _ISO + r")?")
# "KS 2026-06-15 § 114"
_ABBR_DATE_NUMBER = re.compile(r"(?<![\wåäöÅÄÖ])" + _ABBR + r"\s+" + _ISO + r",?\s+§\s?(\d{1,4})(?!\d)")
# the papers the decision rests on, at the end of a §: where an undated "§ 28 TEN" names this case's own papers
_UNDERLAG = re.compile(r"^\s*Beslutsunderlag\b", re.MULTILINE)
_AFTER_UNDERLAG = re.compile(r"^\s*(?:Expedieras till|Beslutet skickas till|Beslut)\s*$", re.MULTILINE)
# a § that lists what came in or was decided under delegation: it names §§ of other cases
LIST_TITLE = re.compile(r"meddelande|anmäl|delegation|delgiv|inkomna|information", re.IGNORECASE)


def case_refs(text: str) -> list[CaseRef]:
    """The references in one § text that name the § of another meeting where this case was handled."""
    out: list[CaseRef] = []
    for m in _NAMED.finditer(text):
        stop = text.find(". ", m.end())
        sentence = text[m.start():stop if 0 <= stop < m.end() + 200 else m.end() + 200]
        if not _HANDLED.search(sentence):
            continue
        day, month, year = int(m.group(2)), _MONTHS[m.group(3)], m.group(4)
        out.append(CaseRef(re.sub(r"\s+", " ", m.group(1)), m.group(5), f"{year}-{month:02d}-{day:02d}", False,
                           m.start(), m.end(), " ".join(m.group(0).split())))
    under = _UNDERLAG.search(text)
    papers = (under.end(), len(text)) if under else (len(text), len(text))
    if under and (after := _AFTER_UNDERLAG.search(text, under.end())):
        papers = (under.end(), after.start())
    for m in _NUMBER_ABBR.finditer(text):
        if m.group(3) is None and not papers[0] <= m.start() < papers[1]:
            continue  # an undated "§ 43 VON" outside the papers: maybe a decision years ago
        out.append(CaseRef(m.group(2).replace(" ", ""), m.group(1), m.group(3), True, m.start(), m.end(),
                           " ".join(m.group(0).split())))
    for m in _ABBR_DATE_NUMBER.finditer(text):
        out.append(CaseRef(m.group(1).replace(" ", ""), m.group(3), m.group(2), True, m.start(), m.end(),
                           " ".join(m.group(0).split())))
    return sorted(out, key=lambda r: r.start)


def may_name(text: str, number: str) -> bool:
    """Whether a page may hold a reference to a § numbered ``number`` in any of the forms
    ``case_refs`` reads (a cheap test before a whole § is read: the page may lack the sentence's
    end or the Beslutsunderlag heading above its papers)."""
    return (any(m.group(5) == number for m in _NAMED.finditer(text))
            or any(m.group(1) == number for m in _NUMBER_ABBR.finditer(text))
            or any(m.group(3) == number for m in _ABBR_DATE_NUMBER.finditer(text)))
