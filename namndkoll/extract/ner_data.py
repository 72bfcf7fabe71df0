"""The NER training data as ``ner_train.py`` uses it: klintan-swedish-ner (IO tags), the SUC
3.0 disagreement subset (a token keeps a label only where SUC's two tag sets agree), silver
sentences from Swedish protocols (names from a politician roster, every other token but the
plainly outside ones missing), and each as a spaCy ``Doc`` with missing labels kept missing.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

LABELS = ("PER", "LOC", "ORG", "MISC")


@dataclass(frozen=True)
class Sentence:
    """Tokens with one label each: ``PER``.., ``O`` (outside) or ``None`` (missing).

    ``starts`` marks the tokens that begin a new entity even when the previous token has the
    same label (BIO data); IO data only ever starts an entity on a label change.
    """

    words: tuple[str, ...]
    labels: tuple[str | None, ...]
    starts: tuple[bool, ...] | None = None



# ---- reading the data -------------------------------------------------------------------


def read_klintan(path: Path) -> list[Sentence]:
    """klintan's format: ``token<TAB or space>LABEL`` per line, ``0`` = outside, blank = new sentence."""
    out: list[Sentence] = []
    words: list[str] = []
    labels: list[str | None] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.rsplit(None, 1)
        if len(parts) < 2:
            if words:
                out.append(Sentence(tuple(words), tuple(labels)))
            words, labels = [], []
            continue
        word, label = parts
        word = word.replace("\u00ad", "")  # soft hyphens in the news text
        if not word:
            continue
        words.append(word)
        labels.append(label if label in LABELS else "O")
    return out


_SUC_AGREE = {("person", "PRS"): "PER", ("place", "LOC"): "LOC", ("inst", "ORG"): "ORG"}


def read_suc(path: Path) -> list[Sentence]:
    """The SUC subset: ``token  ORIGINAL-TAG  SIMPLE-TAG``; keep only what both tag sets agree on."""
    out: list[Sentence] = []
    rows: list[tuple[str, str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) == 3:
            rows.append((parts[0], parts[1], parts[2]))
            continue
        if rows:
            out.append(_suc_sentence(rows))
        rows = []
    return out


def _suc_sentence(rows: list[tuple[str, str, str]]) -> Sentence:
    words, labels, starts = [], [], []
    for word, orig, simple in rows:
        o_type = orig.split("-", 1)[-1] if orig != "O" else "O"
        s_type = simple.split("-", 1)[-1] if simple != "O" else "O"
        if o_type == "O" and s_type == "O":
            label: str | None = "O"
        else:
            label = _SUC_AGREE.get((o_type, s_type))
            # other classes (work, product, event, TME, MSR ...) follow rules klintan does not
            if label and orig[:1] != simple[:1]:
                label = None  # they agree on the class but not on where the name begins
        words.append(word)
        labels.append(label)
        starts.append(orig.startswith("B-"))
    # a name only partly agreed on is missing as a whole, never a shorter gold name
    cont = [orig.startswith("I-") for _, orig, _ in rows]
    for i in range(len(labels)):  # forwards: inside a name whose start is missing
        if labels[i] not in (None, "O") and cont[i] and i and labels[i - 1] is None:
            labels[i] = None
    for i in reversed(range(len(labels) - 1)):  # backwards: a name whose end is missing
        if labels[i] not in (None, "O") and cont[i + 1] and labels[i + 1] is None:
            labels[i] = None
    return Sentence(tuple(words), tuple(labels), tuple(starts))


def silver_names(roster_path: Path) -> list[str]:
    data = json.loads(roster_path.read_text(encoding="utf-8"))
    names = {f"{p['förnamn']} {p['efternamn']}".strip() for p in data.get("politiker", [])}
    return sorted(n for n in names if " " in n)


_PARA = re.compile(r"\n\s*\n|\f")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def silver_sentences(nlp: Language, texts: Iterable[str], names: list[str], *, limit: int,
                     seed: int = 0) -> list[Doc]:
    """Protocol sentences that name a rostered politician, partially annotated (see module doc)."""
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    tokenizer: Any = nlp.tokenizer
    matcher = PhraseMatcher(nlp.vocab)
    matcher.add("PER", list(tokenizer.pipe(names)))
    sents: list[str] = []
    for text in texts:
        for para in _PARA.split(text):
            flat = " ".join(para.split())
            sents.extend(s for s in _SENT.split(flat) if 5 <= len(s) <= 400)
    random.Random(seed).shuffle(sents)
    docs: list[Doc] = []
    for doc in tokenizer.pipe(sents):
        if len(docs) >= limit:
            break
        spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
        if not spans or len(doc) < 8:  # attendance lists are names alone: no context to learn
            continue
        for span in spans:
            span.label_ = "PER"
        inside = {t.i for s in spans for t in s}
        outside = [doc[t.i:t.i + 1] for t in doc
                   if t.i not in inside and (t.is_punct or t.is_lower or t.like_num or t.is_space)]
        ents = [doc.char_span(s.start_char, s.end_char, label="PER") for s in spans]
        doc.set_ents([e for e in ents if e is not None], outside=outside, default="missing")
        docs.append(doc)
    return docs


def protocol_texts(data_dir: Path) -> list[str]:
    """Unlabelled in-domain text beside the NER data (../shared/data/protocols), if any."""
    root = data_dir.parent / "protocols" / "goteborg-kf"
    return [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))] if root.is_dir() else []


# ---- spaCy docs -------------------------------------------------------------------------

_NO_SPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "”", "’", "..."}
_NO_SPACE_AFTER = {"(", "[", "{", "“"}


def to_doc(nlp: Language, sent: Sentence) -> Doc:
    from spacy.tokens import Doc, Span

    words = list(sent.words)
    spaces = [not (i + 1 < len(words) and (words[i + 1] in _NO_SPACE_BEFORE or w in _NO_SPACE_AFTER))
              for i, w in enumerate(words)]
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    ents: list[Span] = []
    outside: list[Span] = []
    i = 0
    while i < len(words):
        label = sent.labels[i]
        if label is None:
            i += 1
            continue
        if label == "O":
            outside.append(doc[i:i + 1])
            i += 1
            continue
        j = i + 1
        while j < len(words) and sent.labels[j] == label and not (sent.starts and sent.starts[j]):
            j += 1
        ents.append(Span(doc, i, j, label=label))
        i = j
    doc.set_ents(ents, outside=outside, default="missing")
    return doc


def docbin(docs: Iterable[Doc], path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for d in docs:
        db.add(d)
        n += 1
    db.to_disk(path)
    return n


def iter_words(sents: Iterable[Sentence]) -> Iterator[str]:
    for s in sents:
        yield from s.words
