"""`namndkoll extract | eval extract`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..display import format_figure, one_line
from ..errors import NamndkollError
from ._output import Col, JsonOption, console, echo, eval_group, fail, print_json, print_table


def extract_cmd(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="One PDF.")],
    as_json: JsonOption = False,
) -> None:
    """Show what one PDF says: figures, parties, people, decisions, votes, positions.

    Nothing is stored; --json prints the shape scripts rely on.

    Example: namndkoll extract protokoll.pdf --json > protokoll.json
    """
    from ..extract.pipeline import extract_file, extraction_json

    try:
        doc, ext = extract_file(str(file))
    except NamndkollError as exc:
        fail(exc)
    out = extraction_json(doc, ext)
    if as_json:
        print_json(out)
    else:
        _report(out)


def _report(out: dict[str, Any]) -> None:
    from rich.text import Text

    d = out["document"]
    con = console()
    head = Text(one_line(d["title"] or d["source"]), style="bold")
    head.append(f"  {d['pages']} pages")
    con.print(head)
    facts = [f"{k}: {d[k]}" for k in ("municipality", "committee", "doc_type", "date") if d[k]]
    if d["diarienummer"]:
        facts.append("dnr " + ", ".join(d["diarienummer"]))
    if d["paragraphs"]:
        facts.append("§ " + ", ".join(d["paragraphs"]))
    con.print(Text(one_line("  ".join(facts)) or "no metadata found"))
    if out["figures"]:
        print_table([{**f, "value": format_figure(f)} for f in out["figures"]],
                    ["page", "value", Col("text", header="as written", kind="text", keep=7, min=16)],
                    title="Figures")
    if out["people"]:
        print_table(out["people"], ["page", "name", "party", "role"], title="People")
    if out["parties"]:
        codes: dict[str, list[int]] = {}
        for p in out["parties"]:
            codes.setdefault(p["code"], []).append(p["page"])
        print_table([{"party": c, "mentions": len(pp), "pages": sorted(set(pp))} for c, pp in codes.items()],
                    ["party", "mentions", Col("pages", kind="text", keep=5, min=10)], title="Parties")
    if out["decisions"]:
        print_table(out["decisions"], ["page", "item", "body", "status", "date", "text"], title="Decisions")
    if out["votes"]:
        print_table(out["votes"], ["page", "item", "yes", "no", "abstain", "absent", "proposition"], title="Votes")
    if out["positions"]:
        print_table(out["positions"], ["page", "parties", "kind", "text"], title="Positions")
    if out["entities"]:
        con.print(f"{len(out['entities'])} named entities (--json lists them)")


def eval_extract_cmd(
    gold_dir: Annotated[Path, typer.Argument(exists=True, file_okay=False,
                                             help="Folder of gold extraction JSON files.")],
    as_json: JsonOption = False,
) -> None:
    """Score extract against gold files (figures P/R/F1, recalls, metadata accuracy).

    Each gold text is rendered to a PDF, read and extracted; every miss and false positive
    is listed under the scores.

    Example: namndkoll eval extract ../shared/data/gold
    """
    from ..extract.evaluate import evaluate

    try:
        res = evaluate(gold_dir)
    except NamndkollError as exc:
        fail(exc)
    if as_json:
        print_json(res)
        return
    fig = res["figures"]
    rows = [{"what": "figures", "precision": fig["precision"], "recall": fig["recall"], "f1": fig["f1"],
             "counts": f"tp {fig['tp']} fp {fig['fp']} fn {fig['fn']}"}]
    for k in ("parties", "people", "decisions", "positions"):
        rows.append({"what": k, "recall": res[k]["recall"], "counts": f"{res[k]['found']} of {res[k]['found'] + res[k]['missed']}"})
    rows.append({"what": "metadata", "recall": res["metadata"]["accuracy"], "counts": f"{res['metadata']['checked']} fields"})
    print_table(rows, ["what", "precision", "recall", "f1", "counts"], title=f"{len(res['files'])} gold files")
    problems = (fig["misses"] + fig["false_positives"] + res["parties"]["forbidden_found"]
                + [m for k in ("parties", "people", "decisions", "positions") for m in res[k]["misses"]]
                + res["metadata"]["errors"])
    for p in problems:
        echo(f"  - {one_line(str(p))}")


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_cmd)
    eval_group(app).command("extract")(eval_extract_cmd)
