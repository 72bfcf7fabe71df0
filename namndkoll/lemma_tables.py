"""spaCy's lemma lookup tables (spacy-lookups-data: inflected form -> base form) read from their
files. The one reader of them, for the figures' base forms (``extract.figure_lemmas``, which
also keeps an SQLite copy under ``cache_home()``) and the reader's lexicon (``ingest.readable``,
a word list beside it); a module of its own, like ``home``, so neither stage imports the other.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path


def table_file(lang: str) -> Path | None:
    """Where spacy-lookups-data keeps ``lang``'s table; None where it is not installed."""
    try:
        from importlib.resources import files

        import spacy_lookups_data  # noqa: F401 - only for its data files
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    path = Path(str(files("spacy_lookups_data") / "data" / f"{lang}_lemma_lookup.json.gz"))
    return path if path.is_file() else None


def read_table(lang: str) -> dict[str, str] | None:
    """The lookup table of ``lang`` ("sv", "en") read from its file, at each call
    (``extract.figure_lemmas.lemma_table`` keeps it; the reader's lexicon, ``ingest.readable``,
    keeps only its words); None where the table is not installed or cannot be read."""
    path = table_file(lang)
    if path is None:  # pragma: no cover - a declared dependency
        return None
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            table: dict[str, str] = json.load(f)
    except OSError:  # pragma: no cover
        return None
    return table
