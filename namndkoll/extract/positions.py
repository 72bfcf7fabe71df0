"""Positions: what a party (or its members) stated in a record, with who and where.

Kinds: reservations (``Ledamöterna från SD reserverar sig …``, a "Reservation" section with its
signatories), särskilda uttalanden/yttranden, protokollsanteckningar, yrkanden with the
proposers' parties (``Karin Pleijel (MP) yrkar bifall till …``), and documents written by a
party (a reservation, motion or skrivelse signed by a party: the whole text is its position).

A statement's parties come from its *actor* — the words before its verb ("Ledamöterna från M,
D, L och KD", "Sabina Music (C), … och Jenny Broman (V)") — so that a party merely mentioned
in the argument ("… yrkande från SD …") is not taken for the author. Where the actor names
people without a party, the party comes from the people found elsewhere in the document.
Jäv notes are not positions and are skipped.

A party's own motion, initiativärende or skrivelse is its position wherever it stands, also one
only attached; a text noted as the members' statement ("Emmyly Bönfors (C) antecknar som yttrande en
skrivelse från den 1 februari") is their särskilt yttrande (kind sarskilt_uttalande). A § titled
"Motion av Jessica Blixt (D) … om …" or "Svar på motion gällande … - Anders Julin (S) med
flera", and the motion quoted in an officer report or a § ("Anders Julin (S), … har till
kommunfullmäktige lämnat en motion … Motionärerna föreslår följande: • …"), with the quote.
In a protocol, "X (L) föreslår att ärendet återremitteras" is a yrkande (Meetings Plus writes
"Förslag till beslut på sammanträdet" where others write "Yrkanden"), and a statement that
announces "följande protokollsanteckning:" runs on to the next statement or heading.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..registry import canonical_code, code_pattern
from ..types import Document, PartyMention, Person, Position
from .parties import iter_party_spans as _party_spans
from .positions_authors import (
    BARE_NAME_RE,
    NAME,
    PARTY_KEY,
    PERSON_RE,
    SLIP_KEY,
    UP,
    author_parties,
    canonical_or_written,
    genitive_owner,
    local_party_named,
    norm,
    party_motion,
    party_of_names,
    signatories,
    strip_role,
)
from .regions import item_label, iter_sentences, paper_item, regions

_KINDS = {"reservation": "reservation", "sarskilt_uttalande": "sarskilt_uttalande",
          "protokollsanteckning": "protokollsanteckning", "yrkanden": "yrkande"}
_DOC_KINDS = {"reservation": "reservation", "sarskilt_yttrande": "sarskilt_uttalande",
              "motion": "motion", "skrivelse": "skrivelse", "initiativarende": "motion"}
_VERB_RE = re.compile(
    r"(?<![\wåäö])(?P<verb>reserverar|reserverade|yrkar|yrkade|antecknar|antecknade|deltar|deltog"
    r"|lämnar|lämnade|anmäler|anmälde|instämmer|instämde|avger|avgav|föreslår|föreslog|ansluter"
    r"|meddelar|meddelade|får[ \t\n]+anteckna"
    r"|lägger(?=[ \t\n]+(?:följande[ \t\n]+)?(?:protokollsanteckning|reservation|särskil))"
    r"|inkom(?:mit|mer)?[ \t\n]+med)(?![\wåäö])"
)
# "… har inkommit med följande två tillägg till arbetsutskottets förslag": a proposal handed in
# at the meeting (Meetings Plus), unlike "inkommit med en motion" (a party document, see below)
_HANDED_IN_RE = re.compile(
    r"inkom\w*[ \t\n]+med[ \t\n]+(?:(?:följande|ett|en|två|tre|fyra|nedanstående|gemensamt|gemensamma)[ \t\n]+)*"
    r"(?:tilläggs|ändrings|tillägg|ändring|förslag|yrkande|motförslag)"
)
_COLLECTIVE_RE = re.compile(
    r"\b(?:[Ll]edamöterna|[Ll]edamoten|[Rr]epresentanterna|[Ee]rsättarna|[Ee]rsättaren|[Gg]ruppen"
    r"|[Pp]artierna|[Pp]artiet|[Ff]örträdarna|[Kk]ommunalråden)\b"
)
_LOCAL_CODE_PERSON_RE = re.compile(rf"(?P<name>{NAME})[ \t\n]*\((?P<code>[A-ZÅÄÖ]{{1,4}}),?\)")
_CODE = rf"(?:{code_pattern(former=True)})"
# a list of codes: "M, L och KD", "S samt V", and "M, D, L, och KD" (the serial comma before "och"
# is common in protocols)
_CODE_LIST = rf"{_CODE}(?:\s*(?:,\s*och|,\s*samt|,|och|samt|&)\s*{_CODE})*"
# the parties' codes alone before the verb: "M, L och KD antecknar följande till protokollet:"
_CODES_ONLY_RE = re.compile(rf"^\s*{_CODE_LIST}\s*$")
# a yrkande only for a pause in the meeting
_PROCEDURAL_RE = re.compile(r"\byrka(?:r|de)[ \t\n]+(?:på[ \t\n]+)?(?:ajournering|paus)[ \t\n]*(?:\.|$)")
# an official, who states a note of no party's but ends the party's before it ("M, L och KD
# antecknar följande …" / "Förvaltningsdirektör Henrik Karlsson lägger protokollsanteckning …")
_OFFICIAL_RE = re.compile(rf"\s*[{UP}][a-zåäö]*(?:direktör|chef|sekreterare|jurist|controller)(?:en)?[ \t\n]+{NAME}\s*")
# "Ledamöterna från M, D, L och KD antecknar som yttrande …": what they note is their statement
_NOTED_AS_STATEMENT = re.compile(r"[ \t\n]*anteckna(?:r|de)[ \t\n]+som[ \t\n]+(?:särskilt[ \t\n]+)?yttrande\b")
# a paper's title naming the agenda item it speaks to: "Ärende 7: …", "§ 12 …", "Punkt 4 -"
_ON_ITEM_RE = re.compile(r"(?:[Ää]rende|ÄRENDE|[Pp]unkt|§)[ \t]*\d{1,3}\b[ \t]*[:.–-]?")
# what opposes the proposal: "… inte ska genomföras", "yrkar avslag", "avslå förslaget", "emot förslaget"
_AGAINST_RE = re.compile(
    r"(?<![\wåäö])(?:inte[ \t\n]+(?:ska|skall|bör)[ \t\n]+(?:genomföras|beslutas|antas|bifallas|verkställas)"
    r"|yrka[rd]e?[ \t\n]+avslag|avslå[rs]?|(?:emot|mot)[ \t\n]+(?:förslaget|beslutet)|reserver\w+)(?![\wåäö])",
    re.IGNORECASE)
# "från M, D, L, och KD"
_FROM_LIST_RE = re.compile(rf"\b(?:från|för)\s+(?P<list>{_CODE_LIST})(?![\wåäö])")


def find_positions(
    doc: Document, people: Sequence[Person] = (), parties: Sequence[PartyMention] = ()
) -> tuple[Position, ...]:
    """Every position stated in ``doc`` (see the module docstring), in text order."""
    text = doc.text
    known = party_of_names(doc, people)
    out: list[Position] = []
    taken: list[tuple[int, int]] = []
    protocol = bool(doc.items) or doc.metadata.doc_type in ("protokoll", "protokollsutdrag")

    def emit(kind: str, start: int, end: int, actor_end: int | None) -> None:
        start, end = trim(text, start, end)
        # a statement that says jäv is someone stepping aside, no position; only the word itself
        # (search.compare's wider _JAV_RE drops a sentence, this a whole statement, and a
        # yrkande may well argue that someone is "jävig")
        if end <= start or re.search(r"\bjäv\b", text[start:end], re.IGNORECASE):
            return
        if kind == "yrkande" and _PROCEDURAL_RE.search(text, start, end):
            return  # "Axel Darvik (L) yrkar på ajournering.": a pause asked for, no position
        if any(a < end and start < b for a, b in taken):
            return
        scope = text[start:actor_end] if actor_end else text[start:end]
        codes, names = actors(scope, known, doc.metadata.municipality)
        if actor_end is None and not codes:
            return
        if not codes and not names:
            return
        taken.append((start, end))
        out.append(Position(parties=codes, kind=kind, text=" ".join(text[start:end].split()),  # type: ignore[arg-type]
                            page=doc.page_of(start), start=start, end=end,
                            item=item_label(doc, start), people=names))

    # 1. sections: every statement of a Reservation / Särskilt uttalande / Protokollsanteckning
    #    / Yrkanden part
    for kind, s, e in regions(doc, set(_KINDS)):
        for st, en, actor_end in _statements(text, s, e, known, doc.metadata.municipality):
            if kind == "yrkanden" and actor_end is None:
                continue
            k = _KINDS[kind]
            if actor_end is not None and text.startswith("reserver", actor_end):
                k = "reservation"  # a reservation written under another heading
            elif _NOTED_AS_STATEMENT.match(text, actor_end or st):
                k = "sarskilt_uttalande"  # "… antecknar som yttrande tilläggsyrkandet från …"
            if (ptr := _POINTER_RE.search(text, st, en)) and (actor_end is None or ptr.start() > actor_end):
                en = ptr.end()  # "… reserverar sig skriftligt." / "Bilaga A": the text is attached, not here
            if actor_end is not None and re.search(r"följande\s*$", text[st:en]):
                # "… lämnar följande" + a "protokollsanteckning:" line the sections took for a heading
                en = max(en, _following(text, st, min(len(text), en + 60), known, doc.metadata.municipality))
            emit(k, st, en, actor_end)
        if kind != "yrkanden" and not any(s <= a < e for a, _ in taken):
            emit(_KINDS[kind], s, e, None)  # a signed block: the parties of its signatories

    # 2. the same statements in running text ("… Ledamöterna från SD reserverar sig …")
    statements = [(s0, m, en) for st, en in iter_sentences(text, 0, len(text))
                  for s0, m in _actor_verbs(text, st, en, known, doc.metadata.municipality)]
    for i, (st, m, en) in enumerate(statements):
        nxt = statements[i + 1][0] if i + 1 < len(statements) else len(text)
        en = min(en, nxt)  # the next statement of the same "sentence" starts here
        head = STOP_RE.search(text, m.end(), en)
        if head:  # a heading without a full stop before it ends the statement ("Beslutsgång")
            en = nxt = head.start()
        sentence = text[st:en]
        verb = m.group("verb")
        if re.search(r"särskil(?:t|da)\s+(?:uttalande|yttrande)|anteckna\w*\s+som\s+yttrande", sentence, re.IGNORECASE):
            kind = "sarskilt_uttalande"
        elif re.search(r"protokollsanteckning", sentence, re.IGNORECASE):
            kind = "protokollsanteckning"
        elif verb.startswith("reserver") or re.match(r"\w+\s+följande\s+(?:skriftlig(?:a)?\s+)?reservation", text[m.start():en]):
            kind = "reservation"
        elif not verb.startswith(("yrka", "föresl")) and _ANNOUNCED_RE.match(text, m.start(), en):
            # "Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet.":
            # the announcing party's reservation, whether or not its text is attached
            kind = "reservation"
        elif verb.startswith("yrka") or (protocol and (
                verb.startswith("föresl") or (verb.startswith("inkom") and _HANDED_IN_RE.match(text, m.start())))):
            kind = "yrkande"
        else:
            continue
        emit(kind, st, min(nxt, _following(text, st, en, known, doc.metadata.municipality)), m.start())

    # 2a. "… yrkar avslag på motionen. Jan-Christer Jansson (V) och Elin Hysén (L) stödjer
    #     yrkandet.": the members who back a yrkande in the next sentence share it
    out = _with_supporters(text, out, known, doc.metadata.municipality)

    # 2b. a party's motion, initiativärende or skrivelse: a § title, or quoted in the text
    from .positions_motions import motions

    for pos in motions(doc, known):
        same = next((i for i, o in enumerate(out) if (o.start, o.end) == (pos.start, pos.end)), None)
        if same is not None:  # "… antecknar som yttrande en skrivelse": the skrivelse is the yttrande
            out[same] = pos
        elif not any(o.kind == pos.kind and o.item == pos.item and set(pos.parties) <= set(o.parties)
                     and o.start <= pos.start < o.end for o in out):
            out.append(pos)

    # 2c. a yrkande named only where the chair puts it to the vote
    from .positions_propositions import proposed

    out.extend(proposed(doc, known, out))

    # 2d. a reservation, protokollsanteckning or särskilt yttrande attached as pages of its own
    from .positions_attached import attached_positions, merge_attached

    out = merge_attached(out, attached_positions(doc, known), doc)

    # 3. a document written by a party: all of it is that party's position
    doc_kind = _DOC_KINDS.get(doc.metadata.doc_type or "")
    if doc.metadata.doc_type is None and not doc.items and party_motion(text, known):
        doc_kind = "motion"  # the type was not read, but the text is a motion signed by a party's members
    if doc_kind == "skrivelse" and _ON_ITEM_RE.match(doc.metadata.title or ""):
        # a party's paper on a meeting's numbered ärende ("Ärende 7: Åtgärder avseende …") is its
        # statement on the decision: a reservation where it opposes what is proposed, else a
        # särskilt yttrande — not a skrivelse raising a matter of its own
        doc_kind = "reservation" if _AGAINST_RE.search(text) else "sarskilt_uttalande"
    if doc_kind and text.strip():
        codes = author_parties(doc, known)
        if codes:
            s, e = trim(text, 0, len(text))
            out.append(Position(parties=codes, kind=doc_kind, text=" ".join(text[s:e].split()),  # type: ignore[arg-type]
                                page=doc.page_of(s), start=s, end=e, item=None,
                                people=signatories(text, known)))
    if doc.items and any(p.item is None for p in out):
        # 4. a paper bundled after a § (its tjänsteutlåtande under the same title) is that §'s
        out = [dataclasses.replace(p, item=paper_item(doc, p.start)) if p.item is None else p for p in out]
    out.sort(key=lambda p: (p.start, -p.end))
    return tuple(out)


# ---- statements -------------------------------------------------------------------------

def _statements(text: str, s: int, e: int, known: dict[str, str], muni: str | None
                ) -> list[tuple[int, int, int | None]]:
    """(start, end, actor end or None) of the statements in text[s:e]: a sentence whose
    actor is a party or a person begins one; the sentences after it belong to it."""
    out: list[list[int | None]] = []
    for st, en in iter_sentences(text, s, e):
        found = _actor_verbs(text, st, en, known, muni, first=True)
        m = found[0][1] if found else None
        if m is None and out and (inv := _INVERTED_ACTOR_RE.match(text, st, en)):
            # "Vidare yrkar Axel Josefson (M) bifall till …": a member named after the verb states
            # a yrkande of their own, not one more of the sentence before (whose parties differ)
            out.append([st, en, inv.end("actor")])
            continue
        if m is not None:
            a = scope_start(text, st, m.start())
            if a > st and out:  # the heading or list before the actor belongs to the statement before
                out[-1][1] = a
                st = a
            elif not out and found[0][0] > a:
                # the lines before an actor on a line of its own are a statement of their own
                # ("Yttrande från L, M D och KD, daterat …" / "Förvaltningsdirektör … får anteckna")
                out.append([st, found[0][0], None])
                st = found[0][0]
        if m is not None or not out:
            out.append([st, en, m.start() if m else None])
        else:
            out[-1][1] = en
    return [(int(a), int(b), c) for a, b, c in out]  # type: ignore[arg-type]


def _actor_verbs(text: str, st: int, en: int, known: dict[str, str], muni: str | None, *, first: bool = False
                 ) -> list[tuple[int, re.Match[str]]]:
    """(actor start, verb) of each statement in text[st:en]: a protocol without full stops
    before its headings runs several statements into one "sentence"."""
    out: list[tuple[int, re.Match[str]]] = []
    for m in _VERB_RE.finditer(text, st, en):
        s = scope_start(text, st, m.start())
        if out and s <= out[-1][1].end():
            own = _own_line_actor(text, out[-1][1].end(), m.start())
            if own is None:
                continue  # a second verb of the same statement ("yrkar … och instämmer")
            s = own
        if m.start() - s > 500:
            continue
        ok = _is_actor(text[s:m.start()], known, muni)
        if not ok and (own := _own_line_actor(text, s, m.start())) is not None:
            # the statement before ended without a full stop ("… där y-axeln startar på\n0"), so
            # this sentence began in it; a line of named members before the verb starts this one
            s, ok = own, True
        if ok:
            out.append((s, m))
        if first and (ok or not out):
            break
    return out


def _is_actor(actor: str, known: dict[str, str], muni: str | None) -> bool:
    """Whether the words before a verb name who states it: parties or people, not a clause."""
    return bool(actor.strip()) and not re.search(r"\b(?:att|som|när|om|finner|ställer)\b", actor) and bool(
        (_COLLECTIVE_RE.search(actor) and any(True for _ in _party_spans(actor, municipality=muni)))
        or _CODES_ONLY_RE.match(actor) or _OFFICIAL_RE.fullmatch(actor)
        or PERSON_RE.search(actor)
        or any(norm(n.group()) in known for n in BARE_NAME_RE.finditer(actor))
        or local_party_named(actor, known))


def actors(scope: str, known: dict[str, str], muni: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(party codes, people) named in ``scope``, each in order of first mention."""
    codes: dict[str, None] = {}
    names: dict[str, None] = {}
    people_spans = []
    for m in PERSON_RE.finditer(scope):
        name = strip_role(m.group("name"))
        if genitive_owner(m, scope):
            continue  # "stödjer Johan Tolinssons (S) m.fl. yrkande": whose yrkande, not who states
        names[name] = None
        code = canonical_or_written(m.group("code"))
        # "Thomas Eneström (M) yrkar" where the document gives him (S) many times over: a slip
        code = known.get(SLIP_KEY + name + "|" + code, code)
        people_spans.append((m.start(), m.end(), code))
    # "Ulf Richeberg (F)": a code the registry does not know (a local party's), written after a
    # member whose party the document states elsewhere ("(FB)" in a vote list): the passage's own
    own = set()
    for m in _LOCAL_CODE_PERSON_RE.finditer(scope):
        name = strip_role(m.group("name"))
        if name in known and canonical_code(m.group("code")) is None \
                and not any(s <= m.start("code") < e for s, e, _c in people_spans):
            names[name] = None
            own.add(name)
            people_spans.append((m.start(), m.end(), m.group("code")))
    listed = [(m.start("list") + c.start(), m.start("list") + c.end(), canonical_or_written(c.group()))
              for m in _FROM_LIST_RE.finditer(scope) for c in re.finditer(_CODE, m.group("list"))]
    # a "(P)" after a member's name counts as that member's party (a slip corrected above)
    spans = sorted([(s, e, c) for s, e, c in _party_spans(scope, municipality=muni)
                    if not any(a <= s < b for a, b, _c in people_spans)] + people_spans + listed)
    for _s, _e, c in spans:
        codes[c] = None
    for m in BARE_NAME_RE.finditer(scope):
        n = norm(m.group())
        if PARTY_KEY + n in known:  # "Fokus Bjärred": the document's name of its local party
            codes.setdefault(known[PARTY_KEY + n], None)
        elif n in known and n not in own and n not in names:
            # a member named with a party in the passage ("Ulf Richeberg (F)") keeps that party:
            # another code the document gives the same name elsewhere ("(FB)") is not added
            names.setdefault(n, None)
            codes.setdefault(known[n], None)
    return tuple(codes), tuple(names)


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """``s``–``e`` without the space around it, nor a rule of underscores after it (the line a
    protocol draws under a § before "Beslutet expedieras till")."""
    while s < e and text[s] in " \t\n\f":
        s += 1
    while e > s and text[e - 1] in " \t\n\f_":
        e -= 1
    return s, e


# ---- what follows a statement ------------------------------------------------------------------

# a written reservation announced and handed in later: "vill lämna en skriftlig reservation",
# "lämnar en skriftlig reservation", "vill inkomma med en skriftlig reservation", "kommer att
# lämna in skriftliga reservationer" (not "en skriftlig reservation har lämnats": nobody's own)
_ANNOUNCED_RE = re.compile(
    r"[^.]{0,80}?(?<![\wåäö])(?:lämna|lämnar|inkomma[ \t\n]+med|inkommer[ \t\n]+med|ge[ \t\n]+in|ger[ \t\n]+in)"
    r"(?:[ \t\n]+in)?[ \t\n]+(?:en[ \t\n]+)?skriftliga?[ \t\n]+reservation(?:er)?(?![\wåäö])", re.IGNORECASE)
# a line that only points to an attachment: "Bilaga", "Bilaga A", "Bilaga 2"
_POINTER_RE = re.compile(r"(?m)(?:^|(?<=\f))[ \t]*Bilag(?:a|or)(?:[ \t]+(?:[A-Z]|\d{1,2}))?[ \t]*(?=[\n\f]|\Z)")
STOP_RE = re.compile(
    r"(?:^|(?<=\f))[ \t]*(?:§[ \t]*\d+|Beslutsgång|Beslut(?:[ \t]*[–—-][ \t]*Förslag till \w+)?|Omröstning|Reservation(?:er)?|Anteckning(?:ar)?"
    r"|Protokollsanteckning(?:ar)?|Särskil(?:t|da) (?:yttrande|uttalande)n?|Beslutsunderlag|Expedieras till"
    r"|Protokollsutdrag skickas till|Beslutet skickas till|Paragrafen är justerad|Yrkanden?|Propositionsordning"
    r"|Förslag till beslut(?: på sammanträdet)?|Justerandes sign\w*|Mötet ajourneras\b.*)[ \t]*:?[ \t]*$",
    re.MULTILINE,
)


# "… lämnar följande protokollsanteckning:", "… föreslår följande ändring:", "… föreslår
# nedanstående tillägg till kommunens inspel." (the proposal itself follows the full stop)
_ANNOUNCE_RE = re.compile(r"följande[^.:]{0,60}:|(?<![\wåäö])nedanstående(?![\wåäö])[^.:]{0,160}[.:]")


def _following(text: str, st: int, en: int, known: dict[str, str], muni: str | None) -> int:
    """The end of a statement that announces what follows ("… lämnar följande
    protokollsanteckning:", "… föreslår nedanstående tillägg …."): the next heading or the next
    statement, at most a few thousand characters on."""
    head = text[st:en]
    colon = _ANNOUNCE_RE.search(head)
    if not colon:
        return en
    limit = min(len(text), st + colon.end() + 4000)
    stop = STOP_RE.search(text, st + colon.end(), limit)
    end = stop.start() if stop else limit
    for s2, e2 in iter_sentences(text, st + colon.end(), end):
        for a, _m in _actor_verbs(text, s2, e2, known, muni, first=True):
            return max(en, a)
    return max(en, end)


_SUPPORT_RE = re.compile(
    r"[ \t\n]*(?P<actor>[^.:\n]+(?:\n[^.:\n]+){0,3}?)[ \t\n]+"
    r"(?:stödjer|stöder|instämmer[ \t\n]+i|ansluter[ \t\n]+sig[ \t\n]+till)[ \t\n]+"
    r"(?:yrkandet|förslaget|tilläggsyrkandet|ändringsyrkandet|detta"
    # "… stödjer Peter Lundins yrkande." / "… stödjer Paul Blomdahls\navslagsyrkande."
    r"|(?P<mover>(?:[A-ZÅÄÖ][\w-]*[ \t\n]+){1,3}?[A-ZÅÄÖ][\w-]*s)[ \t\n]+[a-zåäö]*(?:yrkande|förslag))[ \t]*\."
)


def _with_supporters(text: str, found: list[Position], known: dict[str, str], muni: str | None
                     ) -> list[Position]:
    """Each yrkande followed at once by a sentence of members who back it ("X (V) och Y (L)
    stödjer yrkandet.", "… instämmer i förslaget."), widened over that sentence with their
    parties: a backer who says no more is not labelled anywhere else."""
    out = list(found)
    for i, p in enumerate(out):
        if p.kind != "yrkande":
            continue
        m = _SUPPORT_RE.match(text, p.end)
        if not m or not _is_actor(m.group("actor"), known, muni) or _VERB_RE.search(m.group("actor")):
            continue
        if m.group("mover") and not _moved_by(m.group("mover"), p.people):
            continue  # backs someone else's yrkande, not this one
        codes, names = actors(m.group("actor"), known, muni)
        if not codes:
            continue
        out[i] = Position(parties=tuple(dict.fromkeys(p.parties + codes)), kind=p.kind,
                          text=" ".join(text[p.start:m.end()].split()), page=p.page, start=p.start,
                          end=m.end(), item=p.item, people=tuple(dict.fromkeys(p.people + names)))
    return out


def _moved_by(genitive: str, people: tuple[str, ...]) -> bool:
    """Whether "Peter Lundins" (a name in the genitive) names one of ``people``."""
    name = " ".join(genitive.split())[:-1]
    return any(" ".join(x.split()) == name for x in people)


# a § about a party's motion or initiative: "Motion av X (P) om …", "Initiativ (S) Konsekvensanalys …",
# "Nämndinitiativ från Ida Alm (L) …", "Initiativyrkande från V, S och MP om …" (not "Folkinitiativ",
# "Initiativrätt": no party's)
TITLE_RE = re.compile(r"(?:Svar på |Besvarande av |Yttrande över |Yttrande på )?(?:[Mm]otion(?:en)?\b"
                       r"|(?<![\wåäö])(?:[Nn]ämnds?)?[Ii]nitiativ(?:ärende|yrkande)?(?:n|t|et|en)?(?![\wåäö]))")


HEADING_LINE = re.compile(r"[ \t]*[A-ZÅÄÖ][\wåäö-]*(?:[ \t]+[\wåäö-]+){0,3}[ \t]*")


def scope_start(text: str, st: int, verb: int) -> int:
    """Where the sentence before a verb really starts in a text without full stops before
    headings (Meetings Plus): after the last heading line, page break or § title line."""
    start = st
    pos = st
    for m in re.finditer(r"[\n\f]", text[st:verb]):
        line = text[pos:st + m.start()]
        whole = pos == 0 or text[pos - 1] in "\n\f"  # a line of its own, not the tail of a sentence
        if m.group() == "\f" or whole and (HEADING_LINE.fullmatch(line) or STOP_RE.fullmatch(line)) \
                or re.search(r"[.:;!?”\"»][ \t]*$", line) or re.match(r"[ \t]*(?:§|•)", line) \
                or re.search(r"(?:med flera|m\.fl\.|\))[ \t]*$", line) and TITLE_RE.search(text[start:pos + len(line)]):
            start = st + m.end()
        pos = st + m.end()
    # a page's running counter left in a web copy's run-on text ends what stood before it: no
    # sentence runs on over a page's head ("STORUMANS KOMMUN PROTOKOLL 2 (18)", "Sida 3 (14)",
    # "… Utdragsbestyrkande 2 STORUMANS KOMMUN PROTOKOLL 2 (18) KSAU 91 …: Motion …")
    for m in _PAGE_COUNTER_RE.finditer(text, start, verb):
        start = m.end()
    return start


# a page's counter: after its word anywhere ("PROTOKOLL 2 (18)", "Sida 3 (14)"); alone only
# before a capital or § ("2 (18) KSAU 91"), so that "punkt 3 (4) i listan" stays text
_PAGE_COUNTER_RE = re.compile(r"(?<![\w(§/-])(?:(?i:protokoll|sida)[ \t]+\d{1,3}[ \t]*\(\d{1,3}\)"
                              r"|[1-9]\d{0,2}[ \t]*\([1-9]\d{0,2}\)(?=[ \t\n]+[A-ZÅÄÖ§]))[ \t\n]*")


# a line that is only members with their parties before the verb: "Ida Alm (L) yrkar …"
_OWN_LINE_ACTOR_RE = re.compile(
    rf"[ \t]*{PERSON_RE.pattern}(?:[ \t]*(?:,|och|samt)[ \t]*{PERSON_RE.pattern.replace('?P<name>', '?:').replace('?P<code>', '?:')})*[ \t]*")
# the verb before its actor after an adverb that goes on from the sentence before (Swedish word
# order): "Vidare yrkar Axel Josefson (M) bifall till …", "Dessutom föreslår Eva Lind (S) och …"
_ONE_PERSON = PERSON_RE.pattern.replace('?P<name>', '?:').replace('?P<code>', '?:')
_INVERTED_ACTOR_RE = re.compile(
    rf"[ \t\n]*(?:Vidare|Dessutom|Därutöver|Därtill|Slutligen)[ \t\n]+(?:yrkar|föreslår)[ \t\n]+"
    rf"(?P<actor>{_ONE_PERSON}(?:[ \t\n]*(?:,|och|samt)[ \t\n]*{_ONE_PERSON})*)")
_JOINING_END_RE = re.compile(r"(?:,|\b(?:och|samt|till|av|på|med|om|för|att|m\.fl\.?))[ \t]*$")


def _own_line_actor(text: str, after: int, verb: int) -> int | None:
    """Where a second statement starts inside one "sentence": a statement whose yrkande ends
    without a full stop ("… yrkar bifall och att vi får en muntlig rapport i halvtid") runs into
    the next speaker's line. A line that holds only named members with their parties before
    the verb, after a line that does not end in a joining word, starts a statement of its own."""
    nl = text.rfind("\n", after, verb)
    if nl < 0 or not (_OWN_LINE_ACTOR_RE.fullmatch(text, nl + 1, verb) or _OFFICIAL_RE.fullmatch(text, nl + 1, verb)):
        return None
    prev = text[text.rfind("\n", 0, nl) + 1:nl]
    return None if _JOINING_END_RE.search(prev) else nl + 1
