"""Settings have ranges, and a value that cannot be computed marks one principle of one item,
never hiding the item or the others (issue 12)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.services import Services


def test_an_out_of_range_setting_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "ib.db")
    assert main(["settings", "set", "intentionsavtal.review_years", "9000", "--db", db]) == 2
    err = capsys.readouterr().err
    assert "intentionsavtal.review_years: måste vara mellan 1 och 50" in err
    assert main(["settings", "set", "intentionsavtal.review_years", "6", "--db", db]) == 0


def test_a_stored_value_out_of_range_falls_back_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "ib.db"
    Services.open(db).close()
    connection = sqlite3.connect(db)  # written by an older version without ranges
    connection.execute(
        "INSERT INTO settings (key, value) VALUES ('intentionsavtal.review_years', '9000')"
    )
    connection.commit()
    connection.close()
    assert main(["settings", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "intentionsavtal.review_years = 4" in out
    assert "Obs! Det sparade värdet för intentionsavtal.review_years används inte" in out


def test_an_agreement_signed_in_9999_is_refused_by_check_and_import_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "avtal.json"
    items = [
        {"kind": "cooperation", "title": "Avtal med Riga",
         "agreement": {"type": "intent", "partner": "Riga", "signed": "9999-01-01"}},
        {"kind": "conference", "title": "Vanlig konferens"},
    ]  # fmt: skip
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    # Dates outside 1900–2200 are a validation error (decision 33): check and import agree.
    assert main(["check", str(path), "--db", str(tmp_path / "ib.db")]) == 2
    assert 'field "agreement.signed"' in capsys.readouterr().err
    assert main(["import", str(path), "--db", str(tmp_path / "ib.db")]) == 2
    assert 'field "agreement.signed"' in capsys.readouterr().err
