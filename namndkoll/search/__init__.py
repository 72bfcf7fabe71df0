"""search stage: chunks, the sqlite-vec + FTS5 index, hybrid search, compare, cite.

Functions taking ``conn`` work on an open corpus (``namndkoll.corpus.db.open_db``); the
``*_db`` helpers open the database themselves and pick the embedding model the index was
built with, which is what the CLI calls.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ModelError
from ..types import Hit
from .chunking import chunk_document
from .cite import citation_pack_csv, citation_pack_markdown, format_citation
from .compare import Comparison, GroupBy, compare
from .embedder import Embedder
from .hybrid import Mode, search
from .index import IndexReport, index_corpus, index_status

__all__ = [
    "Comparison",
    "Embedder",
    "GroupBy",
    "Hit",
    "IndexReport",
    "Mode",
    "chunk_document",
    "citation_pack_csv",
    "citation_pack_markdown",
    "cite_db",
    "compare",
    "compare_db",
    "embedder_for",
    "evaluate_db",
    "format_citation",
    "index_corpus",
    "index_db",
    "index_status",
    "search",
    "search_db",
    "status_db",
]


def embedder_for(conn: Any, model: str | None = None) -> Embedder:
    """The embedder to query this index with: ``model`` if given, else the one the index was
    built with (``get_embedder`` accepts every model id it records), else the default."""
    from ..corpus import index as sql
    from .embed import get_embedder

    rec = sql.get_model(conn)
    if model is not None or rec is None:
        return get_embedder(model)
    try:
        return get_embedder(rec.model_id)
    except ModelError as exc:
        raise ModelError(f"the index was built with {rec.model_id}, which cannot be loaded here ({exc}); "
                         f"rebuild it with `namndkoll index --model NAME --rebuild`") from exc


def search_db(query: str, *, db: str | Path | None = None, model: str | None = None,
              mode: Mode = "hybrid", **kwargs: Any) -> list[Hit]:
    """``search`` on the corpus at ``db`` (filters as keyword arguments)."""
    from ..corpus.db import open_db

    conn = open_db(db)
    try:
        emb = embedder_for(conn, model) if mode != "keyword" else None
        return search(conn, query, emb, mode=mode, **kwargs)
    finally:
        conn.close()


def compare_db(topic: str, *, db: str | Path | None = None, model: str | None = None,
               mode: Mode = "hybrid", **kwargs: Any) -> Comparison:
    from ..corpus.db import open_db

    conn = open_db(db)
    try:
        emb = embedder_for(conn, model) if mode != "keyword" else None
        return compare(conn, topic, emb, mode=mode, **kwargs)
    finally:
        conn.close()


def index_db(*, db: str | Path | None = None, model: str | None = None, rebuild: bool = False,
             progress: Any = None) -> IndexReport:
    """(Re)build the search index of the corpus at ``db``."""
    from ..corpus.db import open_db

    conn = open_db(db)
    try:
        if model is not None or rebuild:
            from .embed import get_embedder

            emb = get_embedder(model)
        else:
            emb = embedder_for(conn, None)
        return index_corpus(conn, emb, progress=progress, rebuild=rebuild)
    finally:
        conn.close()


def status_db(*, db: str | Path | None = None) -> dict[str, Any]:
    from ..corpus.db import open_db

    conn = open_db(db)
    try:
        return index_status(conn)
    finally:
        conn.close()


def cite_db(query: str | None, *, chunk_ids: list[int] | None = None, pick: list[int] | None = None,
            fmt: str = "markdown", db: str | Path | None = None, model: str | None = None,
            **kwargs: Any) -> str:
    """A citation pack (Markdown with footnotes, or CSV) of chunks by id, or of the hits of
    ``query`` (``pick``: 1-based hit numbers to keep, as `namndkoll search` numbers them)."""
    from ..corpus.db import open_db
    from .hybrid import hits_for_chunks

    conn = open_db(db)
    try:
        if chunk_ids:
            hits = hits_for_chunks(conn, chunk_ids)
        else:
            hits = search(conn, query or "", embedder_for(conn, model), **kwargs)
        if pick:
            hits = [hits[i - 1] for i in pick if 1 <= i <= len(hits)]
    finally:
        conn.close()
    if fmt == "csv":
        return citation_pack_csv(hits)
    return citation_pack_markdown(hits, title=query)


def evaluate_db(questions: list[dict[str, Any]], *, db: str | Path | None = None, model: str | None = None,
                modes: tuple[Mode, ...] = ("keyword", "dense", "hybrid")) -> dict[str, dict[str, float]]:
    from ..corpus.db import open_db
    from .hybrid import evaluate

    conn = open_db(db)
    try:
        return evaluate(conn, embedder_for(conn, model), questions, modes=modes)
    finally:
        conn.close()
