"""What a question asks about and what kind of answer it wants, read from its words.

Two uses. **Structure**: a question that names a municipality, region or year asks about that
body or year; a passage from another body's document that never names it, or from a year the
passage, its title and its document's date never mention, cannot answer it however close its
wording ("Hur röstade kommunfullmäktige i Uppsala …" on a corpus without Uppsala, "… år 2030"
on frames for 2027–2029). **Kind**: "Hur röstade …" wants a vote, "Vem …" a person, "Hur
mycket/många …" a figure, "När …" a date; a passage holding that kind of thing is likelier to be
the answer (a prior for the order, never a filter). **Focus**: the thing a figure question asks
the figure of, the noun phrase after "Hur många/mycket/stor …", "Vad kostar …" or "Vilken/Vilket
…" with a quantity noun ("tolkuppdrag på polska", "hyran", "driftram"): a passage that never
names it does not state that figure (``judge.judge``).

The places and years, and whether a passage is about them: ``places.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ..registry import code_pattern, members_pattern, party_of_word
from . import detail
from .focus import MONEY as _MONEY
from .focus import QUANTITY as _QUANTITY
from .focus import focus_of
from .places import (
    PLACE_SUFFIXES,
    TOKEN,
    YEAR,
    Place,
    mentions_place,
    mentions_year,
    place_consistent,
    place_key,
    place_word,
    places_in,
    years_in,
)
from .terms import IRREGULAR_VERBS, STOPWORDS

# the places' and years' names (places.py) stay importable from here
__all__ = ["PLACE_SUFFIXES", "Place", "Question", "asks_past", "body_of", "decider_of", "degree_of", "focus_of", "holder_asked", "mentions_place", "mentions_year",
           "place_consistent", "place_word", "post_body_of", "post_of", "rate_of", "read_question", "replaced_of", "role_of", "same_body", "sentence_form",
           "stance_matter", "unit_of", "voter_of", "years_in"]


@dataclass(frozen=True)
class Question:
    places: tuple[Place, ...] = ()
    years: tuple[int, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)  # vote, who, figure, date, party
    # what a figure question asks the figure of: its head noun, then the head of an "av/för/på"
    # phrase after it ("tolkuppdrag på polska" -> ("tolkuppdrag", "polska")); () when none
    focus: tuple[str, ...] = ()
    unit: str | None = None  # what a figure is asked in: "percent" (a share), "money", or None
    people: bool = False  # "Vilka ledamöter/politiker … ", "Vilka ville …": people, by name (not a body)
    role: str | None = None  # the post "Vem är/var/blev …" asks the holder of ("ordförande", "vice ordförande")
    price: bool = False  # the figure asked is an amount of money ("Vad kostar …", "Hur stort bidrag …")
    # the body whose own vote "Hur röstade kommunstyrelsen …" asks about, lower case ("kommunstyrelsen")
    voter: str | None = None
    # what a rate asked is per ("Vad får en tolk betalt per timme?": "tim"), a stem; None when none
    rate: str | None = None
    # round 12 (``asked.py``): the part of an organisation whose figure is asked, lower case, as a
    # stem ("socialnämnd", "barn- och ungdomsnämnd", "område hr"); None when none is named
    body: str | None = None
    # the body whose decision "När avslog kommunfullmäktige …" asks about ("kommunfullmäktige")
    decider: str | None = None
    # the person whose successor "Vem ersatte/efterträdde Maja Bentzer …" asks ("Maja Bentzer")
    replaced: str | None = None
    past: bool = False  # asks what was (an outcome: "fanns", "gjordes", "har … minskat"), not a goal
    post: str | None = None  # the post asked about: the role, or "som <post>" ("Vem efterträdde X som ledamot")
    count: bool = False  # a figure question asking how many ("Hur många BPSD-administratörer …")
    # ninth session (``detail.py``): what the post asked is for ("elevhälsans", "psykologiska", …)
    post_for: tuple[str, ...] = ()
    name_of: str | None = None  # the kind whose name "Vilken bank …" asks
    query_words: frozenset[str] = field(default_factory=frozenset)  # the query's words, lower case
    said_by: str | None = None  # the person whose words "Vad svarade X om …" asks
    label: tuple[str, str] | None = None  # "alternativ E": its kind (three letters) and label
    # issue 11: the word after "hur" that asks a degree ("stora" in "Hur stora avskrivningar …"):
    # part of the question, not of what it asks about; None when none
    degree: str | None = None
    # a party's or member's stance asked ("Vilka partier reserverade sig mot …", "Vem yrkade …",
    # "Ville Liberalerna …"): the § is asked by its subject, which the stance seldom names (subject.py)
    position: bool = False
    # asks what was decided ("Vad beslutade kommunstyrelsen om …", "vad har beslutats om …", "Vad
    # blev beslutet …"): the § 's Beslut answers it, not its heading, Beredning or Beslutsgång
    decision: bool = False
    # asks who did an act done ("Vem har skrivit …", "Vem skrev …", "Vem föreslog …"), not who is to
    # do it ("Vem ska utreda …"): ``asked.doer_beside_rare``
    done: bool = False
    # the day a query names, "MM-DD" ("… sammanträde i Alingsås 1 juni 2026": "06-01"), a meeting's
    # day most often: ``on_day``; None when it names none
    day: str | None = None
    # a party's view asked ("Vad tyckte V om beslutet …"): its reservation, yrkande or särskilt
    # yttrande states it; a vote record says how it voted, not what it thought (``subject.states_view``)
    opinion: str | None = None  # the party's code
    # (seventeenth session) asks who holds a named post of a named body ("Vem är ordförande i
    # samhällsbyggnadsnämnden …", "Vem valdes till ordförande i styrelsen för …"): only a passage
    # naming a person can answer it (``holder_asked``)
    holder: bool = False
    # the body a post asked is of, as the query writes it ("barn- och ungdomsnämnden" of "Vem avsade
    # sig uppdraget som vice ordförande i barn- och ungdomsnämnden …"): ``post_body_of``
    post_body: str | None = None
    # (twenty-fourth session) who did an act a § records in a section of its own ("Vem yrkade …",
    # "Vilka partier reserverade sig …", "vem var jävig …"): those sections (``act_asked``)
    act: tuple[str, ...] = ()
    # (twenty-fifth session) the months a query names with their year, "YYYY-MM" ("… i mars 2018",
    # "1 juni 2026": "2018-03", "2026-06"), a meeting's month most often: a record of that month is
    # of that time, whatever other years its words name (``grounds.dated_in_asked_month``)
    months: tuple[str, ...] = ()


_KINDS = {
    "vote": re.compile(r"\b(röstade|röstar|rösta|omröstning\w*|votering\w*|röster|röstsiffr\w*|"
                       r"ja-röst\w*|nej-röst\w*)\b", re.IGNORECASE),
    # "Vilka ville bifalla …", "Vilka SD-politiker …", "Vilka socialdemokrater skrev …",
    # "Vilka folkpartister …": people (a party's members as the registry names them)
    "who": re.compile(r"^\W*(vem|vems)\b|\bvilka\s+(\w+-)?(ledamöter|ledamot|politiker|personer|ersättare|"
                      r"ordförande)\b|\bvilka\s+" + members_pattern() + r"|^\W*vilka\s+(ville|vill|ska|skulle|"
                      r"har|hade|\w+(ade|de|te))\b", re.IGNORECASE),
    "figure": re.compile(r"\bhur\s+(många|mycket|stor|stort|stora|hög|högt|höga|lång|långt|länge)\b|"
                         r"\bvad\s+(kostar|kostade)\b|\b(kostnad\w*|belopp\w*|antal\w*|andel\w*|procent\w*|"
                         r"mnkr|tkr|kronor|summa|ram|ramar|resultat\w*)\b", re.IGNORECASE),
    "date": re.compile(r"^\W*när\b|\bvilket\s+datum\b|\bvilken\s+dag\b", re.IGNORECASE),
    "party": re.compile(r"\bvilka\s+partier\b|\bvilket\s+parti\b", re.IGNORECASE),
}
# a year named relative to today ("Vad beslutade nämnden om biblioteksplanen förra året?"), and
# the years from it; not after "jämfört med", "än", "mot", "sedan" (a change against a report's
# own last year: "kostnaderna jämfört med förra året")
_RELATIVE_YEAR = re.compile(r"(?<!jämfört med )(?<!jämfört mot )(?<!\bän )(?<!\bmot )(?<!\bsedan )"
                            r"\b(i fjol|förra året|i år|nästa år)\b", re.IGNORECASE)
_RELATIVE_SHIFT = {"i fjol": -1, "förra året": -1, "i år": 0, "nästa år": 1}


def dated_query(query: str, today: date | None = None) -> str:
    """``query`` with a year named relative to today written as that year ("förra året" in 2026:
    "2025"), as if typed: the year rules and the keyword side then read it as any year. A query
    that names a year of its own keeps its words (its "förra året" is that year's last year)."""
    if YEAR.search(query):
        return query
    year = (today or date.today()).year
    return _RELATIVE_YEAR.sub(lambda m: str(year + _RELATIVE_SHIFT[" ".join(m.group(1).casefold().split())]),
                              query)


def read_question(query: str, bodies: Iterable[str] = ()) -> Question:
    """The places, years and kinds of answer ``query`` names; ``bodies``: the municipality
    values the corpus stores (so that its own kommunalförbund and foreign towns count)."""
    years = {int(y) for y in YEAR.findall(query)}
    kinds = frozenset(k for k, rx in _KINDS.items() if rx.search(query))
    form = sentence_form(query)
    # a money or share word asks a figure only where nothing else asks the question: "Varför höjs
    # avgiften med 3,2 procent?" asks a reason, "Ska nämnderna räkna med löneökningar …?" yes or no
    if form in ("yes/no", "other") and "figure" in kinds and not _FIGURE_ASKED.search(query):
        kinds -= {"figure"}
    # (eighteenth session) a question opened by "Vem" asks who: a "hur många …" inside it is what
    # the one asked is to find out ("vem ska utreda hur många intressenter som ville köpa
    # jordbruksmarken" and "Exploateringsnämnden får i uppdrag att redovisa hur många
    # intressenter …", which states no figure and was no answer), not a figure asked
    if "figure" in kinds and _WHO_FIRST.match(query):
        kinds -= {"figure"}
    places = places_in(query, bodies)
    # a place in the focus ("kostnaden för Alingsås") is the place rule's to check, not the focus's;
    # a vote's figures are "40 Ja mot 38 Nej", whatever it counts ("Hur många ledamöter röstade ja?"):
    # the vote rule checks those
    named = {place_key(w) for p in places for w in p.phrase.split()}
    focus = () if "vote" in kinds else tuple(
        w for n, w in enumerate(focus_of(query)) if n == 0 or place_key(w) not in named)
    people = "who" in kinds and bool(re.search(r"\bvilka\b", query, re.IGNORECASE))
    rate = rate_of(query)
    # "Vilken skattesats …", "Vilken internränta …" ask a figure as "Hur hög …" does; so does a rate
    if (focus and _WHICH_Q.search(query) and _QUANTITY.search(focus[0])) or rate:
        kinds |= {"figure"}
    # a unit is what a figure is asked in: a sentence that asks no figure ("Hur röstade … om
    # budgeten", "Ska nämnderna räkna med löneökningar i sina budgetförslag?") asks it in none; a
    # keyword query ("lomma skattesats 2026") says no more than its words, and keeps it
    unit = unit_of(query) if form == "keywords" or "figure" in kinds else None
    # (a tax rate is money's kin but no price: "21:12 öre per skattekrona" names no kronor amount)
    price = "figure" in kinds and unit == "money" and not _COUNT_Q.search(query) and (
        bool(_COST_Q.search(query)) or bool(_MONEY_ASKED_Q.search(query))
        or bool(focus and _MONEY_Q.fullmatch(focus[0]) and not focus[0].startswith("skattesats")))
    # ("Hur mycket pengar fick …" asks a price; "pengar" is not what the passage must name)
    focus = tuple(w for w in focus if w not in _MONEY)
    opinion = party_opinion(query)
    return Question(places, tuple(sorted(years)), kinds, focus, unit, people, role_of(query), price,
                    voter_of(query), rate, body_of(query), decider_of(query), replaced_of(query), asks_past(query),
                    post_of(query), count="figure" in kinds and bool(_COUNT_Q.search(query)),
                    post_for=detail.post_qualifier(query, post_of(query)), name_of=detail.name_asked(query),
                    query_words=detail.query_words(query), said_by=detail.said_by(query),
                    label=detail.label_asked(query), degree=degree_of(query),
                    position=bool(_POSITION_Q.search(query)) or opinion is not None,
                    opinion=opinion, decision=asks_decision(query, form),
                    done=bool(_DONE_Q.search(query)), day=day_of(query), holder=holder_asked(query),
                    post_body=post_body_of(query), act=act_asked(query), months=months_of(query))


# (twenty-fourth session) who did an act asked: "Vem yrkade …", "Vilka partier ville att …",
# "Vilka partier reserverade sig …", "vem var jävig …", "Vem lämnade protokollsanteckning …": the
# act a § records in a section of its own, where the doers are named (Göteborg's Yrkanden,
# Alingsås's "Förslag till beslut på sammanträdet" where members "föreslår": what a member wanted
# at the meeting is what they proposed; the Reservation, the Jäv, the anteckning). Not "Hur
# röstade SD om M:s yrkande", "omröstning mp:s yrkande …" (a yrkande named, not who made it)
_WHO_DID = re.compile(r"^\W*(?:vem|vilka|vilket\s+parti)\b", re.IGNORECASE)
_ACTS = ((re.compile(r"\bj[aä]vig\w*|\bjäv\b", re.IGNORECASE), ("jav",)),
         (re.compile(r"\breserverade\b", re.IGNORECASE), ("reservation",)),
         (re.compile(r"\bprotokollsanteckning\w*", re.IGNORECASE), ("protokollsanteckning",)),
         (re.compile(r"\bsärskil(?:t|da)\s+(?:yttrande|uttalande)\w*", re.IGNORECASE), ("sarskilt_uttalande",)),
         (re.compile(r"\b(?:yrkade|ville)\b", re.IGNORECASE), ("yrkanden", "forslag")))


def act_asked(query: str) -> tuple[str, ...]:
    """The sections of a § recording the act whose doers a "Vem/Vilka …" question asks ("Vem
    yrkade …", "Vilka ville …": the Yrkanden and the proposals at the meeting; "Vilka partier
    reserverade sig …": the Reservation; "vem var jävig …": the Jäv); () for another query."""
    if not _WHO_DID.search(query):
        return ()
    return next((sections for rx, sections in _ACTS if rx.search(query)), ())


# "Vem har skrivit …", "Vem skrev …", "Vem föreslog …", "Vem anmälde …": an act done, asked of its doer
_DONE_Q = re.compile(r"^\W*vem\s+(?:har|hade)\s+[\wåäö]+(?:at|it|tt|t)\b|"
                     r"^\W*vem\s+(?:skrev|[\wåäö]+(?:ade|de|te|dde))\b", re.IGNORECASE)


_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")
_DAY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\b", re.IGNORECASE)
_ISO_DAY = re.compile(r"\b(?:19|20)\d\d-(\d\d)-(\d\d)\b")


def day_of(query: str) -> str | None:
    """The day of a month a query names, "MM-DD" ("1 juni 2026", "2026-06-01": "06-01"); None
    when it names none or more than one."""
    days = {f"{_MONTHS.index(m.lower()) + 1:02d}-{int(d):02d}" for d, m in _DAY.findall(query)}
    days |= {f"{mm}-{dd}" for mm, dd in _ISO_DAY.findall(query)}
    return next(iter(days)) if len(days) == 1 else None


_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ISO_MONTH = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-\d\d\b")


def months_of(query: str) -> tuple[str, ...]:
    """The months a query names with their year, "YYYY-MM" ("i mars 2018", "1 juni 2026",
    "2026-06-01"); () when it names none (a month without a year, "i mars", names no record's)."""
    named = {f"{y}-{_MONTHS.index(m.lower()) + 1:02d}" for m, y in _MONTH_YEAR.findall(query)}
    named |= {f"{y}-{m}" for y, m in _ISO_MONTH.findall(query)}
    return tuple(sorted(named))


def on_day(day: str | None, text: str, date: str | None) -> bool:
    """Whether a passage is of the day a query names (``Question.day``): its document is dated
    that day (a protocol: its meeting) or its text names the day ("beslutade den 1 juni 2026").
    True when the query names no day. "Vem var sekreterare på kommunstyrelsens sammanträde i
    Alingsås 1 juni 2026?" is answered by the page of who took part in the protocol of that day,
    not by the same page of barn- och ungdomsnämnden's of 16 June."""
    if day is None or (date is not None and date[5:10] == day):
        return True
    return any(f"{_MONTHS.index(m.lower()) + 1:02d}-{int(d):02d}" == day for d, m in _DAY.findall(text)) or any(
        f"{mm}-{dd}" == day for mm, dd in _ISO_DAY.findall(text))


# what was decided asked: "Vad beslutade kommunstyrelsen om …", "Vad beslutades om …", "vad har
# beslutats om …", "Vad har nämnden beslutat …", "Vad blev beslutet om …", "Vilket beslut fattades …",
# and what came of a matter: "Hur gick det med motionen om …", "Vad hände med …" (not "När
# beslutade …", a date, nor "Vem beslutade …", a body); (twenty-fourth session) in the present,
# "Vad beslutar …", and what a body proposes another body decide: "Vad föreslår kommunstyrelsen i
# Alingsås att fullmäktige gör med motionen …", "Vad föreslår tekniska nämnden att kommunstyrelsen
# beslutar om brandvattenplanen?" — the proposal a body sends on is its own decision, the Beslut
# "Förslag till beslut i kommunfullmäktige: Motionen avslås" (not "Vad föreslår motionen …", a
# paper's proposal, nor "Vad föreslår förvaltningen …" without a body to decide)
_DECISION_Q = re.compile(r"\bvad\b[^?.]{0,40}?\b(beslut(ade|ades|ats|at|ar)|beslöts?)\b|"
                         r"\bvad\s+blev\s+beslutet\b|\bvilket\s+beslut\b|"
                         r"\bvad\s+föreslår\b[^?.]{0,60}?\batt\s+(?:\w+\s+){0,2}\w*(?:fullmäktige|styrelsen|nämnden)\b|"
                         r"\bhur\s+gick\s+det\s+(?:med|för)\b|\bvad\s+hände\s+(?:med|sedan)\b", re.IGNORECASE)
# ... and a keyword query naming a decision beside a topic: "kollektivtrafikdialog initiativärende
# liberalerna beslut kommunstyrelsen", "badhuset beslutet fullmäktige" (not the words of a §'s
# parts: "beslutsunderlag", "beslutsgång"; nor "beslut" alone, which names no matter)
_DECISION_WORD = re.compile(r"\b(beslut(et|ade|ades|at|ats)?|beslöts?)\b", re.IGNORECASE)


def asks_decision(query: str, form: str | None = None) -> bool:
    """Whether ``query`` asks what was decided: a question "Vad beslutade …", "Vilket beslut …",
    or a keyword query (``sentence_form``) naming a decision ("beslut", "beslutet", "beslutade")
    and at least one word more, the matter it was taken on."""
    if _DECISION_Q.search(query):
        return True
    if (form or sentence_form(query)) != "keywords":
        return False
    said = _DECISION_WORD.findall(query)
    return bool(said) and len(TOKEN.findall(query)) > len(said)


# a stance asked: a reservation, a yrkande, a särskilt yttrande, a protokollsanteckning, what a
# party ("Ville Liberalerna …", "Vad ville SD …"; not "Hur mycket ville Magdalena Sundqvist …",
# a figure of her motion) or its members "ville" (wanted) in the §; and, asked of who, a bifall, an avslag or a
# proposal ("Vilka ville bifalla …", "Vem föreslog att …"; not "Vad skulle det kosta att bifalla …",
# "Vilka sju nya tågstationer föreslog Västtågsutredningen?", which ask the matter)
_POSITION_Q = re.compile(r"(?i:\b(reserver\w*|reservation\w*|yrka\w*|yrkade|yrkande\w*|motsätt\w*|"
                         r"särskil(t|da)\s+yttrande\w*|protokollsanteckning\w*)\b)|"
                         r"\b[Vv]ille\s+(\w+-)?([A-ZÅÄÖ]{1,3}|\w+(partiet|erna|arna|isterna))\b|"
                         r"(?i:^\W*(vem|vilka|vilket\s+parti)\s+(ville\s+|vill\s+)?(föreslog|bifall\w*|avslag\w*|"
                         r"yrka\w*)\b)")


def stance_matter(query: str) -> str | None:
    """What a question asking a stance asks it on: its words after the stance, or after the party
    whose view it asks ("Vad tyckte KD om …"), from the first preposition on where one follows
    ("Vilka reservationer lämnades mot lokalförsörjningsplanen?": "lokalförsörjningsplanen?", not
    "lämnades"), or after the "om …" of a vote it asks ("Hur röstade SD om avfallstaxan …",
    seventeenth session); None for other questions."""
    m = _POSITION_Q.search(query) or _OPINION_Q.search(query)
    vote = _VOTE_Q.search(query) if m is None else None
    found = m or vote
    if found is None:
        return None
    tail = query[found.end():]
    on = _MATTER_ON.search(tail)
    if vote is not None:
        # a vote's matter only where the question names it after "om", "till", … (not the words of
        # a keyword query: "omröstning tilläggsyrkande arvoden M D L KD november 2023")
        return tail[on.end():] if on else None
    return tail[on.end():] if on else tail


# how a body or a party voted on a matter ("Hur röstade SD om …", "Hur gick omröstningen om …")
_VOTE_Q = re.compile(r"\b(?:röstade|röstar|rösta|omröstning\w*|votering\w*)\b", re.IGNORECASE)


# what a stance is on: "mot …", "om …", "till …", "på …", "angående …", "gällande …", "i frågan om …"
_MATTER_ON = re.compile(r"\b(?:mot|om|till|på|angående|gällande|beträffande|kring|rörande)\b", re.IGNORECASE)


# "Vad tyckte V om beslutet …", "Vad anser Moderaterna om …": a party's view, asked of the party
_OPINION_Q = re.compile(r"^\W*vad\s+(?:tyckte|tycker|ansåg|anser)\s+(?P<who>[\wåäö:]+)", re.IGNORECASE)
_CODE = re.compile(code_pattern(former=True))


def party_opinion(query: str) -> str | None:
    """The party whose view ``query`` asks ("Vad tyckte V om …" -> "V"): a stance, answered by
    the party's reservation, yrkande or särskilt yttrande, not by the decision; None for another query."""
    m = _OPINION_Q.search(query)
    if m is None:
        return None
    who = m.group("who")
    # a code as the parties write it ("V", "SD"; a one-letter code typed alone is a letter to
    # ``party_of_word``), or a party's name in any form
    return party_of_word(who) or (who if _CODE.fullmatch(who) else None)


_DEGREE = re.compile(r"\bhur\s+(stor|stort|stora|hög|högt|höga|lång|långt|långa|länge|dyr|dyrt|dyra|ofta|gammal|"
                     r"gammalt|gamla|jämn|jämnt)\b", re.IGNORECASE)


def degree_of(query: str) -> str | None:
    """The word after "hur" that asks a degree ("Hur stora …": "stora"), lower case; None when none."""
    m = _DEGREE.search(query)
    return m.group(1).casefold() if m else None


# how a query asks: "Ska …", "Har …", "Finns det …", "Upphävdes beslutet …?" ask yes or no; a
# question word ("Vad", "Hur många", "Varför") asks a thing; words without either are keywords
_QUESTION_WORDS = frozenset(["vad", "vem", "vems", "vilken", "vilket", "vilka", "när", "hur", "var", "vart",
                             "varför", "varifrån"])
# a finite verb that opens a yes/no question ("Var" opens "Var ska det byggas …", where: not one)
_YES_NO = frozenset(["ska", "skall", "skulle", "har", "hade", "finns", "fanns", "kommer", "kom", "kan", "kunde",
                     "får", "fick", "blir", "blev", "är", "ville", "vill", "bör", "borde", "måste", "behöver",
                     "behövde", "gäller", "gällde", "brukar", "stämmer", "stämde", "innebär", "påverkar"])
# the question words that ask a figure whatever else the question says
# a question opened by "Vem"/"Vems" (after any quote or dash)
_WHO_FIRST = re.compile(r"\W*vems?\b", re.IGNORECASE)
_FIGURE_ASKED = re.compile(r"\bhur\s+(många|mycket|stor|stort|stora|hög|högt|höga|lång|långt|länge)\b|"
                           r"\bvad\s+(kostar|kostade)\b|^\W*(vad|vilken|vilket|vilka)\b", re.IGNORECASE)


def sentence_form(query: str) -> str:
    """How ``query`` asks: "yes/no" ("Ska nämnderna räkna med …?", "finns det nattvandring i
    alingsås"), "figure" ("Hur många …", "Vad kostar …", "Vad/Vilken …"), "other" for the other
    question words ("Varför …", "När …", "Vem …", "Hur röstade …"), or "keywords"."""
    toks = [w.casefold() for w in TOKEN.findall(query)]
    if not toks:
        return "keywords"
    if toks[0] in _YES_NO or (toks[0] not in _QUESTION_WORDS and query.rstrip().endswith("?")
                              and not _QUESTION_WORDS.intersection(toks[:3])):
        return "yes/no"
    if _FIGURE_ASKED.search(query):
        return "figure"
    if _QUESTION_WORDS.intersection(toks[:3]) or query.rstrip().endswith("?"):
        return "other"
    return "keywords"


# a part of an organisation named with its own name ("socialnämndens", "barn- och ungdomsnämnden",
# "tekniska nämnden", "område HR", "kommunkoncern"); a bare "nämnden" names none
_BODY = re.compile(r"(?<![\wåäö-])((?:[\wåäö]+-\s+och\s+|([\wåäö]+a)\s+)?[\wåäö]*(?:nämnd|styrelse|förvaltning|koncern))"
                   r"(?:en|ens|s|ernas|erna|er)?(?![\wåäö])|\bområde\s+([\wåäö]+)", re.IGNORECASE)


def body_of(query: str) -> str | None:
    """The part of an organisation (a nämnd, a styrelse, a förvaltning, a koncern, an "område")
    whose figure the query asks, lower case and without its ending; None when none is named by
    its own name. "kommunstyrelsen"/"fullmäktige" as the one deciding or voting is not it."""
    for m in _BODY.finditer(query):
        if m.group(3):
            return "område " + m.group(3).casefold()
        name = m.group(1).casefold()
        if m.group(2) and m.group(2).casefold() in STOPWORDS:  # "vilka nämnder": no name
            name = name.split()[-1]
        if name in ("nämnd", "styrelse", "förvaltning", "koncern") or name.endswith("fullmäktige"):
            continue
        return name
    return None


# "När avslog kommunfullmäktige …", "Vilket mål … beslutade kommunfullmäktige", "Vad beslutade
# tekniska nämnden …": the body whose own decision is asked
# (seventeenth session: also typed without å, ä, ö, "nar beslutade kommunfullmaktige i alingsas …")
_DECIDER = re.compile(r"\b(?:beslutade|beslöt|beslot|avslog|antog|biföll|bifoll|fastställde|faststallde|godkände|godkande)\s+"
                      r"(kommunstyrelsen|regionstyrelsen|[\wåäö]*fullm[äa]ktige|(?:[\wåäö]+-\s+och\s+|[\wåäö]+a\s+)?"
                      r"[\wåäö]*n[äa]mnden|direktionen)(?![\wåäö])", re.IGNORECASE)


def decider_of(query: str) -> str | None:
    """The body whose own decision the query asks about, lower case (with its "ä" where the query
    left it out); None for other questions."""
    m = _DECIDER.search(query)
    if m is None:
        return None
    body = m.group(1).casefold()
    return re.sub(r"fullmaktige$", "fullmäktige", re.sub(r"namnden$", "nämnden", body))


_REPLACED = re.compile(r"\b(?:ersatte|ersätter|efterträdde|efterträder|ersättare\s+för|efterträdare\s+till)\s+"
                       r"((?:[A-ZÅÄÖ][\wåäö-]+\s+){0,2}[A-ZÅÄÖ][\wåäö-]+)")
# (issue 11) "Vem blev ny ersättare i fullmäktige i stället för Özlem Sigirci?", "Vem valdes till
# ledamot efter Anna Berg?": the one replaced named after the relation, in a question asking who
# (a person's name of two words or more after "efter": not "efter Kommunfullmäktiges beslut")
_REPLACED_WHO = re.compile(r"^\W*vem\b.*?(?:\bi\s+stället\s+för|\bistället\s+för|\bi\s+st\.\s*f\.)\s+"
                           r"((?-i:(?:[A-ZÅÄÖ][\wåäöéü-]+\s+){0,2}[A-ZÅÄÖ][\wåäöéü-]+))|"
                           r"^\W*vem\b.*?\befter\s+((?-i:(?:[A-ZÅÄÖ][\wåäöéü-]+\s+){1,2}[A-ZÅÄÖ][\wåäöéü-]+))|"
                           # "Vem tog över Dennis Jalonens plats …", "Vem blev Anna Bergs efterträdare?": the
                           # name in the genitive
                           r"^\W*vem\b.*?(?-i:\b((?:[A-ZÅÄÖ][\wåäöéü-]+\s+){1,2}[A-ZÅÄÖ][\wåäöéü-]+?)):?s\s+"
                           r"(?:plats|platser|uppdrag|post|stol|efterträdare|ersättare)\b",
                           re.IGNORECASE)


def replaced_of(query: str) -> str | None:
    """The person (a capitalised name) whose successor "Vem ersatte/efterträdde X", "Vem blev
    ny ersättare … i stället för X" or "Vem tog över X:s plats" asks about; a party after
    "ersättare för" ("Vem blev ny ersättare för Vänsterpartiet?") is whose post it is, no one
    replaced."""
    m = _REPLACED.search(query)
    if m:
        # "ny ersättare för Vänsterpartiet": a party's ersättare (the post), nobody replaced
        return None if all(party_of_word(w) for w in m.group(1).split()) else m.group(1)
    m = _REPLACED_WHO.search(query)
    return (m.group(1) or m.group(2) or m.group(3)) if m else None


# an outcome asked in the past ("fanns", "gjordes", "genomförde", "har … minskat"); a question about a
# goal, a plan, a forecast or a budget asks no outcome
_PAST = re.compile(r"\b(fanns|gjordes|genomförde|genomfördes|blev|hade|uppgick|minskade|ökade|levde|fick|"
                   r"har\s+(?:\S+\s+){0,6}?(?:minskat|ökat|sjunkit|stigit|blivit))\b", re.IGNORECASE)
_NOT_OUTCOME = re.compile(r"\b(mål\w*|målsättning\w*|ska|skulle|plan\w*|prognos\w*|budget\w*|ram\w*|"
                          r"förslag\w*|föreslog|föreslår|ambition\w*)\b", re.IGNORECASE)


def asks_past(query: str) -> bool:
    """Whether the query asks an outcome that was (past tense, not a goal or a plan)."""
    return bool(_PAST.search(query)) and not _NOT_OUTCOME.search(query)



# "Hur röstade kommunstyrelsen …", "Hur röstade barn- och utbildningsnämnden …": the body that voted
# (the word right after the verb, not a genitive: "föll kommunstyrelsens förslag" was voted on in
# fullmäktige)
_VOTER = re.compile(r"\b(?:röstade|röstar|rösta|voterade)\s+(kommunstyrelsen|regionstyrelsen|stadsstyrelsen|"
                    r"[\wåäö]*fullmäktige|(?:[\wåäö]+-\s+och\s+|[\wåäö]+a\s+)?[\wåäö]*nämnden|direktionen)"
                    r"(?![\wåäö])", re.IGNORECASE)


def voter_of(query: str) -> str | None:
    """The body a "Hur röstade X …" question asks the vote of, lower case; None for others."""
    m = _VOTER.search(query)
    return m.group(1).casefold() if m else None


def same_body(voter: str | None, committee: str | None) -> bool:
    """Whether a document of ``committee`` can record ``voter``'s own vote: "fullmäktige" is
    Kommunfullmäktige's and Regionfullmäktige's, "utbildningsnämnden" "Barn- och
    utbildningsnämnden"'s. True when either is not known."""
    if not voter or not committee:
        return True
    base = voter.removesuffix("en") if voter.endswith(("nämnden", "styrelsen", "direktionen")) else voter
    return base in committee.casefold()


# a price asked ("Vad kostar …", "Hur mycket kostade …"); a count is never one ("Hur många tävlingsbidrag …")
# ("Hur mycket har cyberangreppet mot Miljödata kostat …": the verb may stand a few words later)
_COST_Q = re.compile(r"\b(?:vad|hur\s+mycket)\s+(?:\S+\s+){0,5}?(?:kostar|kostade|kostat)\b", re.IGNORECASE)
_WHICH_Q = re.compile(r"^\W*(vilken|vilket|vilka|vad\s+(?:är|var|blir|blev))\b", re.IGNORECASE)
_COUNT_Q = re.compile(r"\bhur\s+många\b", re.IGNORECASE)
# "Hur mycket pengar …" asks an amount of money, whatever focus_of reads after it ("Hur mycket pengar
# delades ut ur …": "pengar" before a passive is read as no noun)
_MONEY_ASKED_Q = re.compile(r"\bhur\s+mycket\s+pengar", re.IGNORECASE)


# "Vem är ordförande …", "Vem blev ny vice ordförande …", "Vem var kommundirektör …"
_ROLE = re.compile(r"^\W*vem\s+(?:är|var|blir|blev|har\s+varit)\s+(?:(?:ny|nya|nytt|nuvarande|tidigare)\s+)?"
                   r"((?:vice\s+)?[\wåäöÅÄÖ-]+)", re.IGNORECASE)


# "Vem avsade sig uppdraget som vice ordförande …", "Vem efterträdde X som ledamot …": the post
_AS_POST = re.compile(r"^\W*vem\b.*?\bsom\s+((?:vice\s+)?(?:ordförande|ledamot|ersättare|suppleant|revisor|"
                      r"[\wåäö]*chef|[\wåäö]*direktör|sekreterare))\b", re.IGNORECASE)


# "Vem valdes till ordförande i styrelsen för …", "Vem utsågs till ny kommundirektör …": the post
# someone was chosen for
_CHOSEN_POST = re.compile(r"^\W*vem\s+(?:valdes|utsågs|väljs|utses|blev\s+vald|blev\s+utsedd|har\s+valts|"
                          r"har\s+utsetts)\s+(?:till|som)\s+(?:(?:ny|nya|nytt)\s+)?((?:vice\s+)?(?:ordförande|ledamot|"
                          r"ersättare|suppleant|revisor|[\wåäö]*chef|[\wåäö]*direktör|sekreterare))\b", re.IGNORECASE)


# (seventeenth session) "Vem är ordförande i …", "Vem var kommundirektör för …", "Vem valdes till
# ordförande i styrelsen för …": who holds a post (a post's noun, not "Vem var jävig i …") of the
# body named after it; not "Vem blev ersättare efter X" nor "Vem var ordförande när …"
_HOLDER_Q = re.compile(r"^\W*vem\s+(?:är|var|blir|blev|(?:valdes|utsågs|väljs|utses)\s+(?:till|som))\s+"
                       r"(?:(?:ny|nya|nytt|nuvarande|tidigare)\s+)?(?:vice\s+)?(?:ordförande|ledamot|ersättare|"
                       r"suppleant|revisor|[\wåäö]*chef|[\wåäö]*direktör|sekreterare)\s+(?:i|för)\s", re.IGNORECASE)


def holder_asked(query: str) -> bool:
    """Whether ``query`` asks who holds a named post of a named body ("Vem är ordförande i
    socialnämnden?"): the answer is a person's name, which a passage on the body's other business
    does not state (``judge.off_asked``)."""
    return bool(_HOLDER_Q.search(query))


# a body's name: up to three words before its head ("barn- och ungdomsnämnden", "räddningstjänstens
# förbundsfullmäktige", "styrelsen", "direktionen")
BODY_NAME = (r"(?:[\wåäö]+-?\s+(?:och\s+)?){0,3}?(?:[\wåäö]*nämnd[\wåäö]*|[\wåäö]*styrelse[\wåäö]*|"
             r"[\wåäö]*fullmäktige[\wåäö]*|direktion[\wåäö]*|valberedning[\wåäö]*)")
# (seventeenth session) the post asked of a body: "… som vice ordförande i barn- och
# ungdomsnämnden", "Vem är ordförande i förskolenämnden …"
_POST_BODY = re.compile(r"\b(?:som|är|var|blev|blir|till)\s+(?:(?:ny|nya|nytt|nuvarande|tidigare)\s+)?(?:vice\s+)?"
                        r"(?:ordförande|ledamot|ersättare|suppleant|sekreterare)\s+(?:i|för)\s+(" + BODY_NAME + ")",
                        re.IGNORECASE)


def post_body_of(query: str) -> str | None:
    """The body, as written, whose post a "Vem …" question asks ("Vem avsade sig uppdraget som vice
    ordförande i barn- och ungdomsnämnden …": "barn- och ungdomsnämnden"); None for others."""
    m = _POST_BODY.search(query) if re.match(r"^\W*vem\b", query, re.IGNORECASE) else None
    return m.group(1) if m else None


def post_of(query: str) -> str | None:
    """The post a "Vem är/var/blev <post> …", "Vem … som <post> …" or "Vem valdes till <post> …"
    question asks about, lower case; None for other questions (``asked.holder_named``)."""
    m = _AS_POST.search(query) or _CHOSEN_POST.search(query)
    return m.group(1).casefold() if m else role_of(query)


def role_of(query: str) -> str | None:
    """The post a "Vem är/var/blev …" question asks the holder of, lower case; None for other
    questions and where a function word follows ("Vem är det som …")."""
    m = _ROLE.search(query)
    if m is None:
        return None
    role = m.group(1).casefold()
    head = role.split()[-1]
    return None if head in STOPWORDS or head in IRREGULAR_VERBS or not head.isalpha() else role


# a rate asked: "per timme", "i timmen", "per elev", "kr/månad"; the stem a passage must hold to state it
# ("år" is left out: "per år" is in half the corpus's figures and seldom written beside them)
_RATE = re.compile(r"(?:\bper\s+|/\s*|\bi\s+)(timme|timma|timmen|tim|månad|månaden|dygn|dygnet|vecka|veckan|"
                   r"elev|eleven|invånare|invånaren|kvadratmeter|kvm|m2|lägenhet|lägenheten|portion|måltid|"
                   r"medarbetare|anställd|årsarbetare|barn|brukare|plats|resa|resan)\b", re.IGNORECASE)
_RATE_STEMS = {"timme": "tim", "timma": "tim", "timmen": "tim", "månaden": "månad", "dygnet": "dygn",
               "veckan": "veck", "vecka": "veck", "eleven": "elev", "invånaren": "invånar", "invånare": "invånar",
               "kvadratmeter": "kvadratmeter|kvm|m2", "kvm": "kvadratmeter|kvm|m2", "m2": "kvadratmeter|kvm|m2",
               "lägenheten": "lägenhet", "resan": "resa"}


def rate_of(query: str) -> str | None:
    """What a rate the query asks is per, as a pattern of stems ("tim" for "per timme", "i
    timmen"); None when the query asks no rate. "i" counts only before a definite time word
    ("i månaden", not "i Alingsås")."""
    for m in _RATE.finditer(query):
        w = m.group(1).casefold()
        if m.group(0).lower().startswith("i") and w not in ("timmen", "månaden", "dygnet", "veckan"):
            continue
        return _RATE_STEMS.get(w, w)
    return None


# what unit a figure question wants: a share, or an amount of money
_PERCENT_Q = re.compile(r"\b(andel\w*|procent\w*)\b|%", re.IGNORECASE)
_MONEY_Q = re.compile(
    r"\b(kostar|kostade|kostat|kostnad\w*|\w*bidrag\w*|budget\w*|(?!fram\b|\w*program)\w*ram(en|ar|arna)?|belopp\w*|\w*avgift\w*|"
    r"\w*hyr(a|an|or|orna)|\w*intäkt\w*|pris(et|er)?|kronor|tkr|mnkr|mkr|anslag\w*|ersättning\w*|"
    r"arvode\w*|\w*lön(en|er)?|skattesats\w*|överskott\w*|underskott\w*|investering\w*|investera\w*|"
    r"betala\w*|pengar\w*)\b",
    re.IGNORECASE)


def unit_of(query: str) -> str | None:
    """The unit a figure question wants: "percent" for a share, "money" for an amount, else None."""
    if _PERCENT_Q.search(query):
        return "percent"
    if _MONEY_Q.search(query):
        return "money"
    return None
