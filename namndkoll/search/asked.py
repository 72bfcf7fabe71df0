"""Whether a passage states the thing asked *of the thing asked*: the rules of round 12 of issue
11, read on the near misses of dev (batches s8 and s9, ``bench/questions/dev2.json``) that were
answered "high" by a passage holding a figure, a name or a decision of something else. Each rule
only withholds "high" (``judge.judge``): such a passage is still shown, as a weak match, when
the other evidence shows it — the issue's rule that a strong keyword match is never hidden.

- **the figure of the body asked.** "Hur stort överskott visar barn- och ungdomsnämndens
  helårsprognos …" is not answered by kommunstyrelsen's "De kommungemensamma posterna
  prognostiseras ge ett överskott på 78,9 mnkr": the figure must stand in a sentence that names
  the nämnd, förvaltning, koncern or "område" asked (and the thing asked, where the passage
  names it), unless the document is that body's own record (``figure_of_body``).
- **the figure of the year asked.** "Hur många tågresor gjordes … under 2025?" is not answered by
  a passage whose figures all stand in sentences naming other years ("31% för tåg (2024)"); a
  year named in a sentence without a figure ("2025 byggdes tågdepån i Falköping ut") or under a
  chart does not make the passage's figures that year's (``figure_of_year``; the chart's axis
  is set aside by ``grounds.without_axes``).
- **an outcome is not a goal.** "Hur många lundabor genomförde praktik under 2021?" asks what
  happened; "Målsättning är att 200 lundabor erbjuds och genomför praktik under år 2021" is the
  goal. When every figure of the passage that stands beside what is asked is a goal, a plan, a
  forecast or a proposal, it does not state the outcome (``outcome_not_goal``).
- **the successor, not the one who left.** "Vem ersatte Maja Bentzer …": a passage in which Maja
  Bentzer is herself the one appointed ("utse Maja Bentzer (V) till ny ersättare … i stället för
  Alexander Aldäng") names no successor of hers (``successor_named``).
- **the decision of the body asked.** "När avslog kommunfullmäktige motionen …" is answered by
  fullmäktige's own record or a sentence saying that fullmäktige decided ("Kommunfullmäktige
  beslutade den 10 december 2025 …"), not by kommunstyrelsen's "Förslag till beslut i
  kommunfullmäktige" (``decided_by``).
- **the figure beside the rare terms.** A keyword query asking a figure names what it is of by
  its rare terms; a figure in a sentence that holds none of them, while another sentence holds
  them without a figure, is of something else (``figure_beside_rare``).
- **the post asked.** "Vem är ordförande i …" is not answered by a passage that names only a
  *vice* ordförande (``holder_named``), and not trusted from a table of contents, which names
  people in § titles but holds no statement (``lists_no_holder``, which also withholds trust from a
  passage never naming the post: "high" only, as a protocol's first page lists its § numbers
  beside who chaired).

Issue 11's near misses shown "high" on dev and dev6 (the person questions of batch s50) add:

- **the one replaced, however asked.** "Vem blev ny ersättare … i stället för X?" and "Vem …
  efter X Y?" ask X's successor as "Vem ersatte X" does (``Question.replaced``,
  ``successor_named``).
- **a holder beside the post.** Where a passage names the post asked, a person's name stands
  within ``passage.NEAR_NAME`` characters of it ("utse Anna Berg (S) till ordförande", a
  signature's "Annika Pettersson" over "socialdirektör"); "väljer styrelsen ordförande" as a
  rule names no holder (``holder_beside``; "Vem valdes till <post> …" asks a post too).
- **an outcome after its year began.** A question asking what there was in a year is not
  answered by a document written before that year began (``outcome_after``).
- **the doer beside the deed.** "Vem har skrivit X?" is answered where a sentence on X (its rare
  terms) names a person, a party or a body, not only as the one given the task
  (``doer_beside_rare``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .detail import label_named, name_stated, post_for_asked, words_stated
from .grounds import figure_or_time, sentences, without_axes
from .passage import (
    LISTING_SECTIONS,
    NEAR_NAME,
    PARTY_CODES,
    is_listing,
    lists_titles,
    role_pattern_of,
)
from .question import BODY_NAME, Question, same_body, years_in
from .terms import Finds

__all__ = ["ELECTS", "asked_of", "body_rx", "decided_by", "doer_beside_rare", "figure_beside_rare", "figure_of_body", "figure_of_year", "holder_beside", "holder_named",
           "lists_no_holder", "outcome_after", "outcome_not_goal",
           "successor_named"]

# what makes a sentence a goal, a plan, a forecast or a proposal rather than an outcome
_GOAL = re.compile(r"\b(mål|målet|målen|målsättning\w*|ska|skall|planera\w*|planeras|förväntas|beräknas|bedöms|"
                   r"prognos\w*|prognostiser\w*|budgeter\w*|ambition\w*|föreslå\w*|förslag\w*|siar)\b", re.IGNORECASE)
# a decision taken, in the past, after the body that took it ("Kommunfullmäktige beslutade den …")
_DECIDED = r"[^.]{0,80}?\b(?:beslutade|beslöt|har\s+beslutat|avslog|har\s+avslagit|antog|har\s+antagit|biföll|" \
           r"har\s+bifallit|fastställde|godkände)\b"

_DECIDED_BY = r"\b(?:beslutades|beslöts|antogs|avslogs|bifölls|fastställdes|godkändes|har\s+beslutats|har\s+antagits|" \
              r"har\s+fastställts)\s+(?:av|i)\s+"

_HEADS = ("nämnd", "styrelse", "förvaltning", "koncern")


def body_rx(body: str) -> re.Pattern[str]:
    """A body as the question names it, in any ending ("område hr" as the area's name), or its
    kind alone in the definite singular, which refers back to it ("inom koncernen" after
    "Framtidenkoncernen"; not "kommunens nämnder", not "Område Ekonomi")."""
    if body.startswith("område "):
        name = re.escape(body.split(" ", 1)[1])
        return re.compile(r"(?<![\wåäö])(?:" + name + r"(?![\wåäö])|(?-i:[Oo]mrådet(?!\s+[A-ZÅÄÖ])))", re.IGNORECASE)
    # a first part's linking s is written both ways: "Idrotts- och föreningsnämnden", "Idrott- och …"
    parts = [re.escape(p[:-1]) + "s?" if p.endswith("s") and f"{p}-" in body else re.escape(p)
             for p in re.split(r"[\s-]+", body) if p]
    head = next((h for h in _HEADS if body.endswith(h)), None)
    # (the kind referring back may open its sentence: "Nämnden tilldelas 2 mnkr för uppdraget.")
    back = (r"|(?-i:\b[" + head[0].upper() + head[0] + "]" + head[1:] + r"en\b(?!\s+(?:för\s+)?[A-ZÅÄÖ]))"
            if head else "")
    # (eighteenth session) a one-word body is also named by a longer compound of its first part
    # and its kind: "äldrenämnden" asked, "vård- och äldreomsorgsnämnden" in the records
    stem = body[:-len(head)] if head and " " not in body and "-" not in body else ""
    longer = r"|" + re.escape(stem) + r"[\wåäö]*?" + (head or "") + r"[\wåäö]*" if len(stem) >= 4 else ""
    return re.compile(r"(?<![\wåäö])(?:" + r"[\s-]+".join(parts) + r"[\wåäö]*" + longer + back + ")", re.IGNORECASE)


def figure_of_body(question: Question, text: str, context: str, section: str | None, committee: str | None,
                   focus: Finds | None) -> bool:
    """Whether a figure question that names a body (``Question.body``) is answered by the figure
    of that body: the document is the body's own, or a sentence holds the body and a figure (and
    what is asked, where the passage names it); the § title naming the body counts for every
    sentence under it. A "Vem …" question naming a body needs the passage (or its title) to name
    that body at all."""
    body = question.body
    if body is None or not question.kinds & {"figure", "who"}:
        return True
    if committee and same_body(body.split()[-1], committee):
        return True
    rx = body_rx(body)
    titled = bool(rx.search(context))
    if "figure" not in question.kinds:  # "Vem var förvaltningschef för barn- och ungdomsförvaltningen …"
        return titled or bool(rx.search(text))
    parts = sentences(text)
    # the focus counts where the passage names it at all (else the heading before it did)
    want_focus = focus is not None and any(focus.search(s.lower()) for s in parts)
    return any((titled or rx.search(s)) and figure_or_time(question, s) and (focus is None or not want_focus or focus.search(s.lower()))
               for s in parts)


# a heading: a short line without a full stop, before a line that starts a new statement
_HEADING = re.compile(r"(?<=\n)([^\n.:;,]{1,60})\n(?=[A-ZÅÄÖ§•])|^([^\n.:;,]{1,60})\n(?=[A-ZÅÄÖ§•])")


def _statements(text: str) -> list[str]:
    """Sentences, a heading standing apart from the sentence after it ("Förslag till budget 2024
    och flerårsplaner 2025–2026" | "Beslut" | "Grundersättningen … till 518 kr per timma")."""
    return [s for s in sentences(_HEADING.sub(lambda m: (m.group(1) or m.group(2)) + "\n\n", text)) if s.strip()]


def figure_of_year(question: Question, text: str, section: str | None) -> bool:
    """Whether a figure question naming years is answered by a figure of one of them: some
    sentence holding a figure names one of the years, or no year at all (then the title and date
    stand in, ``grounds.year_in_own_words``). A table row is read by its column heads."""
    if "figure" not in question.kinds or not question.years or section == "table":
        return True
    figures = [s for s in _statements(without_axes(text)) if figure_or_time(question, s)]
    if not figures:
        return True
    asked = set(question.years)
    return any(not years_in(s) or years_in(s) & asked for s in figures)


def outcome_not_goal(question: Question, text: str, focus: Finds | None) -> bool:
    """Whether a question asking an outcome (``Question.past``) finds in the passage a figure
    that is not a goal, a plan, a forecast or a proposal, beside what is asked where the passage
    names it. True for other questions and passages with no figure."""
    if not question.past or "figure" not in question.kinds:
        return True
    figures = [s for s in sentences(without_axes(text)) if figure_or_time(question, s)]
    if focus is not None and any(focus.search(s.lower()) for s in figures):
        figures = [s for s in figures if focus.search(s.lower())]
    return not figures or any(not _GOAL.search(s) for s in figures)


def outcome_after(question: Question, date: str | None) -> bool:
    """Whether a question asking an outcome of a year (``Question.past`` and ``Question.years``:
    "Hur många anställningar med stöd fanns i Lund i slutet av 2022?") may be answered by a
    document of ``date`` (its ISO date): not by one written before every year asked began, which
    can hold a goal, a plan or a forecast for it, never what came of it (the socialnämnd's
    tjänsteskrivelse of 2021-01-05 and its 200 anställningar med stöd "vid årsskiftet
    2021/2022"). True when the date is not known."""
    year = str(date or "")[:4]  # (ISO text in both stores; a date object reads the same)
    if not question.past or not question.years or not year.isdigit():
        return True
    return int(year) >= min(question.years)


# a successor chosen in the passage's own text ("väljs", "utses till ledamot", "fyllnadsval")
ELECTS = re.compile(r"\b(?:väljs|valdes|utses|utsågs|utsedd|vald|fyllnadsval\w*|kompletteringsval\w*)\b",
                     re.IGNORECASE)


def successor_named(question: Question, text: str, context: str) -> bool:
    """Whether "Vem ersatte X …" may be answered by a passage: one naming X as the one replaced
    ("i stället för X", "efter X") or not naming X; not one where X is the one appointed."""
    name = question.replaced
    if name is None:
        return True
    both = f"{text}\n{context}"
    who = r"\s+".join(re.escape(w) for w in name.split())
    if re.search(r"\b(?:i\s+stället\s+för|efter|ersätter|ersätta)\s+" + who, both, re.IGNORECASE):
        return True
    # the one who resigns is the one replaced, where the passage elects the successor: a
    # fyllnadsval's § is titled by the resignation ("§ 7 Avsägelse från Tony Ljungström (SD) av
    # uppdrag som ledamot … samt fyllnadsval", its Beslut "… väljs ersättaren Anders Thomasson
    # (SD)"); the passage recording the resignation alone names no one chosen and stays out
    if ELECTS.search(text) and re.search(
            r"\b(?:avsägelse|entledigande|befrielse|avgång)\s+(?:från|av|för)\s+" + who + r"|" + who
            + r"(?:\s*\([^)]{1,12}\))?\s+(?:har\s+)?(?:avsäger|avsagt|avgår|avgått|entledigas)", both, re.IGNORECASE):
        return True
    return not re.search(who, both, re.IGNORECASE)


def decided_by(question: Question, text: str, committee: str | None) -> bool:
    """Whether "När avslog kommunfullmäktige …" may be answered by a passage: the body's own
    record, or a sentence in which that body decided (in the past: "beslutade", "antog",
    "avslog", …), not another body's proposal to it."""
    body = question.decider
    if body is None or same_body(body, committee):
        return True
    name = "fullmäktige" if body.endswith("fullmäktige") else body.removesuffix("en")
    rx = re.compile(r"[\wåäö]*" + re.escape(name) + r"[\wåäö]*" + _DECIDED, re.IGNORECASE)
    # the passive says it too: "Nuvarande renhållningstaxa beslutades av kommunfullmäktige …"
    passive = re.compile(_DECIDED_BY + r"[\wåäö]*" + re.escape(name), re.IGNORECASE)
    return any(rx.search(s) or passive.search(s) for s in sentences(text))


def holder_named(question: Question, text: str, context: str, section: str | None) -> bool:
    """Whether a "Vem är/blev <post> …" question may be answered by a passage that names the post:
    not one naming only its vice when the post itself is asked ("Vem är ordförande …" and "Anders
    Sandberg (S) utses till vice ordförande"), nor only the post when its vice is asked."""
    if "who" not in question.kinds:
        return True
    role = question.post
    if role is None:
        return True
    both = f"{text}\n{context}"
    post = re.compile(r"(?<![\wåäö])(vice\s+)?" + re.escape(role.split()[-1]) + r"[\wåäö]*", re.IGNORECASE)
    named = list(post.finditer(both))
    # (a passage not naming the post at all is left to ``lists_no_holder``: not trusted, maybe shown)
    vice = role.startswith("vice")
    return not named or any((m.group(1) is not None) == vice for m in named)


# a holder's name: two capitalised words or more, also where a line or a sentence starts ("Per
# Ek utses till …", a signature's "Annika Pettersson" over "socialdirektör", which
# ``passage.NAME`` leaves out), or a name and a party ("Thim (M)")
_FULL_NAME = r"\b[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)+"
_HOLDER = re.compile(_FULL_NAME + r"|\b[A-ZÅÄÖ][a-zåäöéü]+\s*\((?:" + PARTY_CODES + r")\)")


def holder_beside(question: Question, text: str) -> bool:
    """Whether a "Vem är/blev <post> …" or "Vem valdes till <post> …" question's passage names
    someone as the post's holder where its own words name the post: a person's name within
    ``passage.NEAR_NAME`` characters of it ("Kristina Grapenholm (L) (ordförande)", "utse Anna
    Berg (S) till ordförande"). A passage naming the post only as a rule or a task, with no one
    beside it, names no holder (issue 11: "Vem valdes till ordförande i styrelsen för Business
    Region Göteborg?" and "I styrelser med sju eller fler ledamöter väljer styrelsen ordförande,
    1:e vice ordförande …", in a § whose only name is the one who moved it). One whose own words
    do not name the post (its § title does, or nothing does) is left to ``lists_no_holder``."""
    if "who" not in question.kinds or question.post is None:
        return True
    post = role_pattern_of(replace(question, role=question.post))
    low = text.lower()
    if post is None or len(low) != len(text) or not post.search(low):
        return True
    names = [(m.start(), m.end()) for m in _HOLDER.finditer(text)]
    return any(-NEAR_NAME <= m.start() - e <= NEAR_NAME or -NEAR_NAME <= s - m.end() <= NEAR_NAME
               for m in post.finditer(low) for s, e in names)


# the sentences after one naming what a figure is asked of that may state its figure (in its entry)
FOLLOWING = 2
# where an entry of a list or a paragraph starts: a blank line, a bullet, "p." or "14." opening a line
_ENTRY = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[•▪◦\-–]|[a-zåäö]\.|\d{1,2}\.)\s)")


def figure_beside_rare(question: Question, text: str, section: str | None,
                       holds_rare: Callable[[str], bool] | None) -> bool:
    """For a figure question without a focus (keywords: "lönekartläggning … osakliga
    löneskillnader … procent"), whether a sentence holding the query's rare terms holds a
    figure, when any sentence holds them: they name what the figure is asked of, and "(1–11
    procent)" of kränkningar two sentences before "Lönekartläggningar genomförs …" is no answer.
    The two sentences after one naming them, in the same entry of a list or paragraph, count as
    its own: they go on about the same thing (an uppdrag in a list: "p. … att anlägga ett
    skateboardtorg vid Slottsskogsvallen. Utredningen ska göras tillsammans med berörda
    föreningar. Nämnden tilldelas 2 mnkr för uppdraget."), where the next bullet does not
    ("• Lönekartläggningar genomförs … • Medarbetarundersökningen visar … (medelvärde 3,9)").
    ``holds_rare``: whether a sentence holds one of the query's rare terms (not a place)."""
    # (a rate's unit says what its figure is of: "per kvadratmeter" is checked by grounds.states)
    if holds_rare is None or "figure" not in question.kinds or question.focus or question.rate or section == "table":
        return True
    naming = False
    for entry in _ENTRY.split(without_axes(text)):
        parts = sentences(entry)
        at = [i for i, s in enumerate(parts) if holds_rare(s)]
        if any(figure_or_time(question, s) for i in at for s in parts[i:i + 1 + FOLLOWING]):
            return True
        naming = naming or bool(at)
    return not naming


# a name, a party or a body that may be the one who did what a "Vem …" question asks
# ("Anna Berg (S)", "Berg (S)", "kommunstyrelsen", "Liberalerna")
_DOER = re.compile(_FULL_NAME + r"|\((?:" + PARTY_CODES + r")\)|"
                   r"(?i:\b\w*(?:nämnden|styrelsen|förvaltningen|fullmäktige|kontoret|utskottet|direktionen|förbundet|"
                   r"bolaget|enheten|avdelningen|direktör\w*|ordförande\w*|chef\w*|partiet|erna|arna)\b)")
# a task given, not an act done ("Kommunstyrelsen får i uppdrag utarbeta …", "uppdras att …")
_TASK = re.compile(r"\b(?:får|fick|ges|gavs|ge|ger)\s+(?:\w+\s+)?i\s+uppdrag\b|\buppdras\b|\buppdrag\s+att\b",
                   re.IGNORECASE)
# where a list's next item starts, inside what ``grounds.sentences`` keeps as one sentence ("b) …")
_ITEM = re.compile(r"\n(?=(?:[a-zåäö]|\d{1,2})\)\s|[-•–]\s?\S)")


def doer_beside_rare(question: Question, text: str, holds_rare: Callable[[str], bool] | None) -> bool:
    """Whether a "Vem …" question asking who did something (no post, no one replaced, not a list
    of people) finds its doer where the passage names what was done: a sentence holding the
    query's rare terms (``holds_rare``) names a person, a party or a body, and, where an act done
    is asked ("Vem har skrivit …", "Vem föreslog …"), not only as the one given the task. True
    where no sentence holds the rare terms.

    Issue 11 (dev): "Vem har skrivit Alingsås 'Brev från framtiden' till vision 2040?" was
    answered high by the § adopting the vision ("Kommunstyrelsen får i uppdrag utarbeta ett
    'Brev från framtiden'": who is to write it), its Beredning ("ca 200 personer … skrivit var
    sitt 'brev från framtiden'": no one by name) and "Brevet från framtiden blir en visuell …
    sammanfattning", whose names are those who spoke on the §."""
    if ("who" not in question.kinds or question.post is not None or question.replaced is not None
            or question.people or holds_rare is None):
        return True
    # each list item its own statement: "… i framtiden.\nb) Öppna dialogmöten … vid Attraktiva
    # Alingsåsmässan" names no one of the item before it
    naming = [item for s in sentences(text) for item in _ITEM.split(s) if holds_rare(item)]
    if not naming:
        return True
    return any(_DOER.search(s) and not (question.done and _TASK.search(s)) for s in naming)


# a protocol's page of who took part, with their roles: "Beslutande Thomas Thim (M) (ordförande)",
# "Utses att justera Camilla Stensson (S)", "Sekreterare … Justerande …"
_PRESENCE = re.compile(r"\b(?:Beslutande|Justerande|Utses\s+att\s+justera|Ej\s+tjänstgörande|Närvarande)\b")


def lists_no_holder(question: Question, text: str, context: str | None, section: str | None) -> bool:
    """Whether a "Vem …" question's passage cannot be trusted ("high") for the holder asked,
    though it may still be shown: a list of § titles (a table of contents names people in its
    titles but states nothing of them), or one that never names the post asked ("Vem var
    ordförande …" and a § on deficits). Naming § numbers does not make a list of one: not a
    section of a § citing them in its sentences ("Kommunfullmäktige utsåg den 22 februari 2017,
    § 50 Pär-Göran Björkman (S) …", ``lists_titles``), nor a protocol's page of who took part
    ("Paragrafer §§41-49", a member's "§§32-33"), which states who chaired, who was secretary
    and who justerar beside each one's name."""
    if "who" not in question.kinds:
        return False
    if section in LISTING_SECTIONS:
        return True
    # (issue 11) the page of who took part may run on into the table of contents after it ("…
    # Justerande Lars-Ivan Gustafsson (S) … § 32 Information och föredragningar / § 33 …"): it
    # still states who chaired, who was secretary and who justerar beside each one's name
    if (lists_titles(text, section) or (section is None and is_listing(text, section))) and not _PRESENCE.search(text):
        return True
    post = question.post
    return post is not None and not re.search(r"(?<![\wåäö])" + re.escape(post.split()[-1]), f"{text}\n{context or ''}",
                                              re.IGNORECASE)


def asked_of(question: Question, text: str, context: str | None, section: str | None, committee: str | None,
             focus: Finds | None, holds_rare: Callable[[str], bool] | None = None, date: str | None = None) -> bool:
    """Whether a passage may be trusted ("high") as stating the thing asked of the thing asked
    (every rule above); False makes it a weak match at most. ``date``: its document's."""
    ctx = context or ""
    return (outcome_after(question, date)
            and figure_of_body(question, text, ctx, section, committee, focus)
            and figure_beside_rare(question, text, section, holds_rare)
            and figure_of_year(question, text, section)
            and outcome_not_goal(question, text, focus)
            and successor_named(question, text, ctx)
            and decided_by(question, text, committee)
            and holder_named(question, text, ctx, section)
            and holder_beside(question, text)
            and doer_beside_rare(question, text, holds_rare)
            # the detail asked beyond the topic (ninth session, ``detail.py``)
            and post_for_asked(question, text) and name_stated(question, text)
            and words_stated(question, text) and label_named(question, text))


# a table of contents' "§ 40" on its own line inside a § title ("… vice ordförande i vård- och\n§ 40\n
# äldreomsorgsnämnden")
_TOC_NUMBER = re.compile(r"\s*\n§\s*\d+\s*\n\s*")
_BODY_HEAD = re.compile(r"(nämnd|styrelse|fullmäktige|direktion|valberedning)[\wåäö]*$")


def _body_words(name: str) -> tuple[str, list[str]]:
    """A body's kind (its head: "nämnd", "fullmäktige", …) and the words naming which one, each
    stripped of the head ("barn- och ungdomsnämnden": "nämnd", ["barn", "ungdoms"])."""
    words = re.findall(r"[\wåäö]+", name.casefold())
    head = _BODY_HEAD.search(words[-1]) if words else None
    kind = head.group(1) if head else ""
    which = [_BODY_HEAD.sub("", w) for w in words if w != "och"]
    return kind, [w for w in which if len(w) >= 4]


def post_of_body(question: Question, text: str) -> bool:
    """Whether a passage may state the post a "Vem …" question asks of a body (``Question.post``
    of ``Question.post_body``): False only where every time its own words name the post of a
    body ("vice ordförande i tekniska nämnden") that body is another one than the one asked
    ("Vem avsade sig uppdraget som vice ordförande i barn- och ungdomsnämnden …"). Bodies are
    compared by the words naming which one, a word matching where one begins the other
    ("äldrenämnden" and "vård- och äldreomsorgsnämnden"; a bare "fullmäktige" asked and
    "kommunfullmäktige"), so that another name for the same body does not count as another."""
    if question.post is None or question.post_body is None:
        return True
    kind, asked = _body_words(question.post_body)
    own = _TOC_NUMBER.sub(" ", text)
    post = re.compile(r"(?<![\wåäö])" + re.escape(question.post.split()[-1]) + r"\s+(?:i|för|vid)\s+(" + BODY_NAME + ")",
                      re.IGNORECASE)
    named = [_body_words(m.group(1)) for m in post.finditer(own)]
    if not named:
        return True
    for other_kind, which in named:
        if not asked or not which:
            if other_kind == kind:
                return True
            continue
        if any(w.startswith(a) or a.startswith(w) for a in asked for w in which):
            return True
    return False
