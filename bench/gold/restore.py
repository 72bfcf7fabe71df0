"""Restore the fetched gold documents from repository snapshots.

The structure gold (bench/gold/{dev,heldout}/*.json) names each fetched source by repository,
path and commit; no document is kept in this repository. Given snapshots of those repositories
(bare git directories, e.g. the search tool's ``fetch``, which puts them under
/work/.mirror/OWNER+NAME/repo, or any ``git clone --mirror``), this writes every source to its
``file`` under --pdf-dir, renders text sources with the command the gold names, and checks each
result against the gold's sha256, so a restored set scores exactly as the labelled one did.

    python bench/gold/restore.py --mirrors /work/.mirror --pdf-dir /work/gold-pdfs

A text source already transcribed to its ``text_file`` under --pdf-dir (with the recorded
text_sha256) is rendered from there. A source whose repository has no snapshot, or whose bytes differ from the recorded sha256, is
reported on one line and skipped; the others are restored.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _git_dir(mirrors: Path, repo: str) -> Path | None:
    base = mirrors / repo.replace("/", "+")
    for cand in (base / "repo", base, mirrors / repo):
        if (cand / "HEAD").exists() or (cand / ".git").exists():
            return cand
    return None


def _show(git_dir: Path, commit: str, path: str) -> bytes:
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
        check=True, capture_output=True,
    ).stdout


def restore_one(gold: dict, mirrors: Path, pdf_dir: Path) -> str:
    """Restore one gold document's source; return "ok", "present" or a one-line reason."""
    src = gold["source"]
    if "repo" not in src:
        return "shared"
    dst = pdf_dir / src["file"]
    if dst.exists() and _sha256(dst.read_bytes()) == gold["sha256"]:
        return "present"
    git_dir = _git_dir(mirrors, src["repo"])
    local_text = pdf_dir / src["text_file"] if "text_file" in src else None
    if local_text is not None and local_text.exists() and (
            _sha256(local_text.read_bytes()) == src["text_sha256"]):
        # a text transcribed earlier (e.g. from a search index when no snapshot could be had)
        data = local_text.read_bytes()
    elif git_dir is None:
        return f"no snapshot of {src['repo']} under {mirrors}"
    else:
        try:
            data = _show(git_dir, src["commit"], src["path"])
        except subprocess.CalledProcessError as exc:
            return (f"git show {src['commit'][:10]}:{src['path']} failed: "
                    f"{exc.stderr.decode().strip()[:120]}")
    dst.parent.mkdir(parents=True, exist_ok=True)
    if "text_file" in src:
        if _sha256(data) != src["text_sha256"]:
            return "text differs from the recorded text_sha256"
        text_path = pdf_dir / src["text_file"]
        text_path.parent.mkdir(parents=True, exist_ok=True)
        text_path.write_bytes(data)
        argv = shlex.split(src["render"])
        if argv[0].endswith(".py"):
            argv = [sys.executable, str(HERE.parent.parent / argv[0]), *argv[1:]]
        argv[2:2] = [str(text_path), str(dst)]
        subprocess.run(argv, check=True, capture_output=True)
    else:
        dst.write_bytes(data)
    if _sha256(dst.read_bytes()) != gold["sha256"]:
        return "restored file differs from the recorded sha256"
    return "ok"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--pdf-dir", type=Path, default=Path("/work/gold-pdfs"))
    ap.add_argument("--gold", type=Path, default=HERE)
    args = ap.parse_args(argv)
    counts: dict[str, int] = {}
    for path in sorted(args.gold.glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = restore_one(gold, args.mirrors, args.pdf_dir)
        key = result if result in ("ok", "present", "shared") else "failed"
        counts[key] = counts.get(key, 0) + 1
        if key == "failed":
            print(f"{path.parent.name}/{path.stem}: {result}", file=sys.stderr)
    print(" · ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
