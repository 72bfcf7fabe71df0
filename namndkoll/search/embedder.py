"""The Embedder protocol: what the index needs of an embedding model, whatever library runs it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

import numpy as np

EmbedKind = Literal["query", "passage"]


class Embedder(Protocol):
    model_id: str  # recorded in the database; an index never mixes two models
    dimensions: int

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> np.ndarray:
        """float32 array (len(texts), dimensions), L2-normalised rows."""
        ...
