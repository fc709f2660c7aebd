"""`ib-tui report costs` through the entry point: the three formats are the golden files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.services import Services
from tests.costs_data import load
from tests.exports.golden import GOLDEN


@pytest.fixture
def db(services: Services, db_path: Path) -> Path:
    load(services)
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["report", "costs", *args])
    out, err = capsys.readouterr()
    return code, out, err


def golden(name: str) -> str:
    return (GOLDEN / name).read_bytes().decode("utf-8")


def test_markdown_on_stdout_is_the_golden_section(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db))
    assert code == 0
    assert out == golden("costs-report.md")


def test_csv_to_a_file_keeps_the_bom_for_excel(db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "kostnader.csv"
    code, out, _ = run(capsys, "--db", str(db), "--by", "country", "--csv", "-o", str(target))
    assert code == 0 and "sparad i" in out
    assert target.read_bytes().decode("utf-8") == golden("costs-report-country.csv")


def test_json_by_status(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "--by", "status", "--json")
    assert code == 0
    assert json.loads(out) == json.loads(golden("costs-report.json"))


def test_the_period_filters_on_the_event_date(db: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(db), "--from", "2026-01-01", "--to", "31 december 2026",
                       "--json")  # fmt: skip
    document = json.loads(out)
    assert code == 0
    assert {entry["year"] for entry in document["by_year_kind"]} == {2026}
    assert document["change"]["previous"]["membership"]["requested"] == 60000


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-13-01"], "ogiltigt datum"),
        (["--from", "2026-06-01", "--to", "2026-01-01"], "--from ligger efter --to"),
    ],
)
def test_bad_dates_exit_2_in_swedish(db: Path, capsys, args: list[str], message: str) -> None:
    code, out, err = run(capsys, "--db", str(db), *args)
    assert code == 2 and out == "" and message in err


def test_a_missing_database_is_not_created(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "finns-inte.db"))
    assert code != 0 and err
    assert not (tmp_path / "finns-inte.db").exists()
