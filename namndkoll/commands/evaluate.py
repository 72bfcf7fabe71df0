"""`namndkoll eval structure`: § items, metadata, votes, roll calls and positions against
hand-labelled gold documents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import NamndkollError
from ._output import JsonOption, eval_group, fail, print_json, print_table


def eval_structure_cmd(
    gold_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                             help="Folder of structure gold JSON files (searched recursively).")],
    pdf_dir: Annotated[list[Path] | None, typer.Option(
        "--pdf-dir", help="Folder with the fetched gold PDFs (repeatable; default /work/gold-pdfs and its sub-folders, "
                          "or $NAMNDKOLL_GOLD_PDFS).")] = None,
    split: Annotated[str, typer.Option("--split", help="dev, heldout, a round's dev batch devN (e.g. dev177) or all.")] = "all",
    shared: Annotated[Path | None, typer.Option("--shared", file_okay=False,
                                                help="The shared development data (default ../shared).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Score § items, metadata, votes, roll calls and positions per template and split.

    Each gold document is read and extracted the way ingest does it; a document whose PDF
    is missing (or differs from the labelled one) is reported and skipped.

    Example: namndkoll eval structure bench/gold --split dev
    """
    from ..extract.evaluate_structure import evaluate_structure

    try:
        res = evaluate_structure(gold_dir, pdf_dirs=pdf_dir, split=split, shared=shared)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(res)
        return
    _report(res)


def _pct(d: dict[str, Any]) -> str:
    return "-" if d["share"] is None else f"{d['share']:.0%} ({d['right']}/{d['of']})"


def _report(res: dict[str, Any]) -> None:
    for sp, groups in res["splits"].items():
        rows = []
        for name, s in groups.items():
            it = s["items"]
            rows.append({
                "template": name, "docs": s["documents"],
                "§ P/R/F1": "-" if it["f1"] is None else f"{it['precision']:.2f}/{it['recall']:.2f}/{it['f1']:.2f}",
                "§ nr": _pct(s["item_numbers"]), "§ title": _pct(s["item_titles"]),
                "meta": "-" if s["metadata"]["accuracy"] is None else f"{s['metadata']['accuracy']:.0%}",
                "votes": _pct(s["votes"]) + (f" +{s['votes']['extra']}" if s["votes"]["extra"] else ""),
                "roll": _pct(s["roll_call"]), "pos": _pct(s["positions"]),
            })
        # short headers: the table has to fit an 80-column terminal
        print_table(rows, ["template", "docs", "§ P/R/F1", "§ nr", "§ title", "meta", "votes", "roll", "pos"],
                    title=f"split {sp} (§ nr: numbers found; roll: roll-call member votes; pos: positions)")
        typer.echo(f"split {sp}: parties named {_pct(groups['all']['parties'])}, people with their party "
                   f"{_pct(groups['all']['people'])}")
        if groups["all"]["item_origins"]["of"]:
            typer.echo(f"split {sp}: §§ of bundled extracts with their own body and date: "
                       f"{_pct(groups['all']['item_origins'])}")
        fields = groups["all"]["metadata"]["fields"]
        print_table([{"field": f, "accuracy": _pct(v)} for f, v in fields.items()], ["field", "accuracy"],
                    title=f"split {sp}: metadata per field")
    for d in res["documents"]:
        if d["misses"]:
            typer.echo(f"{d['id']} ({d['split']}, {d['template']}, {d['pages']} p.):")
            for m in d["misses"]:
                typer.echo(f"  - {m}")
    for s in res["skipped"]:
        typer.echo(f"skipped {s['id']} ({s['split']}): {s['reason']}", err=True)


def register(app: typer.Typer) -> None:
    eval_group(app).command("structure")(eval_structure_cmd)
