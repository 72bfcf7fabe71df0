"""search stage: chunks, the sqlite-vec + FTS5 index, hybrid search, compare, cite.

Functions taking ``store`` work on an open corpus (``namndkoll.corpus.open_store``, or a raw SQLite connection); the
``*_db`` helpers open the database themselves and pick the embedding model the index was
built with, which is what the CLI calls.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError, NamndkollError
from ..types import Hit

if TYPE_CHECKING:
    from .chunking import chunk_document
    from .cite import citation_pack_csv, citation_pack_markdown, format_citation
    from .compare import Comparison, GroupBy, MatrixItem, Stance, compare, comparison_json
    from .embedder import Embedder
    from .hybrid import Mode, search
    from .index import IndexReport, index_corpus, index_status

# The public names of the stage's modules, imported on first use: `namndkoll figures`, `votes` and
# `positions` cite through .cite, and importing the package must not load hybrid search, compare
# and numpy for that (a quarter of a second of every such command).
_LAZY = {
    "chunk_document": "chunking",
    "citation_pack_csv": "cite", "citation_pack_markdown": "cite", "format_citation": "cite",
    "Comparison": "compare", "GroupBy": "compare", "MatrixItem": "compare", "Stance": "compare",
    "compare": "compare", "comparison_json": "compare",
    "Embedder": "embedder",
    "Mode": "hybrid", "search": "hybrid",
    "IndexReport": "index", "index_corpus": "index", "index_status": "index",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


class _Stage(types.ModuleType):
    """The package keeps ``compare`` the function when its submodule ``compare`` is first imported
    (the import system then sets the package's attribute to the module: loaded eagerly, the
    ``from .compare import compare`` above it rebound the name; loaded lazily nothing would)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _LAZY:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Stage

__all__ = [
    "Comparison",
    "Embedder",
    "GroupBy",
    "Hit",
    "IndexReport",
    "MatrixItem",
    "Mode",
    "Stance",
    "check_query",
    "chunk_document",
    "citation_pack_csv",
    "citation_pack_markdown",
    "cite_db",
    "compare",
    "compare_db",
    "comparison_json",
    "embedder_for",
    "evaluate_db",
    "format_citation",
    "index_corpus",
    "index_db",
    "index_status",
    "rebuild_graph_db",
    "search",
    "search_db",
    "status_db",
]


# A query is words a person typed: a word of thousands of letters or a pasted page makes the
# keyword side's compound splitting slow (a 10,000-letter word took 17 s) and finds nothing.
MAX_QUERY_WORDS = 40
MAX_WORD_LETTERS = 48


def check_query(query: str) -> None:
    """NamndkollError (saying what to change) for a query beyond the limits above."""
    from .hybrid import words

    found = words(query)
    longest = max(found, key=len, default="")
    if len(longest) > MAX_WORD_LETTERS:
        raise NamndkollError(f"a query word of {len(longest)} letters ({longest[:20]}…): words of at most "
                             f"{MAX_WORD_LETTERS} letters are searched; shorten it")
    if len(found) > MAX_QUERY_WORDS:
        raise NamndkollError(f"the query has {len(found)} words: at most {MAX_QUERY_WORDS} are searched; "
                             "keep the words that matter")


def _check_mode(mode: str) -> None:
    from typing import get_args

    from .hybrid import Mode

    if mode not in get_args(Mode):
        raise NamndkollError(f"no search mode {mode!r}: use one of {', '.join(get_args(Mode))}")


def embedder_for(store: Any, model: str | None = None) -> Embedder:
    """The embedder to query this index with: ``model`` if given, else the one the index was
    built with (``get_embedder`` accepts every model id it records), else the default."""
    from ..corpus import as_store
    from .embed import get_embedder

    rec = as_store(store).get_model()
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
    from ..corpus import opened
    from .hybrid import search

    check_query(query)
    _check_mode(mode)
    with opened(db) as store:
        emb = embedder_for(store, model) if mode != "keyword" else None
        return search(store, query, emb, mode=mode, **kwargs)


def compare_db(topic: str, *, db: str | Path | None = None, model: str | None = None,
               mode: Mode = "hybrid", **kwargs: Any) -> Comparison:
    from ..corpus import opened
    from .compare import compare

    check_query(topic)
    _check_mode(mode)
    with opened(db) as store:
        emb = embedder_for(store, model) if mode != "keyword" else None
        return compare(store, topic, emb, mode=mode, **kwargs)


def index_db(*, db: str | Path | None = None, model: str | None = None, rebuild: bool = False,
             progress: Any = None, wait: bool = True, note: Any = None) -> IndexReport:
    """(Re)build the search index of the corpus at ``db`` (``wait``, ``note``: for passages
    another run is embedding now, see ``index_corpus``)."""
    from ..corpus import opened
    from .index import index_corpus

    with opened(db, write=True, create=False) as store:
        if model is not None or rebuild:
            from .embed import get_embedder

            emb = get_embedder(model)
        else:
            emb = embedder_for(store, None)
        return index_corpus(store, emb, progress=progress, rebuild=rebuild, wait=wait, note=note)


def rebuild_graph_db(*, db: str | Path | None = None) -> dict[str, Any]:
    """Build a served corpus's vector search graph (PostgreSQL's HNSW) again in one pass with
    today's settings, without embedding anything: a corpus made before the settings changed
    keeps the graph it grew until this is run. SQLite scans its vectors and has no graph."""
    from ..corpus import opened

    with opened(db, write=True, create=False) as store:
        build = getattr(store, "build_vector_index", None)
        if build is None:
            raise NamndkollError("only a PostgreSQL corpus has a vector graph to rebuild; a SQLite corpus "
                                 "compares every vector exactly, so there is nothing to do")
        from ..corpus import pg_index

        seconds = build()
        return {"graph_seconds": seconds, "m": pg_index.HNSW_M, "ef_construction": pg_index.HNSW_EF_CONSTRUCTION}


def status_db(*, db: str | Path | None = None) -> dict[str, Any]:
    from ..corpus import opened
    from .index import index_status

    with opened(db) as store:
        return index_status(store)


def cite_db(query: str | None, *, chunk_ids: list[int] | None = None, pick: list[int] | None = None,
            fmt: str = "markdown", db: str | Path | None = None, model: str | None = None,
            **kwargs: Any) -> str:
    """A citation pack (Markdown with footnotes, or CSV) of chunks by id, or of the hits of
    ``query`` (``pick``: 1-based hit numbers to keep, as `namndkoll search` numbers them)."""
    from ..corpus import opened
    from .cite import citation_pack_csv, citation_pack_markdown
    from .hybrid import hits_for_chunks, search

    check_query(query or "")
    with opened(db) as store:
        if chunk_ids:
            hits = hits_for_chunks(store, chunk_ids)
            gone = sorted(set(chunk_ids) - {h.chunk_id for h in hits})
            if gone:  # a chunk id of another corpus, or of a document read again since
                raise NamndkollError(f"no passage {', '.join(map(str, gone))} in this corpus: take the chunk ids "
                                     "from `namndkoll search --json` on this --db")
        else:
            hits = search(store, query or "", embedder_for(store, model), **kwargs)
        if not chunk_ids and not hits:
            raise NamndkollError(f"no good match for {query!r}: nothing to cite (try other words or fewer filters)")
        if pick:
            missing = [i for i in pick if not 1 <= i <= len(hits)]
            if missing:
                # an empty or shorter pack without a word read as if those hits had nothing in them
                raise NamndkollError(
                    f"no hit {', '.join(map(str, missing))}: the search gave {len(hits)} "
                    f"{'hit' if len(hits) == 1 else 'hits'} (--limit N gives more; `namndkoll search` numbers them)")
            hits = [hits[i - 1] for i in pick]
    if fmt == "csv":
        return citation_pack_csv(hits)
    return citation_pack_markdown(hits, title=query)


def evaluate_db(questions: list[dict[str, Any]], *, db: str | Path | None = None, model: str | None = None,
                modes: tuple[Mode, ...] = ("keyword", "dense", "hybrid")) -> dict[str, dict[str, Any]]:
    from ..corpus import opened
    from .evaluation import evaluate

    with opened(db) as store:
        return evaluate(store, embedder_for(store, model), questions, modes=modes)
