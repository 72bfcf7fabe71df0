"""Removing a person from the corpus on request (``namndkoll redact``).

A municipal registrar or a newsroom asked to take a private person's name out of what it
publishes adds a rule: ``redact_add("Anna Berg")``. In one transaction every stored place the
name occurs is rewritten with a mark of the same length ("[namn borttaget]", corpus/redactions.py
says which forms are matched and how), the person's rows in ``people`` go, their roll-call rows
stay under the mark (a vote's counts still add up), and the passages of the changed documents
are made again from the rewritten text: the keyword index follows at once, the vectors of the
changed passages are dropped and made by the next ``namndkoll index`` (unchanged passages keep
theirs). The rule is kept in the corpus, and every later ingest applies it inside the
transaction that writes a document, so no reader ever sees the name.

The original PDFs on disk are not changed: a newsroom that also publishes them must remove
the name there itself. Removing a rule does not bring the name back; ``ingest --reread`` of
the PDF does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..corpus import opened
from ..corpus.base import Store
from ..errors import NamndkollError


@dataclass(frozen=True)
class Redaction:
    """A rule: the name removed, why, when it was added, and what it changed so far (stored
    places rewritten or removed, in how many documents). ``waiting``: passages whose vectors
    were dropped by this call and wait for ``namndkoll index``."""

    id: int
    name: str
    reason: str = ""
    created_at: str = ""
    places: int = 0
    documents: int = 0
    waiting: int = 0
    other_forms: tuple[tuple[str, int], ...] = ()  # (a spelling left, on how many pages): see _other_forms


def _fold(text: str) -> str:
    """``text`` with each letter's accents and dots dropped, one character for one ("César" ->
    "Cesar", "Åsa" -> "Asa"), so that offsets stay."""
    import unicodedata

    table = {}
    for c in set(text):
        base = unicodedata.normalize("NFD", c)[:1]
        if base != c and base.isalpha():
            table[ord(c)] = base
    return text.translate(table)


def _other_forms(store: Store, name: str) -> tuple[tuple[str, int], ...]:
    """After a rule: the spellings of ``name`` that differ in accents only and are still in the
    stored page texts (the records of Alingsås write both "Anton Cesár" and "Anton César"), with
    how many pages each is on; the rule does not take them, the registrar is told."""
    from ..corpus.redactions import name_pattern

    pattern = name_pattern(_fold(name))
    found: dict[str, int] = {}
    for listed in store.list_documents():
        for page in store.load_document(listed.id).pages:
            text = page.text or ""
            seen = {" ".join(text[m.start():m.end()].split()) for m in pattern.finditer(_fold(text))}
            for form in seen:
                found[form] = found.get(form, 0) + 1
    return tuple(sorted(found.items(), key=lambda f: (-f[1], f[0])))


def _redaction(row: dict[str, Any], waiting: int = 0) -> Redaction:
    return Redaction(row["id"], row["name"], row["reason"], row["created_at"], row["places"], row["documents"],
                     waiting)


def apply_rules(store: Store, document_ids: list[int] | None = None,
                rules: list[tuple[int, str]] | None = None) -> int:
    """Inside a transaction: the corpus's rules (or ``rules``) applied to ``document_ids`` (None:
    every document), the changed documents' passages made again, the rules' counts updated.
    Returns how many passages wait for a vector. Called by ``redact_add`` and, for each
    document it writes, by ingest."""
    if rules is None:
        rules = [(r["id"], r["name"]) for r in store.redaction_rules()]
    if not rules:
        return 0
    tally = store.apply_redactions(rules, document_ids)
    waiting = 0
    for doc_id in sorted(tally.changed):
        waiting += _passages_again(store, doc_id)
    store.count_redactions(tally)
    return waiting


def _passages_again(store: Store, doc_id: int) -> int:
    """The passages of a document whose text was rewritten, made again from it (only where it
    had passages): the keyword index follows, an unchanged passage keeps its vector, a changed
    one waits for ``namndkoll index``, and the vectors of the old texts are forgotten."""
    from ..search.index import CHUNKER, chunk_contexts, chunk_document, chunk_hash

    chunker, old = store.load_chunks(doc_id)
    if chunker is None:
        return 0
    doc = store.load_document(doc_id)
    chunks = chunk_document(doc)
    ctx = chunk_contexts(doc, chunks)
    hashes = [chunk_hash(c, x) for c, x in zip(chunks, ctx)]
    vectors = {h: v for _c, h, _x, v in old if v is not None}
    store.replace_chunks(doc_id, chunks, hashes, CHUNKER, ctx)
    keep = [(cid, vectors[h]) for cid, h in zip(store.chunk_ids(doc_id), hashes) if h in vectors]
    if keep:
        import numpy as np

        rec = store.get_model()
        store.insert_vectors([k[0] for k in keep], np.stack([k[1] for k in keep]), rec.center if rec else None)
    store.forget_text(sorted({h for _c, h, _x, _v in old} - set(hashes)))
    return len(chunks) - len(keep)


def redact_add(name: str, *, reason: str | None = None, db: str | Path | None = None) -> Redaction:
    """Remove ``name`` ("Förnamn Efternamn") from every stored document, now and at every later
    ingest, in one transaction (a crash leaves the corpus as it was before or as it is after).
    The original PDFs on disk are not changed."""
    name = " ".join(name.split())
    if not name:
        raise NamndkollError('give the name to remove, e.g. namndkoll redact add "Anna Berg"')
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    with opened(db, write=True) as store:
        with store.transaction():
            rule = store.add_redaction(name, (reason or "").strip(), when)
            waiting = apply_rules(store, None, [(rule["id"], rule["name"])])
        store.after_redaction()
        row = next(r for r in store.redaction_rules() if r["id"] == rule["id"])
        others = _other_forms(store, rule["name"])
    return replace(_redaction(row, waiting), other_forms=others)


def redact_list(*, db: str | Path | None = None) -> list[Redaction]:
    """Every rule, oldest first, with what each changed."""
    with opened(db) as store:
        return [_redaction(r) for r in store.redaction_rules()]


def redact_remove(ref: str | int, *, db: str | Path | None = None) -> Redaction:
    """Remove a rule (its number, or its name): later ingests keep the name. What it removed
    stays removed (the stored text no longer has it); ``ingest --reread`` reads it again."""
    with opened(db, write=True, create=False) as store:
        return _redaction(store.remove_redaction(ref))
