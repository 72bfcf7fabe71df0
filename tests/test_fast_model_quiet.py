"""`namndkoll index --model fast` printed huggingface_hub's "Repo card metadata block was not
found. Setting CardData to empty." on stderr at every load of the shipped static model
(walk75): a library's note about a README field, no message for a user. A fresh interpreter, as
a user's command is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_loading_the_fast_model_prints_nothing(tmp_path: Path) -> None:
    pytest.importorskip("model2vec", reason="pip install 'namndkoll[fast]'")
    code = "from namndkoll.search.embed import get_embedder\nprint(get_embedder('fast').dimensions)\n"
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True,
                         cwd=tmp_path, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().isdigit()
    assert "Repo card" not in out.stderr and out.stderr.strip() == ""
