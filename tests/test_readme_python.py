"""The README's Python API example runs as written on the bundled sample (walk75: it used
"lund.db" and "kf.db" side by side and "protokoll/" and "kf-2023-11-09.pdf", none of which a
new user has; run as written it stopped at the first roll-call line with "no database at
kf.db")."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_python_example_runs_on_the_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    api = readme[readme.index("## Python API"):]
    code = re.search(r"```python\n(.*?)```", api, re.DOTALL)
    assert code, "README's Python API section has no python block"
    shutil.copytree(REPO / "sample", tmp_path / "sample")
    monkeypatch.chdir(tmp_path)
    names: dict[str, object] = {}
    exec(compile(code.group(1), "README.md", "exec"), names)  # noqa: S102 - our own README
    assert names["report"].count("ingested") == 4  # type: ignore[attr-defined]
    assert names["hits"] and "anställning" in names["hits"][0].text.lower()  # type: ignore[index]
    assert names["rows"] and all(r["unit"] == "SEK" for r in names["rows"])  # type: ignore[attr-defined]
    assert [v["roll_call"] for v in names["votes"]] == [[]] and names["members"] == []  # type: ignore[attr-defined]
