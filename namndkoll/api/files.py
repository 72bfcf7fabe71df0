"""The files of an ingest: PDFs found under the paths given, what each that cannot be read
becomes (its ``FileResult``), the name a file is stored under and its content's hash. Nothing here
opens a store or reads a PDF."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..display import shown_path

__all__ = ["FileResult", "Status", "find_files", "sha256_file", "source_name"]

Status = Literal["ingested", "replaced", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class FileResult:
    path: str  # as shown to a person: relative when under the current folder, odd bytes escaped
    status: Status
    message: str = ""
    pages: int = 0
    document_id: int | None = None
    warnings: tuple[str, ...] = ()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, FileResult | None]]:
    """PDFs under ``paths`` (folders recursively, sorted), with a result for each thing that
    is not ingestable: a file that is no PDF, a folder that cannot be read, a broken link.
    Nothing here raises for one bad entry: each becomes its own result and the walk goes on."""
    for p in map(Path, paths):
        try:
            st = p.stat()
        except FileNotFoundError:
            broken = p.is_symlink()
            yield p, FileResult(shown_path(p), "failed", "broken link: what it points to is gone" if broken
                                else "no such file or folder: check the path")
            continue
        except OSError as exc:
            yield p, FileResult(shown_path(p), "failed", f"cannot read it ({exc.strerror}): check the permissions")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p)
        elif stat.S_ISREG(st.st_mode):
            yield p, None  # named explicitly: try it whatever its suffix, the reader says if it is no PDF
        else:
            yield p, FileResult(shown_path(p), "skipped", "not a regular file (a device, pipe or socket)")


def _walk(folder: Path) -> list[tuple[Path, FileResult | None]]:
    """Every file under ``folder``, sorted by path; symlinked folders are followed once."""
    found: list[tuple[Path, FileResult | None]] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue  # a link back to a folder already walked
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as exc:
            found.append((d, FileResult(shown_path(d), "failed", f"cannot read this folder ({exc.strerror}): "
                                        "its files were not ingested; check its permissions")))
            continue
        for e in entries:
            path = Path(e.path)
            try:
                if e.is_dir():
                    stack.append(path)
                elif e.is_file():
                    found.append((path, None if path.suffix.lower() == ".pdf" else FileResult(
                        shown_path(path), "skipped", "not a PDF: only .pdf files are ingested")))
                elif e.is_symlink():
                    found.append((path, FileResult(shown_path(path), "failed",
                                                   "broken link: what it points to is gone")))
                else:
                    found.append((path, FileResult(shown_path(path), "skipped",
                                                   "not a regular file (a device, pipe or socket)")))
            except OSError as exc:
                found.append((path, FileResult(shown_path(path), "failed",
                                               f"cannot read it ({exc.strerror}): check the permissions")))
    return sorted(found, key=lambda t: os.fsencode(t[0]))


def source_name(path: Path) -> str:
    """The name a file is stored under: its absolute path, with bytes that are not UTF-8
    written as ``\\xNN`` (SQLite keeps text as UTF-8; such names come from old or foreign
    file systems)."""
    return os.fsencode(path.resolve()).decode("utf-8", errors="backslashreplace")
