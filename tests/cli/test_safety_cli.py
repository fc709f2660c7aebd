"""The CLI's side of data safety: history, re-import by dnr, backup/restore, owner-only files,
hostile text printed harmlessly, and no traceback for an unexpected error."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ib_tui.cli import main
from ib_tui.services import Services

ITEMS = [
    {"kind": "conference", "title": "Eurocities", "dnr": "KS 2026/1", "costs": {"travel": 5000}},
    {"kind": "visit", "title": "Delegation från Oslo", "dnr": "KS 2026/2"},
]


def _write(tmp_path: Path, items: list[dict[str, Any]], name: str = "inkorg.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    db = tmp_path / "ib.db"
    assert main(["import", str(_write(tmp_path, ITEMS)), "--db", str(db), "--user", "sekr"]) == 0
    capsys.readouterr()
    return db


def test_history_by_dnr_and_by_id(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = Services.open(db, "anna")
    item = services.items.find("KS 2026/1")
    services.items.update(replace(item, title="Eurocities årsmöte"))
    services.close()
    assert main(["history", "KS 2026/1", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "KS 2026/1 · Eurocities årsmöte (id 1, v2)"
    assert "sekr" in out[1] and "importerat" in out[1]
    assert "anna" in out[2] and "rubrik: Eurocities → Eurocities årsmöte" in out[2]
    assert main(["history", "1", "--db", str(db), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [(e["action"], e["field"], e["version"]) for e in document["history"]] == [
        ("import", None, 1),
        ("edit", "title", 2),
    ]


def test_history_of_an_unknown_item_says_so(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["history", "KS 1999/9", "--db", str(db)]) == 2
    assert "inget ärende med dnr eller id KS 1999/9" in capsys.readouterr().err


def test_reimport_skips_by_default_and_updates_when_asked(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = [ITEMS[0] | {"costs": {"travel": 7000}}, ITEMS[1]]
    path = _write(tmp_path, changed, "igen.json")
    assert main(["import", str(path), "--db", str(db)]) == 0
    out, err = capsys.readouterr()
    assert err == ""  # no progress line when stderr is not a terminal (the crash test has one)
    assert "0 ärenden importerade; 2 fanns redan (samma dnr) och hoppades över" in out
    assert "--existing update" in out
    assert main(["import", str(path), "--db", str(db), "--existing", "update"]) == 0
    out = capsys.readouterr().out
    assert "1 befintliga (samma dnr) uppdaterade; 1 befintliga var redan likadana" in out
    services = Services.open(db)
    try:
        assert services.items.repository.count() == 2
        assert services.items.find("KS 2026/1").costs.travel == 7000
    finally:
        services.close()


def test_backup_and_restore(tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "kopia.db"
    assert main(["backup", str(copy), "--db", str(db)]) == 0
    assert "2 ärenden, kontrollerad: ok" in capsys.readouterr().out
    assert _mode(copy) == 0o600
    main(["import", str(_write(tmp_path, [{"kind": "visit", "title": "Ny"}], "ny.json")),
          "--db", str(db)])  # fmt: skip
    capsys.readouterr()
    assert main(["restore", str(copy), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "(2 ärenden)" in out and "Den tidigare databasen finns kvar i" in out
    (kept,) = tmp_path.glob("ib.ersatt-*.db")
    assert _mode(kept) == 0o600
    assert main(["history", "3", "--db", str(kept)]) == 0  # the replaced data is all there


def test_backup_over_an_existing_file_is_refused(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "finns.db").write_text("x")
    assert main(["backup", str(tmp_path / "finns.db"), "--db", str(db)]) == 1
    assert "finns redan" in capsys.readouterr().err


def test_restore_of_a_broken_file_changes_nothing(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "trasig.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    assert main(["restore", str(broken), "--db", str(db)]) == 1
    assert "inget återställdes" in capsys.readouterr().err
    assert not list(tmp_path.glob("ib.ersatt-*"))


def test_hostile_text_is_printed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = [{"kind": "visit", "title": "Hej\x1b[2J\x1b]0;ägd\x07 [bold red]röd\u202e"}]
    db = tmp_path / "ib.db"
    assert main(["import", str(_write(tmp_path, hostile)), "--db", str(db)]) == 0
    assert main(["check", str(_write(tmp_path, hostile))]) == 0
    assert main(["history", "1", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "Hej␛[2J␛]0;ägd␇ [bold red]röd" in out
    unknown = [{"kind": "visit", "title": "x", "\x1b[31mfält": 1}]
    assert main(["check", str(_write(tmp_path, unknown, "okänd.json"))]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and 'field "␛[31mfält": okänt fält' in err


def test_an_unexpected_error_goes_to_the_log_not_the_terminal(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hemligt internt fel")

    monkeypatch.setattr("ib_tui.cli.files.import_documents", explode)
    path = _write(tmp_path, ITEMS)
    assert main(["import", str(path), "--db", str(tmp_path / "ib.db")]) == 1
    err = capsys.readouterr().err
    assert "ett oväntat fel inträffade" in err and "Traceback" not in err
    assert "hemligt" not in err
    log = data_dir / "ib-tui.log"
    assert "Traceback" in log.read_text() and "hemligt internt fel" in log.read_text()
    assert _mode(log) == 0o600 and _mode(data_dir) == 0o700
