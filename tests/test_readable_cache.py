"""The reader's word list (which words a page's text layer must hold to be read, not OCR'd) is kept
where namndkoll keeps its other copies of spaCy's lemma tables: under ``$NAMNDKOLL_HOME/cache``,
not in a folder of its own under ``~/.cache`` that a user who set ``$NAMNDKOLL_HOME`` never chose."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json
from namndkoll.ingest.readable import is_word
print(json.dumps([is_word(w) for w in ("arbetsmarknadsåtgärder", "Välfärdsnämndens", "protokojjet")]))
"""


def words(home: Path, user: Path) -> list[bool]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_CACHE_HOME"}
    env.update(NAMNDKOLL_HOME=str(home), HOME=str(user), PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=REPO, capture_output=True, text=True,
                         timeout=300, check=True).stdout
    return json.loads(out)


@pytest.mark.slow
def test_the_word_list_is_kept_under_namndkoll_home(tmp_path: Path) -> None:
    pytest.importorskip("spacy_lookups_data")
    home, user = tmp_path / "home", tmp_path / "user"
    user.mkdir()
    first = words(home, user)  # reads the lemma tables, writes the list
    assert first == [True, True, False]
    kept = list((home / "cache").glob("lexicon-*.txt"))
    assert len(kept) == 1 and kept[0].stat().st_size > 1_000_000
    assert not (user / ".cache").exists()
    assert words(home, user) == first  # read back from the list
