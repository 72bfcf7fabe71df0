"""The web layer: `namndkoll serve` — a local web app over the same corpus and API as the CLI.

``create_app(db, read_only=...)`` gives the ASGI app (FastAPI); routers per area (search,
documents, tables, votes and roll calls, compare and cases, basket, upload and status),
Jinja2 templates and the static files ship inside the package (no CDN, no build step).
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
