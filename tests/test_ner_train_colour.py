"""`namndkoll ner train > log` (or `| tee`) wrote spaCy's ANSI colour codes into the log
("\\x1b[38;5;2m✔ Created output directory …\\x1b[0m"). No colour now unless stdout and stderr
are terminals and NO_COLOR is unset."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_ner import _write_klintan

REPO = Path(__file__).resolve().parents[1]
ANSI = "\x1b["


def _train(tmp_path: Path, *, no_color: bool = False, **io: int) -> subprocess.Popen[bytes]:
    data = tmp_path / "ner"
    _write_klintan(data / "klintan-swedish-ner" / "train_corpus.txt", 40)
    cmd = [sys.executable, "-m", "namndkoll", "ner", "train", "--data", str(data), "-o", str(tmp_path / "m"),
           "--max-steps", "2", "--eval-every", "1", "--silver", "0", "--no-suc"]
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "ANSI_COLORS_DISABLED")}
    env.update({"PYTHONPATH": str(REPO), **({"NO_COLOR": "1"} if no_color else {})})
    return subprocess.Popen(cmd, env=env, **io)  # type: ignore[call-overload, no-any-return]


def test_ner_train_into_a_pipe_writes_no_colour_codes(tmp_path: Path) -> None:
    proc = _train(tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert "Training pipeline" in out.decode() and "saved" in out.decode()
    assert ANSI not in out.decode() and ANSI not in err.decode(), out.decode()[:400]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_no_color_on_a_terminal_writes_no_colour_codes(tmp_path: Path) -> None:
    master, slave = os.openpty()
    try:
        proc = _train(tmp_path, no_color=True, stdout=slave, stderr=slave)
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=300) == 0
    finally:
        os.close(master)
    shown = b"".join(chunks).decode(errors="replace")
    assert "Training pipeline" in shown and ANSI not in shown, repr(shown[:400])
