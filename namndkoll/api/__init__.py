"""The Python API: ingest a batch of PDFs into a corpus, list and show what is stored, and the
data behind the web pages.

The CLI and the web app are thin layers over these functions. Stages do not import each other;
this package is where they meet: ingest -> extract -> corpus (-> search index). ``batch`` ingests
and copies, ``reading`` lists and shows, ``pages`` serves ``namndkoll serve``.
"""

from __future__ import annotations

from .batch import (
    CopyReport,
    FileResult,
    IngestReport,
    Progress,
    Status,
    Task,
    copy_corpus,
    find_files,
    ingest,
    process_file,
    sha256_file,
    source_name,
)
from .images import PAGE_SCALES, original_pdf, page_image, span_boxes
from .pages import (
    BASKET_KINDS,
    FACETS,
    KIND_LABELS,
    CaseView,
    CompareMatrix,
    DocumentView,
    MatrixCell,
    MatrixRow,
    SearchPage,
    basket_items,
    case_view,
    compare_matrix,
    corpus_status,
    document_view,
    ingest_uploads,
    save_upload,
    search_page,
    upload_folder,
)
from .reading import (
    LISTS,
    as_dict,
    check_member,
    documents,
    extracted,
    members,
    read_document,
    show,
    stats,
    votes,
)

__all__ = [
    "BASKET_KINDS",
    "FACETS",
    "KIND_LABELS",
    "LISTS",
    "PAGE_SCALES",
    "CaseView",
    "CompareMatrix",
    "CopyReport",
    "DocumentView",
    "FileResult",
    "IngestReport",
    "MatrixCell",
    "MatrixRow",
    "Progress",
    "SearchPage",
    "Status",
    "Task",
    "as_dict",
    "basket_items",
    "case_view",
    "check_member",
    "compare_matrix",
    "copy_corpus",
    "corpus_status",
    "document_view",
    "documents",
    "extracted",
    "find_files",
    "ingest",
    "ingest_uploads",
    "members",
    "original_pdf",
    "page_image",
    "process_file",
    "read_document",
    "save_upload",
    "search_page",
    "sha256_file",
    "show",
    "source_name",
    "span_boxes",
    "stats",
    "upload_folder",
    "votes",
]
