"""A body's name as documents write it: the pattern of a committee's name (nämnd, styrelse,
fullmäktige, utskott, direktion, revision ...), its canonical form, a letterhead's field labels,
wrapped running heads put back together, names set in capitals set in small letters, and a
name OCR misspelt read as the body the text names otherwise."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["COMMITTEE", "LABEL", "NOT_COMMITTEE", "canon_committee", "joined_lines", "ocr_spelling",
           "restored_diaeresis", "uncapped"]

_BODY = (r"(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|utskott|direktionen|revisionen|"
         r"beredningen|presidiet|presidium)")
COMMITTEE = re.compile(
    r"(?<![\wåäö-])("
    # "Nämnden för ...", also without its article ("Nämnd för trafik, infrastruktur och miljö")
    r"Nämnd(?:en)? för [A-ZÅÄÖa-zåäö][a-zåäö]+(?:(?:,| och| samt| &) [A-ZÅÄÖa-zåäö][a-zåäö]+)*"
    r"|(?:[A-ZÅÄÖ][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) [a-zåäö]*|[A-ZÅÄÖ][a-zåäö]*)" + _BODY +
    # "s sociala utskott", "s utbildnings- och näringslivsutskott"; "Kommunstyrelsens utskott": a
    # styrelse's one utskott, named by no other word
    r"(?:s (?:arbetsutskott|utskott|[a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) [a-zåäö]*utskott|[a-zåäö]+utskott|"
    r"[a-zåäö]+a utskott)(?:et)?)?"
    # "Tekniska nämnden", and its committee "Tekniska nämndens arbetsutskott"
    r"|[A-ZÅÄÖ][a-zåäö]+a (?:(?:nämnden|styrelsen)s [a-zåäö]*utskott(?:et)?|nämnden|nämnd|utskottet)"
    r"|Revisorerna|Stadsrevisionen|Kommunrevisionen|Regionrevisionen|Direktionen"
    r")(?![\wåäö])")
NOT_COMMITTEE = re.compile(r"^(?:Nämnd|Styrelsen|Utskott|Presidiet|Presidium|Fullmäktige|Nämnden|"
                            r"Revisionen|Beredningen)$")
LABEL = re.compile(
    r"^\s*(?:(?:datum|handläggare|diarienr|diarienummer|dnr|ärendenummer|sida|mottagare|"
    r"vår referens|er referens|beteckning|dokumentnamn|dokumenttyp|kontaktperson|foto\w*|"
    r"telefon|tel|e-post|epost|postadress|besöksadress|organisationsnummer|org\.?\s?nr|antal sidor|"
    r"dokumentansvarig|page|penneo dokumentnyckel|sekretess|godkännare\w*|fastställd av|"
    r"beslutad av|antagen av|gäller för|gäller från|giltig\w*|handling \d{4} nr|justerandes sign|"
    r"utdragsbestyrkande)\b\s*:?|(?:till|från|kopia|status|version|ansvarig|referens|bilaga|författare|"
    r"uppdragsgivare|projektledare)\s*:)", re.IGNORECASE)


# "Vård och omsorgsnämnden": the first part of a coordinated compound lost its hyphen
_UNHYPHENATED = re.compile(r"^([A-ZÅÄÖ][a-zåäö]+) (och|samt) (?=[a-zåäö]+" + _BODY + r"s?(?![\wåäö]))")
_BODY_END = re.compile(_BODY + r"$", re.IGNORECASE)


def canon_committee(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if re.search(r"nämnd$", name) and not name.startswith("Nämnden"):
        name += "en"
    if (m := _UNHYPHENATED.match(name)) and not _BODY_END.search(m.group(1)):
        # one committee under one name: "Vård och omsorgsnämnden" is "Vård- och omsorgsnämnden"
        # (but "Kommunstyrelsen och socialnämnden" are two bodies)
        name = f"{m.group(1)}- {m.group(2)} {name[m.end():]}"
    return name[0].upper() + name[1:]


# a body word whose ä an OCR or an old font's export read as a ("Omsorgsnamnden kallas härmed",
# "KOMMUNFULLMAKTIGE"); neither "namnd" nor "fullmaktige" is a Swedish word of its own
_LOST_DIAERESIS = re.compile(r"(?<=[A-Za-zÅÄÖåäö])([nN])([aA])([mM][nN][dD])(?=(?:en|ens|s|EN|ENS|S)?(?![\wåäöÅÄÖ]))|"
                             r"([fF][uU][lL][lL][mM])([aA])([kK][tT][iI][gG][eE])")


def restored_diaeresis(text: str) -> str:
    """``text`` with a body word's lost ä put back: "Omsorgsnamnden" -> "Omsorgsnämnden",
    "KOMMUNFULLMAKTIGE" -> "KOMMUNFULLMÄKTIGE"."""
    def put_back(m: re.Match[str]) -> str:
        head, a, tail = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        return head + ("ä" if a == "a" else "Ä") + tail
    return _LOST_DIAERESIS.sub(put_back, text)


# the rest of a body word a narrow running head wrapped to the next line ("den", "nden", "lsen")
_CUT_BODY = re.compile(r"[a-zåäö]{1,6}(?=\s|$)")


def joined_lines(lines: Sequence[str]) -> list[str]:
    """Lines with "Barn- och" + "ungdomsnämnden" (+ "arbetsutskott") put back together (a
    header wrapped narrow)."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        cut = _CUT_BODY.match(line)
        if out and cut and _BODY_END.search(out[-1] + cut.group(0)) and not _BODY_END.search(out[-1]):
            # a body word cut mid-word by a narrow header ("Samhällsbyggnadsnämn" / "den")
            out[-1] = out[-1] + line
            continue
        if out and line[:1].islower() and (
                re.search(r"(?:\b(?:och|samt)|-|,)$", out[-1])
                or (re.search(r"(?:nämndens|styrelsens|fullmäktiges)$", out[-1])
                    and re.match(r"[a-zåäö]*utskott(?:et)?\b", line))):
            out[-1] = out[-1] + " " + line
        elif line:
            out.append(line)
    return out


# a run of words in capitals; a word that goes on in small letters ("Kultur-" of "Kultur- och
# fritidsnämnden") is not part of it, lest "PROTOKOLL Kultur-" lose the name's capital
_CAPS_RUN = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ-]+(?![a-zåäö])(?:,? +[A-ZÅÄÖ][A-ZÅÄÖ-]*(?![a-zåäö]))*")


# a document word in capitals ends one name and starts the next ("FÖREDRAGNINGSLISTA SOCIALNÄMNDEN"),
# and so does the word "KOMMUN" or "STAD" that ends the organisation's name ("EDSBY KOMMUN
# KOMMUNSTYRELSEN": the kommun's name, then its body's)
_CAPS_DOC_WORD = re.compile(r"(?<=[A-ZÅÄÖ]) (?=(?:SAMMANTRÄDES)?PROTOKOLL|KALLELSE|FÖREDRAGNINGSLISTA|"
                            r"TJÄNSTESKRIVELSE|DAGORDNING|BEHANDLADE)|(?:(?<=PROTOKOLL)|(?<=KALLELSE)|(?<=LISTA)|(?<=SKRIVELSE)|"
                            r"(?<=ORDNING)|(?<=[A-ZÅÄÖ] KOMMUN)|(?<=[A-ZÅÄÖ] STAD)) ")


def uncapped(line: str) -> str:
    """'BARN- OCH UTBILDNINGSNÄMNDEN Sidan 1' -> 'Barn- och utbildningsnämnden Sidan 1': older
    letterheads set the body's name in capitals."""
    def cap(m: re.Match[str]) -> str:
        parts = _CAPS_DOC_WORD.split(m.group(0))
        return " ".join(p.capitalize() if len(p) >= 6 else p for p in parts)
    return _CAPS_RUN.sub(cap, line)


_BODY_WORD_END = re.compile(r"(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen)$")


def _stem_elsewhere(stem: str, text: str) -> int:
    """How often ``stem`` stands in ``text`` other than as the body's own name ("gymnasie" of
    "gymnasieskola" beside "Gymnasienämnden")."""
    return len(re.findall(re.escape(stem) + r"(?!nämnd|styrelse|fullmäktig|utskott|direktion)", text))


def ocr_spelling(name: str, text: str) -> str:
    """``name``, or the body OCR misspelt it as ("Gyronasienämnden" for "Gymnasienämnden"): when
    its stem stands nowhere else in the text and the text also names a body a letter or two apart
    whose stem does (the school's "gymnasieskola"). A letter or two apart in the whole name too:
    "Kommuntfullmäktige" is Kommunfullmäktige, not Kommunstyrelsen (both stems "kommun")."""
    low = text.casefold()
    stem = _BODY_WORD_END.sub("", name.casefold())
    if len(stem) < 5 or _stem_elsewhere(stem, low):
        return name
    for m in COMMITTEE.finditer(uncapped(text)):
        other = canon_committee(m.group(1))
        o_stem = _BODY_WORD_END.sub("", other.casefold())
        if (other.casefold() != name.casefold() and not NOT_COMMITTEE.match(other)
                and _edits(stem, o_stem) <= 2 and _edits(name.casefold(), other.casefold()) <= 2
                and _stem_elsewhere(o_stem, low)):
            return other
    return name


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
