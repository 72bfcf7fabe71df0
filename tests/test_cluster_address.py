"""`--cluster lokal:2` (a typo) waited 20 s before failing: Dask read it as host "lokal", port 2,
and tried to reach it. An address that is neither local[:N] nor a scheduler URL
(tcp://HOST:PORT) now fails at once, on one line naming the accepted forms, before any file is
read or any database made; a slip one letter from an accepted form gets a "did you mean"."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.errors import NamndkollError

runner = CliRunner()


@pytest.mark.parametrize("address, hint", [
    ("lokal:2", "did you mean local:2?"), ("tpc://sched:8786", "did you mean tcp://sched:8786?"),
    ("sched:8786", "did you mean tcp://sched:8786?"), ("local:0", ""), ("bogus", ""),
])
def test_a_bad_cluster_address_fails_at_once_on_one_line(tmp_path: Path, address: str, hint: str) -> None:
    (tmp_path / "pdf").mkdir()
    db = tmp_path / "c.db"
    t0 = time.monotonic()
    r = runner.invoke(app, ["ingest", str(tmp_path / "pdf"), "--db", str(db), "--cluster", address])
    assert time.monotonic() - t0 < 5
    assert r.exit_code == 2, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"error: namndkoll ingest --cluster: '{address}' is no cluster address: {hint}")
    assert "local:N" in lines[0] and "tcp://HOST:8786" in lines[0]
    assert not db.exists()


def test_the_api_refuses_a_bad_address_before_it_opens_the_database(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    t0 = time.monotonic()
    with pytest.raises(NamndkollError, match="'lokal:2' is no cluster address: did you mean local:2"):
        ingest([tmp_path], db=db, cluster="lokal:2")
    assert time.monotonic() - t0 < 5 and not db.exists()


@pytest.mark.parametrize("address", ["local", "local:3", "tcp://sched:8786", "tcp://[::1]:8786", "tls://10.0.0.5:8786",
                                     "inproc://192.0.2.2/5338/1"])
def test_every_form_dask_takes_still_passes_the_check(address: str) -> None:
    from namndkoll.cluster import check_address

    assert check_address(address) == address
