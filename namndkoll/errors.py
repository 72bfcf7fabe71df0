"""namndkoll's errors. Each message says what happened and what to do about it."""

from __future__ import annotations


class NamndkollError(Exception):
    """Base of every error namndkoll raises on purpose."""


class IngestError(NamndkollError):
    """A file could not be read as a document."""


class NotAPdfError(IngestError):
    pass


class EmptyFileError(IngestError):
    pass


class EncryptedPdfError(IngestError):
    pass


class CorpusError(NamndkollError):
    """The database could not be opened, migrated or written."""


class UnavailableError(CorpusError):
    """The database server could not be reached (down, restarting, wrong address)."""


class ExtensionLoadError(CorpusError):
    """sqlite-vec could not be loaded into SQLite."""


class ModelError(NamndkollError):
    """An embedding or NLP model could not be loaded or does not fit the index."""


class NotFoundError(NamndkollError):
    """A document, page or item asked for is not in the corpus."""
