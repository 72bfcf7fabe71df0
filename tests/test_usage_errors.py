"""A usage error (a value an option does not take, a misspelt option, party or command, an
argument left out) was a four-line box headed by the usage line, often in pydantic's words
("Value error, 'amunt' is not one of …", "Input should be greater than or equal to 1"). It is
one line on stderr, exit code 2, naming the option, the value, what it accepts and, where an
accepted value is close, which one was meant. --help is as before."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app

runner = CliRunner()


def usage_error(*args: str) -> str:
    r = runner.invoke(app, list(args), env={"COLUMNS": "80"})
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr  # no usage line, no box
    assert r.stdout == ""
    assert not any(ch in lines[0] for ch in "╭│╰"), lines[0]
    assert "Value error" not in lines[0] and "Input should" not in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("args, says", [
    (["figures", "--kind", "amunt"],
     "--kind: 'amunt' is not one of amount, count, percent, measure; did you mean amount?"),
    (["search", "budget", "--mode", "dens"], "--mode: 'dens' is not one of hybrid, dense, keyword; did you mean dense?"),
    (["compare", "budget", "--by", "colour"], "--by: 'colour' is not one of party, committee, year"),
    (["search", "budget", "--limit", "0"], "--limit: 0 is out of range; give a whole number, 1 or more"),
    (["search", "budget", "-n", "0"], "--limit: 0 is out of range"),
    (["figures", "--year", "20x"], "--year: '20x' is not a whole number; give a whole number, e.g. --year 2021"),
    (["search", "budget", "--year", "tjugo"], "--year: 'tjugo' is not a whole number"),
])
def test_a_bad_value_is_one_line_naming_the_option_and_what_it_takes(args, says):
    line = usage_error(*args)
    assert line.startswith(f"error: namndkoll {args[0]} --"), line
    assert says in line, line


def test_a_close_choice_is_offered_only_when_close():
    assert "did you mean" not in usage_error("figures", "--kind", "weight")
    assert "did you mean" not in usage_error("positions", "--kind", "opinion")  # not "motion"


@pytest.mark.parametrize("args, says", [
    (["search", "budget", "--party", "Socialdemokaterna"], "did you mean Socialdemokraterna (S)?"),
    (["positions", "--party", "Miljöpatiet"], "did you mean Miljöpartiet (MP)?"),
    (["documents", "--type", "protokol"], "did you mean protokoll?"),
    (["documents", "--municipalty", "Lund"], ("namndkoll documents has no option --municipalty; "
                                               "did you mean --municipality?")),
    (["serch", "budget"], "namndkoll has no command 'serch'; did you mean search?"),
    (["eval", "serch"], "namndkoll eval has no command 'serch'; did you mean search?"),
])
def test_a_misspelling_gets_a_did_you_mean(args, says):
    assert says in usage_error(*args)


def test_a_misspelt_party_far_from_any_still_lists_the_codes():
    line = usage_error("search", "budget", "--party", "XYZ")
    assert "--party: 'XYZ' is no party code" in line and "S M SD C V KD L MP Fi D" in line
    assert "did you mean" not in line


def test_a_missing_argument_or_value_says_what_to_give():
    assert usage_error("search").startswith("error: namndkoll search: give QUERY, e.g. namndkoll search ")
    line = usage_error("figures", "--kind")
    assert line.startswith("error: namndkoll figures: ") and "--kind" in line and "requires an argument" in line


def test_a_value_from_the_environment_is_named_by_its_variable(tmp_path):
    r = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db")],
                      env={"NAMNDKOLL_MAX_FILE_SECONDS": "lots"})
    assert r.exit_code == 2
    assert "NAMNDKOLL_MAX_FILE_SECONDS (for --max-file-seconds): 'lots' is not a number" in r.stderr


def test_help_keeps_its_panels_while_errors_lose_theirs():
    r = runner.invoke(app, ["figures", "--help"], env={"COLUMNS": "80"})
    assert r.exit_code == 0 and "--kind" in r.stdout and "╭" in r.stdout
    r = runner.invoke(app, ["eval"])  # a bare group: its help, as before
    assert r.exit_code == 2 and "Usage:" in r.output and "error:" not in r.output
    assert usage_error("figures", "--kind", "weight").startswith("error: namndkoll figures --kind: 'weight'")
