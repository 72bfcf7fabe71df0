"""Upload jobs: uploaded PDFs are ingested one job at a time by a background thread (one writer,
as SQLite wants), with progress that the upload page polls (JSON) or refreshes (no JS)."""

from __future__ import annotations

import queue
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NamndkollError


@dataclass
class Job:
    id: str
    files: list[str]  # the names as uploaded
    state: str = "väntar"  # väntar | läser | indexerar | klar | fel
    files_done: int = 0
    pages_total: int = 0
    pages_done: int = 0
    index_done: int = 0
    index_total: int = 0
    results: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # files refused before ingest, with why
    error: str | None = None
    started: float = field(default_factory=time.time)
    finished: float | None = None

    @property
    def percent(self) -> int:
        """Reading counts for 80 %, indexing for 20 %."""
        if self.state in ("klar", "fel"):
            return 100
        read = self.pages_done / self.pages_total if self.pages_total else 0.0
        idx = self.index_done / self.index_total if self.index_total else 0.0
        return int(80 * read + 20 * idx)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "files": self.files,
            "state": self.state,
            "percent": self.percent,
            "files_done": self.files_done,
            "pages_total": self.pages_total,
            "pages_done": self.pages_done,
            "index_done": self.index_done,
            "index_total": self.index_total,
            "results": self.results,
            "rejected": self.rejected,
            "error": self.error,
            "done": self.state in ("klar", "fel"),
        }


class UploadJobs:
    """A queue of ingest jobs and the one thread that runs them."""

    def __init__(self, keep: int = 50) -> None:
        self.jobs: dict[str, Job] = {}
        self.keep = keep
        self._queue: queue.Queue[tuple[Job, list[Path], dict[str, Any]] | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(
        self, names: list[str], paths: list[Path], rejected: list[str], **ingest_args: Any
    ) -> Job:
        job = Job(uuid.uuid4().hex, names, rejected=rejected)
        with self._lock:
            self.jobs[job.id] = job
            while len(self.jobs) > self.keep:
                self.jobs.pop(next(iter(self.jobs)))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, daemon=True, name="namndkoll-upload"
                )
                self._thread.start()
        if paths:
            self._queue.put((job, paths, ingest_args))
        else:
            job.state, job.finished = "fel", time.time()
            job.error = "Ingen fil kunde tas emot."
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def stop(self) -> None:
        self._queue.put(None)

    def _work(self) -> None:
        from ..api import Progress, ingest_uploads

        while (task := self._queue.get()) is not None:
            job, paths, args = task
            job.state = "läser"

            def start(files: int, pages: int, job: Job = job) -> None:
                job.pages_total = pages

            def advance(result: Any, job: Job = job) -> None:
                job.files_done += 1
                job.pages_done += result.pages

            def index(done: int, total: int, job: Job = job) -> None:
                job.state = "indexerar"
                job.index_done, job.index_total = done, total

            try:
                report = ingest_uploads(
                    paths,
                    progress=Progress(start=start, advance=advance, extra={"index": index}),
                    **args,
                )
                job.results = [
                    {
                        "file": Path(r.path).name,
                        "status": r.status,
                        "message": r.message,
                        "pages": r.pages,
                        "document_id": r.document_id,
                    }
                    for r in report.results
                ]
                job.state = "klar"
            except NamndkollError as exc:
                job.error, job.state = str(exc), "fel"
            except Exception as exc:  # noqa: BLE001 - the server must go on; the page says what broke
                job.error, job.state = f"{type(exc).__name__}: {exc}", "fel"
            job.finished = time.time()
