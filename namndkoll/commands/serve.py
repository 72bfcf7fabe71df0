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
    from ..corpus.db import default_db

    target = db or default_db()
    path: str | Path = target if is_url(target) else Path(target)
    new = isinstance(path, Path) and not path.exists()
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
    if new:  # a mistyped --db served an empty corpus without a word
        typer.echo(f"namndkoll: no corpus at {path} yet: started an empty one (add PDFs on /upload, "
                   "or stop and give the right --db)", err=True)
    _port_free(host, port)
    typer.echo(f"namndkoll: {db_label(path)} on http://{shown}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(
        create_app(path, read_only=read_only, max_upload_mb=max_upload_mb),
        host=host,
        port=port,
        log_level="warning",
    )


def _port_free(host: str, port: int) -> None:
    """Fail with what to do when ``port`` is taken, before the server starts: uvicorn's own
    "[Errno 98] error while attempting to bind" came after the line announcing the address."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return  # uvicorn says what is wrong with the address
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                fail(f"port {port} on {host} is in use (another namndkoll serve?): stop that, or choose "
                     f"another port with --port {port + 1}")
            if exc.errno == errno.EACCES:
                fail(f"no permission to listen on port {port}: choose one above 1024 with --port")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
