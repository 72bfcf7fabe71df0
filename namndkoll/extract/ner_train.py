"""Train and evaluate namndkoll's Swedish NER (``namndkoll ner train`` / ``namndkoll eval ner``).

The model is spaCy's efficient CPU kind: a hash-embedding tok2vec and a transition-based NER,
trained from a blank ``sv`` pipeline on

- klintan-swedish-ner (news 2012, PER/LOC/ORG/MISC, IO tags, CC BY 4.0): the gold data;
- the SUC 3.0 disagreement subset (CC BY 4.0), mapped token by token: a token keeps a label
  only where SUC's two tag sets agree (person+PRS -> PER, place+LOC -> LOC, inst+ORG -> ORG);
  where they disagree the token is *missing* (no loss), not "outside";
- optional in-domain silver from Swedish protocols: names from a politician roster marked PER,
  lower-case words and punctuation marked outside, every other token missing, so the partial
  annotation never teaches the model that an unmarked name is not a name.

``ner_data.py`` reads the data into spaCy docs; this module trains, packages and evaluates.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelError, NamndkollError
from .ner_data import (
    LABELS,
    docbin,
    protocol_texts,
    read_klintan,
    read_suc,
    silver_names,
    silver_sentences,
    to_doc,
)

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

KLINTAN = "klintan-swedish-ner"
SUC = "suc3-ner-disagreement-subset"
ATTRIBUTION = (
    "Trained on klintan/swedish-ner-corpus (Webbnyheter 2012 from Språkbanken, annotated by "
    "Andreas Klintberg; CC BY 4.0, https://github.com/klintan/swedish-ner-corpus) and a SUC 3.0 "
    "NER subset (CC BY 4.0, Språkbanken); silver names from politiker.goteborg.se (public records)."
)

# The efficient CPU config: hash embeddings (wider tables than spaCy's default, fewer
# collisions for Swedish compounds and names) + MaxoutWindowEncoder + transition NER.
CONFIG = """
[paths]
train = null
dev = null

[system]
gpu_allocator = null
seed = 0

[nlp]
lang = "sv"
pipeline = ["tok2vec", "ner"]
batch_size = 256
tokenizer = {"@tokenizers": "spacy.Tokenizer.v1"}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = ${components.tok2vec.model.encode.width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [20000, 2500, 8000, 1000]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100
incorrect_spans_key = null

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0
gold_preproc = false
limit = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0
gold_preproc = false
limit = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = null
dropout = 0.15
accumulate_gradient = 1
patience = 3000
max_epochs = 0
max_steps = 6000
eval_frequency = 300
frozen_components = []
annotating_components = []

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-08
learn_rate = 0.001

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.score_weights]
ents_f = 1.0
ents_p = 0.0
ents_r = 0.0
ents_per_type = null

[initialize]
vectors = null
"""


@dataclass(frozen=True)
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold entities of this label


@dataclass(frozen=True)
class NerScores:
    per_label: tuple[LabelScore, ...]
    precision: float
    recall: float
    f1: float
    sentences: int
    words: int
    words_per_second: float  # the model alone, per CPU-second of this one-thread process


# ---- train ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainResult:
    output: Path
    train_sentences: int
    dev_sentences: int
    silver_sentences: int
    suc_sentences: int
    dev_f1: float | None
    size_bytes: int


def train(data_dir: Path, output: Path, *, max_steps: int = 6000, eval_every: int = 300,
          dev_size: int = 500, use_suc: bool = True, silver: int = 1500, limit: int | None = None,
          seed: int = 0, quiet: bool = False) -> TrainResult:
    """Train the NER on ``data_dir`` (klintan + SUC subset + optional silver) into ``output``.

    ``output`` receives the best pipeline (by F1 on a dev split held out of klintan train),
    ready for ``spacy.load`` / ``namndkoll.extract.ner.load_ner(path)``.
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    klintan = Path(data_dir) / KLINTAN / "train_corpus.txt"
    if not klintan.is_file():
        raise NamndkollError(f"no NER training data at {klintan}: pass --data DIR holding {KLINTAN}/")
    _one_thread()
    nlp = spacy.blank("sv")
    sents = read_klintan(klintan)
    random.Random(seed).shuffle(sents)
    if limit:
        sents = sents[:limit]
    dev_n = min(dev_size, max(1, len(sents) // 10))
    dev, gold_train = sents[:dev_n], sents[dev_n:]
    train_docs = [to_doc(nlp, s) for s in gold_train]
    suc_n = 0
    suc_path = Path(data_dir) / SUC / "removed_sents_from_original_to_simple.txt"
    if use_suc and suc_path.is_file():
        suc = read_suc(suc_path)[: (limit or 10**9)]
        train_docs += [to_doc(nlp, s) for s in suc]
        suc_n = len(suc)
    silver_docs: list[Doc] = []
    roster = Path(data_dir).parent / "protocols" / "goteborg-politiker-roller.json"
    if silver and roster.is_file():
        silver_docs = silver_sentences(nlp, protocol_texts(Path(data_dir)), silver_names(roster),
                                       limit=silver if not limit else min(silver, limit), seed=seed)
        train_docs += silver_docs
    output = Path(output)
    with tempfile.TemporaryDirectory(prefix="namndkoll-ner-") as tmp:
        t = Path(tmp)
        docbin(train_docs, t / "train.spacy")
        docbin((to_doc(nlp, s) for s in dev), t / "dev.spacy")
        (t / "config.cfg").write_text(CONFIG, encoding="utf-8")
        overrides = {"paths.train": str(t / "train.spacy"), "paths.dev": str(t / "dev.spacy"),
                     "training.max_steps": max_steps, "training.eval_frequency": eval_every,
                     "training.patience": max(eval_every * 10, 1000), "system.seed": seed}
        try:
            if quiet:
                import contextlib
                import io

                with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                    spacy_train(t / "config.cfg", t / "out", overrides=overrides)
            else:
                with _colour_only_on_a_terminal():
                    spacy_train(t / "config.cfg", t / "out", overrides=overrides)
        except Exception as exc:  # spaCy raises plain errors; say what failed
            raise ModelError(f"NER training failed: {exc}") from exc
        best = t / "out" / "model-best"
        dev_f1 = _finalise(best, output)
    size = sum(p.stat().st_size for p in output.rglob("*") if p.is_file())
    return TrainResult(output, len(gold_train), len(dev), len(silver_docs), suc_n, dev_f1, size)


@contextlib.contextmanager
def _colour_only_on_a_terminal() -> Iterator[None]:
    """spaCy's printer (wasabi) colours its lines whatever they are written to, so a log of
    `ner train > log` or `| tee` held ANSI codes: no colour unless both stdout and stderr are
    terminals and NO_COLOR is unset (no-color.org). wasabi reads ANSI_COLORS_DISABLED when a
    printer is made; spaCy's module-level ``msg`` was made at import and is told directly, plain
    (not pretty) too: its section dividers are bold whatever ``show_color`` says."""
    import wasabi

    if sys.stdout.isatty() and sys.stderr.isatty() and not os.environ.get("NO_COLOR"):
        yield
        return
    before, shown, pretty = os.environ.get("ANSI_COLORS_DISABLED"), wasabi.msg.show_color, wasabi.msg.pretty
    os.environ["ANSI_COLORS_DISABLED"] = "1"
    wasabi.msg.show_color = wasabi.msg.pretty = False
    try:
        yield
    finally:
        wasabi.msg.show_color, wasabi.msg.pretty = shown, pretty
        if before is None:
            os.environ.pop("ANSI_COLORS_DISABLED", None)
        else:
            os.environ["ANSI_COLORS_DISABLED"] = before


def _finalise(best: Path, output: Path) -> float | None:
    """Copy the best pipeline to ``output`` with tokenizer special cases and attribution."""
    import spacy

    from .ner import add_special_cases

    nlp = spacy.load(best)
    add_special_cases(nlp)
    meta = dict(nlp.meta)
    dev_f1 = (meta.get("performance") or {}).get("ents_f")
    meta.update({"name": "namndkoll_ner_sv", "version": "0.1.0",
                 "description": "Swedish NER (PER, LOC, ORG, MISC) for namndkoll: hash-embed tok2vec "
                                "+ transition NER, CPU.",
                 "license": "CC BY 4.0", "author": "namndkoll", "sources": _sources(),
                 "attribution": ATTRIBUTION})
    nlp.meta.update(meta)
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    return dev_f1


def _sources() -> list[dict[str, str]]:
    return [
        {"name": "klintan/swedish-ner-corpus", "url": "https://github.com/klintan/swedish-ner-corpus",
         "license": "CC BY 4.0", "author": "Andreas Klintberg; text: Webbnyheter 2012, Språkbanken"},
        {"name": "SUC 3.0 NER subset (disagreement sentences)",
         "url": "https://spraakbanken.gu.se/en/resources/suc3", "license": "CC BY 4.0",
         "author": "Språkbanken Text"},
        {"name": "Göteborgs Stad politicians (silver names)", "url": "https://politiker.goteborg.se/",
         "license": "public records", "author": "Göteborgs Stad"},
    ]


def _one_thread() -> None:
    """Training and timing use one core: the machine is shared and the figures are per core."""
    import os

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


# ---- evaluate ---------------------------------------------------------------------------


def evaluate(data_dir: Path, *, model: Path | None = None, limit: int | None = None) -> NerScores:
    """Per-label precision/recall/F1 of the NER *model* (no rule components) on klintan test."""
    import time

    from spacy.training import Example

    from .ner import load_ner

    test = Path(data_dir) / KLINTAN / "test_corpus.txt"
    if not test.is_file():
        raise NamndkollError(f"no NER test data at {test}: pass --data DIR holding {KLINTAN}/")
    _one_thread()
    nlp = load_ner(model, rules=False)
    sents = read_klintan(test)[:limit] if limit else read_klintan(test)
    golds = [to_doc(nlp, s) for s in sents]
    texts = [g.text for g in golds]
    # CPU seconds of this (one-thread) process: words per core, even on a busy machine
    t0 = time.process_time()
    preds = list(nlp.pipe(texts, batch_size=256))
    secs = time.process_time() - t0
    words = sum(len(d) for d in preds)
    examples = [Example(p, g) for p, g in zip(preds, golds)]
    from spacy.scorer import Scorer

    s = Scorer.score_spans(examples, "ents")
    per = s.get("ents_per_type") or {}
    support = _support(golds)
    rows = tuple(LabelScore(lab, per.get(lab, {}).get("p", 0.0), per.get(lab, {}).get("r", 0.0),
                            per.get(lab, {}).get("f", 0.0), support.get(lab, 0)) for lab in LABELS)
    return NerScores(rows, s["ents_p"] or 0.0, s["ents_r"] or 0.0, s["ents_f"] or 0.0, len(golds), words,
                     words / secs if secs else 0.0)


def _support(docs: Iterable[Doc]) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in docs:
        for e in d.ents:
            out[e.label_] = out.get(e.label_, 0) + 1
    return out


def scores_json(s: NerScores) -> dict[str, Any]:
    return {"precision": s.precision, "recall": s.recall, "f1": s.f1, "sentences": s.sentences,
            "words": s.words, "words_per_second": round(s.words_per_second),
            "per_label": {r.label: {"precision": r.precision, "recall": r.recall, "f1": r.f1,
                                    "support": r.support} for r in s.per_label}}
