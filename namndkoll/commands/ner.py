"""`namndkoll ner train | ner entities` and `namndkoll eval ner`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import NamndkollError
from ._output import JsonOption, eval_group, fail, print_csv, print_json, print_table

DataOption = Annotated[Path, typer.Option("--data", help="Folder holding klintan-swedish-ner/ "
                                          "(and suc3-ner-disagreement-subset/).", file_okay=False)]
DEFAULT_DATA = Path("../shared/data/ner")


def train_cmd(
    data: DataOption = DEFAULT_DATA,
    output: Annotated[Path, typer.Option("--output", "-o", file_okay=False,
                                         help="Where the trained pipeline goes.")] = Path("ner-sv"),
    max_steps: Annotated[int, typer.Option(min=1, help="Training steps (batches).")] = 4000,
    eval_every: Annotated[int, typer.Option(min=1, help="Score the dev split every N steps.")] = 400,
    dev_size: Annotated[int, typer.Option(min=1, help="klintan train sentences held out as dev.")] = 500,
    suc: Annotated[bool, typer.Option("--suc/--no-suc", help="Add the SUC subset (tags both SUC "
                                      "tag sets agree on).")] = True,
    silver: Annotated[int, typer.Option(min=0, help="In-domain silver sentences (roster names in "
                                        "protocols beside --data); 0 for none.")] = 1500,
    limit: Annotated[int | None, typer.Option(min=10, help="Use only N sentences of each set "
                                                 "(quick trials).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Train the Swedish NER (tok2vec + transition NER, CPU) with namndkoll's own config.

    Example: namndkoll ner train --data ../shared/data/ner -o namndkoll/extract/models/ner-sv
    """
    from ..extract.ner_train import train

    try:
        res = train(data, output, max_steps=max_steps, eval_every=eval_every, dev_size=dev_size,
                    use_suc=suc, silver=silver, limit=limit, quiet=as_json)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(res.__dict__ | {"output": str(res.output)})
        return
    f1 = "n/a" if res.dev_f1 is None else f"{res.dev_f1:.3f}"
    typer.echo(f"saved {res.output} ({res.size_bytes / 1e6:.1f} MB): {res.train_sentences} gold + "
               f"{res.suc_sentences} SUC + {res.silver_sentences} silver sentences; dev F1 {f1}")


def eval_ner_cmd(
    data: DataOption = DEFAULT_DATA,
    model: Annotated[Path | None, typer.Option("--model", file_okay=False,
                                                  help="A trained pipeline (default: the shipped one).")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N test sentences.")] = None,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV, one row per label.")] = False,
) -> None:
    """Per-label precision, recall and F1 of the NER model on the klintan test set.

    Example: namndkoll eval ner --data ../shared/data/ner --json
    """
    from ..extract.ner_train import evaluate, scores_json

    try:
        s = evaluate(data, model=model, limit=limit)
    except NamndkollError as exc:
        fail(exc)
    rows = [{"label": r.label, "precision": f"{r.precision:.3f}", "recall": f"{r.recall:.3f}",
             "f1": f"{r.f1:.3f}", "support": r.support} for r in s.per_label]
    rows.append({"label": "all", "precision": f"{s.precision:.3f}", "recall": f"{s.recall:.3f}",
                 "f1": f"{s.f1:.3f}", "support": sum(r.support for r in s.per_label)})
    cols = ["label", "precision", "recall", "f1", "support"]
    if as_json:
        print_json(scores_json(s))
    elif as_csv:
        print_csv(rows, cols)
    else:
        print_table(rows, cols, title=f"NER on klintan test: {s.sentences} sentences, {s.words} words, "
                                      f"{s.words_per_second:,.0f} words per CPU-second (model, one thread)")


def entities_cmd(
    pdf: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A PDF to read.")],
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """The named entities (PER, ORG, LOC, MISC, PARTY) in one PDF, with page and offsets.

    Example: namndkoll ner entities sample/goteborg-kf-2023-11-09.pdf --csv
    """
    from ..api import read_document
    from ..extract.ner import find_entities

    try:
        ents = find_entities(read_document(pdf))
    except NamndkollError as exc:
        fail(exc)
    rows = [e.__dict__ for e in ents]
    cols = ["text", "label", "page", "start", "end"]
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, cols)
    else:
        print_table(rows, cols, title=f"{len(rows)} entities in {pdf.name}")


def register(app: typer.Typer) -> None:
    ner = typer.Typer(help="Train and run the Swedish NER.", no_args_is_help=True)
    ner.command("train")(train_cmd)
    ner.command("entities")(entities_cmd)
    app.add_typer(ner, name="ner")
    eval_group(app).command("ner")(eval_ner_cmd)
