"""The data folder namndkoll keeps its own files in (models, caches, uploads); a module of its
own so that a caller outside ``namndkoll.search`` need not import the search package."""

from __future__ import annotations

import os
from pathlib import Path


def data_home() -> Path:
    """``$NAMNDKOLL_HOME``, else ``$XDG_DATA_HOME/namndkoll``, else ``~/.local/share/namndkoll``."""
    if os.environ.get("NAMNDKOLL_HOME"):
        return Path(os.environ["NAMNDKOLL_HOME"]).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share") / "namndkoll"


def cache_home() -> Path:
    """Where namndkoll keeps what it can make again (the lemma tables' copies, the reader's word
    list, page images): ``data_home() / "cache"``, so a user's ``$NAMNDKOLL_HOME`` holds it too."""
    return data_home() / "cache"
