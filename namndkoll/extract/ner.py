"""Named entities in Swedish records: a trained NER plus rule components for Swedish bodies.

``find_entities(doc)`` runs the pipeline shipped in ``extract/models/ner-sv`` (trained by
``namndkoll ner train`` on CC BY 4.0 data; see its ``meta.json``) and the
``namndkoll_bodies_v1`` component, which marks parties (label ``PARTY``), committees, boards
and Swedish public bodies (label ``ORG``); where a rule and the model overlap, the rule wins.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError
from ..registry import code_pattern, names_pattern
from ..types import Document, Entity

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_DIR = Path(__file__).resolve().parent / "models" / "ner-sv"
SPANS_KEY = "namndkoll_bodies"

# Abbreviations the blank Swedish tokenizer splits (it already keeps t.ex., bl.a., S:t, p.g.a.)
SPECIAL_CASES = ("Ordf.", "ordf.", "ca.", "Ca.", "enl.", "Dnr.", "dnr.", "st.", "f.d.", "jfr.")

# ---- rules ------------------------------------------------------------------------------

# parties from the one registry: names with their inflections and older names (only where
# written with a capital, as a name), codes in parentheses ("(C)", "(fp)" after a space)
_PARTY_NAMES = names_pattern()
_CODES = code_pattern(former=True)
_PARTY = re.compile(
    r"(?<=\()(?:" + _CODES + r")(?=\))"  # codes in parentheses: "Karin Ernlund (C)"
    r"|(?<= \()(?:" + code_pattern(former=True, lower=True) + r")(?=\))"  # "Anna Ek (s)"
)

_AUTHORITIES = (
    "Arbetsförmedlingen", "Försäkringskassan", "Sveriges [Kk]ommuner och [Rr]egioner", "SKR",
    "Socialstyrelsen", "IVO", "Inspektionen för vård och omsorg", "Migrationsverket", "Skatteverket",
    r"Länsstyrelsen(?: i (?:[A-ZÅÄÖ]\w+ ){1,2}län)?", "Polisen", "Polismyndigheten",
    "Kronofogden", "Kriminalvården", "Skolverket", "Skolinspektionen", "Boverket", "Trafikverket",
    "Naturvårdsverket", "Folkhälsomyndigheten", "Statens institutionsstyrelse", "SiS",
    "Kammarkollegiet", "Riksdagen", "Regeringen", "Regeringskansliet", "Riksrevisionen",
    "Pensionsmyndigheten", "CSN", "Arbetsmiljöverket", "MSB",
    "Myndigheten för samhällsskydd och beredskap", "Livsmedelsverket", "Jordbruksverket",
    "Energimyndigheten", "Lantmäteriet", "Transportstyrelsen", "Tillväxtverket", "Upphandlingsmyndigheten",
    "Åklagarmyndigheten", "Justitieombudsmannen", "JO", "Diskrimineringsombudsmannen",
    "Domstolsverket", r"(?:Förvaltningsrätten|Kammarrätten|Tingsrätten) i [A-ZÅÄÖ]\w+",
    "Högsta förvaltningsdomstolen", "Migrationsdomstolen", "Statistiska centralbyrån", "SCB",
    "Tullverket", "Försvarsmakten", "Sida", "Vinnova", "E-hälsomyndigheten", "Tandvårdsenheten",
    "Stadsrevisionen", "Stadsledningskontoret", "Revisionskontoret", "Europeiska unionen", "EU",
    r"Region [A-ZÅÄÖ]\w+(?:[ -][A-ZÅÄÖ]\w+)?", r"(?:Västra )?[A-ZÅÄÖ]\w+regionen",
    r"[A-ZÅÄÖ]\w+ (?:kommun|stad|Stad)", "Göteborgs Stad", "Stockholms stad",
)
_AUTHORITY = re.compile(r"\b(?:" + "|".join(_AUTHORITIES) + r")s?\b")
# committees and boards: Socialnämnden, kommunstyrelsens, Stadsbyggnadsnämnden, Kommunfullmäktige,
# Socialförvaltningen; a compound with at least three letters before the head word
_COMMITTEE = re.compile(
    r"\b(?:[A-ZÅÄÖa-zåäö]\w+- och )?[A-ZÅÄÖa-zåäö][\w-]{2,}?(?:nämnd(?:en|ens|s|er|erna|ernas)?|styrelse(?:n|ns|s|r|rna|rnas)?"
    r"|förvaltning(?:en|ens|s|ar|arna|arnas)?)\b"
    r"|\b(?:[Kk]ommun|[Rr]egion|[Ll]andstings)?[Ff]ullmäktige(?:s)?\b"
)
_NOT_BODIES = {"valnämnd", "ledningsstyrelse", "ungdomsstyrelse", "bolagsstyrelse", "bolagsstyrelser",
               "bolagsstyrelsen", "bolagsstyrelserna"}


def rule_spans(text: str) -> list[tuple[int, int, str]]:
    """Parties (PARTY) and bodies (ORG) found by rules in ``text``: (start, end, label)."""
    out: list[tuple[int, int, str]] = []
    for m in _PARTY_NAMES.finditer(text):
        if m.group()[0].isupper():
            out.append((m.start(), m.end(), "PARTY"))
    for m in _PARTY.finditer(text):
        out.append((m.start(), m.end(), "PARTY"))
    for m in _AUTHORITY.finditer(text):
        out.append((m.start(), m.end(), "ORG"))
    for m in _COMMITTEE.finditer(text):
        if m.group().lower() not in _NOT_BODIES:
            out.append((m.start(), m.end(), "ORG"))
    out.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in out:  # longest first at each start; drop anything overlapping a kept span
        if not kept or s[0] >= kept[-1][1]:
            kept.append(s)
    return kept


def add_special_cases(nlp: Language) -> None:
    tokenizer: Any = nlp.tokenizer
    for case in SPECIAL_CASES:
        tokenizer.add_special_case(case, [{"ORTH": case}])


def _register() -> None:
    from spacy.language import Language

    if "namndkoll_bodies_v1" in Language.factories:
        return

    @Language.factory("namndkoll_bodies_v1")
    def make_bodies(nlp: Language, name: str) -> BodiesRuler:
        return BodiesRuler(nlp, name)


class BodiesRuler:
    """Marks parties and public bodies; writes ``doc.spans[SPANS_KEY]`` and overrides ``doc.ents``."""

    def __init__(self, nlp: Language, name: str = "namndkoll_bodies") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from spacy.util import filter_spans

        spans: list[Span] = []
        for start, end, label in rule_spans(doc.text):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        spans = filter_spans(spans)
        doc.spans[SPANS_KEY] = spans
        taken = {t.i for s in spans for t in s}
        model = [_relabel(e) for e in doc.ents
                 if not any(t.i in taken for t in e) and not _heading_word(e)]
        doc.ents = sorted(spans + model, key=lambda s: s.start)
        return doc


# role words that open a sentence capitalised and get swallowed into the name that follows
_TITLES = {"ordföranden", "ordförande", "ledamoten", "ledamot", "ledamöterna", "ersättaren",
           "ersättare", "tjänstgörande", "kommunalrådet", "kommunalråd", "oppositionsrådet",
           "borgarrådet", "vice", "förste", "andre", "sekreteraren", "sekreterare", "handläggaren",
           "förvaltningschefen", "förvaltningschef", "stadsdirektören", "justeraren", "revisorn",
           "ministern", "statsminister", "statsministern", "herr", "fru", "dr"}


# capitalised words of Swedish records (headings, list openers) the news-trained model takes
# for names when they stand alone at the start of a line
_RECORD_WORDS = {
    "beslut", "bilaga", "bilagor", "fråga", "frågor", "frågestund", "ärendet", "ärende", "ärenden",
    "yrkanden", "yrkande", "protokoll", "protokollet", "reservation", "reservationer", "handling",
    "handlingar", "till", "från", "granskning", "sammanträdesdatum", "justering", "justerare",
    "paragraf", "omröstning", "propositionsordning", "protokollsanteckning", "särskilt", "yttrande",
    "motion", "interpellation", "svar", "förslag", "sammanfattning", "bakgrund", "bedömning",
    "underlag", "ekonomi", "dnr", "sida", "användning", "närvarande", "ledamöter", "ersättare",
    "anmälan", "val", "avsägelse", "avsägelser", "upphävande", "revisionsrapport", "yttranden",
    "expedieras", "expediering", "beslutsunderlag", "remiss", "remissvar", "tjänsteutlåtande",
    "tjänsteskrivelse", "ordförande", "sekreterare", "justeras", "bordläggning", "återremiss",
    "förste", "andre", "tredje", "vice",
}


def _heading_word(ent: Span) -> bool:
    return len(ent) == 1 and ent[0].lower_ in _RECORD_WORDS


_CODE_SET = frozenset(c.replace("\\", "") for c in _CODES.split("|"))


def _relabel(ent: Span) -> Span:
    """A bare party code the model took for a name ("från C, L och KD") is a party."""
    if ent.text in _CODE_SET:
        return _span(ent, ent.start, "PARTY")
    return _trim_title(ent)


def _trim_title(ent: Span) -> Span:
    if ent.label_ != "PER":
        return ent
    i = ent.start
    while i < ent.end - 1 and ent.doc[i].lower_ in _TITLES:
        i += 1
    return ent if i == ent.start else _span(ent, i)


def _span(ent: Span, start: int, label: str | None = None) -> Span:
    from spacy.tokens import Span

    return Span(ent.doc, start, ent.end, label=label or ent.label_)


# ---- the pipeline -----------------------------------------------------------------------


def load_ner(path: Path | str | None = None, *, rules: bool = True) -> Language:
    """The spaCy pipeline: shipped model (or ``path``) + the ``namndkoll_bodies_v1`` rules.

    The default pipeline is loaded once per process and cached.
    """
    if path is None:
        return _load_default(rules)
    return _load(Path(path), rules)


@lru_cache(maxsize=2)
def _load_default(rules: bool) -> Language:
    return _load(MODEL_DIR, rules)


def _load(path: Path, rules: bool) -> Language:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover
        raise ModelError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from exc
    if not (path / "config.cfg").is_file():
        raise ModelError(f"no NER model at {path}: reinstall namndkoll or run `namndkoll ner train`")
    _register()
    try:
        nlp = spacy.load(path)
    except Exception as exc:
        raise ModelError(f"could not load the NER model at {path}: {exc}") from exc
    if rules and "namndkoll_bodies" not in nlp.pipe_names:
        nlp.add_pipe("namndkoll_bodies_v1", name="namndkoll_bodies", last=True)
    return nlp


_MAX_CHUNK = 2000
_WRAPPED = 40  # characters: a line at least this long was wrapped, not ended
_LONE_NL = re.compile(r"(?<!\n)\n(?!\n)")


def _join_lines(text: str) -> str:
    """Lone newlines after a full (wrapped) line become spaces; after a short line (a heading,
    a list entry, a signature) they stay, so "Beslut\nKarin Ernlund" is not one name."""

    def repl(m: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, m.start()) + 1
        return " " if m.start() - line_start >= _WRAPPED else "\n"

    return _LONE_NL.sub(repl, text)


def _chunks(text: str) -> list[tuple[int, str]]:
    """A page in pieces of at most ~2,000 characters, cut at a blank line where possible.

    Lone newlines in running text become spaces (same length, so offsets hold): a name
    broken over two lines is still one name to the model (see ``_join_lines``).
    """
    out: list[tuple[int, str]] = []
    pos, n = 0, len(text)
    while pos < n:
        end = n
        if n - pos > _MAX_CHUNK:
            lo, hi = pos + _MAX_CHUNK // 2, pos + _MAX_CHUNK
            cut = text.rfind("\n\n", lo, hi)
            if cut < 0:
                cut = text.rfind("\n", lo, hi)
            if cut < 0:
                cut = text.rfind(" ", lo, hi)
            end = cut + 1 if cut >= 0 else hi
        piece = text[pos:end]
        if piece.strip():
            out.append((pos, _join_lines(piece.replace("\t", " "))))
        pos = end
    return out


def find_entities(doc: Document, *, nlp: Language | None = None) -> tuple[Entity, ...]:
    """PER/ORG/LOC/MISC from the model and PARTY/ORG from the rules, with offsets into ``doc.text``."""
    nlp = nlp or load_ner()
    jobs = [(chunk, (page.number, page.start + off)) for page in doc.pages
            for off, chunk in _chunks(page.text)]
    full = doc.text
    out: list[Entity] = []
    for sdoc, (number, base) in nlp.pipe(jobs, as_tuples=True, batch_size=64):
        for ent in sdoc.ents:
            raw = ent.text
            text = raw.strip()
            if not text:
                continue
            start = base + ent.start_char + (len(raw) - len(raw.lstrip()))
            end = start + len(text)
            out.append(Entity(full[start:end], ent.label_, number, start, end))
    return tuple(out)


def entities_in_text(text: str, *, nlp: Language | None = None) -> tuple[Entity, ...]:
    """The same for a plain string (page 1)."""
    from ..types import Page

    return find_entities(Document(source="<text>", sha256="", pages=(Page(1, text),)), nlp=nlp)
