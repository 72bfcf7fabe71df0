"""`namndkoll serve`: the web app over a corpus, for those who do not work in a terminal."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import NamndkollError
from ._output import DbOption, fail

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_cmd(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it to this computer.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Refuse every write: no uploads.")
    ] = False,
    max_upload_mb: Annotated[float, typer.Option(min=1, help="Largest upload in MB.")] = 50,
) -> None:
    """Start the web app: search, documents with highlighted pages, tables, compare, cases, basket.

    Opens http://127.0.0.1:8765 by default (only this computer can reach it). With
    --read-only nothing can be uploaded; without it, PDFs dropped on /upload are kept under
    $NAMNDKOLL_HOME/uploads and ingested.

    Example: namndkoll serve --db lund.db --read-only
    """
    # one thread per query embedding: a server answers many small requests at once, and on a
    # busy 2-core machine two intra-op threads per query were 25x slower (2.5 s vs 90 ms)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    try:
        import uvicorn

        from ..corpus import opened
        from ..web import create_app
    except ImportError as exc:
        fail(f"the web app needs its extra: pip install 'namndkoll[web]' ({exc.name} is missing)")
    from ..corpus import db_label, is_url
    from ..corpus.db import default_db_path

    path: str | Path = str(db) if is_url(db) else Path(db or default_db_path())
    try:
        with opened(
            path, write=not read_only
        ):  # read-only: it must exist; else created and migrated
            pass
    except NamndkollError as exc:
        fail(exc)
    if host not in LOOPBACK:
        typer.secho(
            f"warning: listening on {host}: anyone who can reach this machine can read the corpus"
            + ("" if read_only else " and upload files (use --read-only)"),
            err=True,
            fg="yellow",
        )
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"namndkoll: {db_label(path)} on http://{shown}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(
        create_app(path, read_only=read_only, max_upload_mb=max_upload_mb),
        host=host,
        port=port,
        log_level="warning",
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
