"""e5's tokenizer, and a small copy of it that loads fast for queries.

The full tokenizer holds 250,002 pieces of every script; building it takes ~1 s, most of a
cold ``namndkoll search``. A query in Latin script can only be cut into pieces made of Latin
characters: a Unigram tokenizer considers only pieces that occur in the (normalised) text, so
dropping every piece with a character outside the set changes nothing for a text inside it.
The small copy keeps those pieces (~45 %), with a map back to the full ids, and is used for a
text whose normalised characters all lie in the set; any other text goes to the full tokenizer.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

SMALL_JSON = "tokenizer-latin.json"
SMALL_IDS = "tokenizer-latin-ids.npy"
# Basic Latin .. Latin Extended-B, general punctuation, €, and the Metaspace ▁
_LATIN = re.compile(r"^[\u0020-\u024f\u2010-\u205e€▁]+$")


def load(path: Path) -> Any:
    from tokenizers import Tokenizer  # type: ignore[import-untyped]

    try:
        tok = Tokenizer.from_file(str(path))
    except Exception as exc:
        raise ModelError(f"cannot read the tokenizer {path} ({exc}); delete its folder to convert "
                         "the model again") from exc
    tok.no_truncation()
    tok.no_padding()
    return tok


def write_small(full: Path, out_dir: Path) -> None:
    """Write the Latin-script copy of the tokenizer at ``full`` into ``out_dir`` (atomically per file)."""
    spec = json.loads(full.read_text(encoding="utf-8"))
    vocab = spec["model"]["vocab"]
    lowest = min(range(len(vocab)), key=lambda i: vocab[i][1])  # sets the score of unknown characters
    specials = {t["id"] for t in spec.get("added_tokens", []) if t.get("special")}
    keep = [i for i, (piece, _score) in enumerate(vocab)
            if i in specials or i == lowest or _LATIN.match(piece)]
    new_id = {old: new for new, old in enumerate(keep)}
    spec["model"]["vocab"] = [vocab[i] for i in keep]
    spec["model"]["unk_id"] = new_id[spec["model"]["unk_id"]]
    spec["added_tokens"] = [{**t, "id": new_id[t["id"]]} for t in spec.get("added_tokens", []) if t["id"] in new_id]
    post = spec.get("post_processor") or {}
    for tok in (post.get("special_tokens") or {}).values():
        tok["ids"] = [new_id[i] for i in tok["ids"]]
    _atomic(out_dir / SMALL_JSON, json.dumps(spec, ensure_ascii=False).encode("utf-8"))
    buf = tempfile.NamedTemporaryFile(dir=out_dir, suffix=".npy", delete=False)  # noqa: SIM115
    with buf:
        np.save(buf, np.asarray(keep, dtype=np.int64))
    os.chmod(buf.name, 0o644)
    os.replace(buf.name, out_dir / SMALL_IDS)


def _atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


class Tokens:
    """Token ids of texts: the small copy where it gives the same ids, else the full tokenizer
    (each loaded on first use)."""

    def __init__(self, full: Path, small_dir: Path | None = None) -> None:
        self.full_path = full
        self.small_dir = small_dir
        self._full: Any = None
        self._small: Any = None
        self._ids: np.ndarray | None = None

    @property
    def full(self) -> Any:
        if self._full is None:
            self._full = load(self.full_path)
        return self._full

    def _small_tok(self) -> Any:
        if self._small is None and self.small_dir is not None and (self.small_dir / SMALL_IDS).is_file():
            self._small = load(self.small_dir / SMALL_JSON)
            self._ids = np.load(self.small_dir / SMALL_IDS)
        return self._small

    def special(self, token: str) -> int:
        small = self._small_tok() if self._full is None else None
        if small is not None and self._ids is not None:
            return int(self._ids[small.token_to_id(token)])
        return int(self.full.token_to_id(token))

    def encode(self, texts: list[str]) -> list[list[int]]:
        """Content ids (no ``<s>``/``</s>``)."""
        small = self._small_tok() if self._full is None else None
        if small is not None and self._ids is not None:
            norm = small.normalizer
            if all(_LATIN.match("▁" + norm.normalize_str(t).replace(" ", "▁")) for t in texts):
                ids = self._ids
                return [ids[np.asarray(e.ids, dtype=np.int64)].tolist()
                        for e in small.encode_batch(texts, add_special_tokens=False)]
        return [e.ids for e in self.full.encode_batch(texts, add_special_tokens=False)]
