"""CLI command modules. Each has ``register(app)``; heavy libraries are imported inside
the commands so that ``namndkoll --help`` stays instant."""

from __future__ import annotations

import importlib

import typer

# modules are optional while the stages are being built: a missing one registers nothing
_MODULES = ("ingest", "extract", "lists", "blocs", "search", "ner", "evaluate", "serve")


def register_all(app: typer.Typer) -> None:
    for name in _MODULES:
        try:
            mod = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                continue
            raise
        mod.register(app)
