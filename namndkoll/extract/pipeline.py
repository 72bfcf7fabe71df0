"""The whole extraction of one document: figures, parties, people, decisions, votes,
positions and entities. Runs in ingest's worker processes, so every model or table is
loaded once per process (module-level caches in the stages it calls)."""

from __future__ import annotations

from typing import Any

from ..types import Document, Extraction
from .decisions import find_decisions
from .figures import find_figures
from .ner import find_entities
from .parties import find_parties
from .people import find_people
from .positions import find_positions
from .votes import find_votes


def extract_document(doc: Document) -> Extraction:
    """Everything namndkoll reads out of ``doc``, each thing with its page and offsets."""
    parties = find_parties(doc)
    people = find_people(doc)
    decisions = tuple(find_decisions(doc))
    votes = tuple(find_votes(doc, people))
    positions = tuple(find_positions(doc, people, parties))
    entities = tuple(find_entities(doc))
    return Extraction(
        figures=find_figures(doc),
        parties=parties,
        people=people,
        decisions=decisions,
        votes=votes,
        positions=positions,
        entities=entities,
    )


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 6)


def extraction_json(doc: Document, ext: Extraction) -> dict[str, Any]:
    """The ``namndkoll extract --json`` shape (issue 3): users script against these keys."""
    md = doc.metadata
    return {
        "document": {
            "source": doc.source, "sha256": doc.sha256, "pages": len(doc.pages), "title": md.title,
            "municipality": md.municipality, "committee": md.committee, "doc_type": md.doc_type,
            "date": md.date, "diarienummer": list(md.diarienummer), "paragraphs": [i.number for i in doc.items],
        },
        "figures": [
            {"kind": f.kind, "value": _num(f.value), "unit": f.unit, "qualifier": f.qualifier, "per": f.per,
             "value_to": None if f.value_to is None else _num(f.value_to), "text": f.text, "sentence": f.sentence, "page": f.page, "start": f.start, "end": f.end}
            for f in ext.figures
        ],
        "parties": [{"code": p.code, "text": p.text, "page": p.page, "original": p.original, "local": p.local}
                    for p in ext.parties],
        "people": [{"name": p.name, "party": p.party, "role": p.role, "page": p.page,
                    "party_original": p.party_original} for p in ext.people],
        "decisions": [
            {"body": d.body, "status": d.status, "date": d.date, "item": d.item, "text": d.text,
             "clauses": list(d.clauses), "page": d.page}
            for d in ext.decisions
        ],
        "votes": [
            {"item": v.item, "yes": v.yes, "no": v.no, "abstain": v.abstain, "absent": v.absent,
             "proposition": v.proposition, "page": v.page, "note": v.note,
             "roll_call": [{"name": e.name, "party": e.party, "vote": e.vote, "role": e.role, "page": e.page,
                            "note": e.note} for e in v.roll_call]}
            for v in ext.votes
        ],
        "positions": [{"parties": list(p.parties), "kind": p.kind, "text": p.text, "page": p.page}
                      for p in ext.positions],
        "entities": [{"text": e.text, "label": e.label, "page": e.page, "start": e.start, "end": e.end}
                     for e in ext.entities],
    }


def extract_file(path: str, *, ocr: bool | None = None) -> tuple[Document, Extraction]:
    """Read one PDF (nothing stored) and extract everything from it."""
    from ..ingest import read_document

    doc = read_document(path, ocr=ocr)
    return doc, extract_document(doc)
