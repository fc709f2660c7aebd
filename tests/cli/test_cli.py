"""The command line contract of docs/design.md, through the entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ib_tui import __version__
from ib_tui.cli import main
from ib_tui.services import Services
from tests.policy.test_taipei import TAIPEI

GOOD = [
    TAIPEI,
    {"kind": "visit", "title": "Delegation från Guangzhou", "invitation_letter": True,
     "received": "17 november 2026", "guests": 12, "meeting": "2026-12-09"},
]  # fmt: skip


def write(tmp_path: Path, data: object, name: str = "items.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_version_and_help_through_the_installed_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ib_tui", "--version"], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"ib-tui {__version__}"
    helped = subprocess.run(
        [sys.executable, "-m", "ib_tui", "--help"], capture_output=True, text=True, check=True
    )
    assert "check" in helped.stdout and "import" in helped.stdout and "--demo" in helped.stdout


def test_check_json_is_one_document_in_file_order(tmp_path: Path, capsys) -> None:
    assert main(["check", str(write(tmp_path, GOOD)), "--json"]) == 0
    out = capsys.readouterr()
    document = json.loads(out.out)
    assert out.err == ""
    first, second = document["items"]
    assert first["title"] == TAIPEI["title"]
    assert first["forum"] == "ks" and first["forum_reason"]
    principles = {a["principle"]: a for a in first["assessments"]}
    assert principles["vanorter"]["verdict"] == "conflict"
    assert principles["vanorter"]["section"] == "4"
    assert "tecknar inte vänortsavtal" in principles["vanorter"]["quote"]
    assert set(principles["vanorter"]) == {
        "principle", "verdict", "reason", "section", "quote", "source",
    }  # fmt: skip
    assert {a["source"] for a in first["assessments"]} == {"strategy"}
    assert second["assessments"][0]["principle"] == "inbjudningsbrev"
    assert second["assessments"][0]["verdict"] == "conflict"


def test_check_human_output(tmp_path: Path, capsys) -> None:
    assert main(["check", str(write(tmp_path, GOOD))]) == 0
    out = capsys.readouterr().out
    assert "1. Motion om fördjupade relationer" in out
    assert "✖ Konflikt" in out and "Vänorter (avsnitt 4)" in out
    assert "Forum: Kommunstyrelsen" in out


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([{"kind": "visit", "title": "A", "colour": 1}], 'item 1: field "colour": okänt fält'),
        ([{"kind": "ufo", "title": "A"}], 'item 1: field "kind": okänd typ'),
        ([GOOD[1], {"kind": "visit", "title": "B", "starts": "31 februari 2025"}],
         'item 2: field "starts": \'31 februari 2025\' finns inte i kalendern'),
        ([{"kind": "visit", "title": "A"}, {"kind": "visit", "title": "B"},
          {"kind": "visit", "title": "C", "costs": {"travel": -5}}],
         'item 3: field "costs.travel": måste vara ≥ 0'),
        ([{"kind": "visit"}], 'item 1: field "title": saknas'),
        ([GOOD[1], {"kind": "representation", "title": "K",
                    "reception": {"participants": 10, "participants_abroad": 12}}],
         'item 2: field "reception.participants_abroad": fler (12) än deltagarna totalt'),
        ([{"kind": "membership", "title": "M", "membership": {"type": "klubb"}}],
         'item 1: field "membership.type": okänt värde'),
        ([{"kind": "representation", "title": "R", "reception": {"level": "SM"}}],
         'item 1: field "reception.level": okänt värde'),
        ([{"kind": "representation", "title": "R", "reception": {"participants": -1}}],
         'item 1: field "reception.participants": måste vara ≥ 0'),
    ],
)  # fmt: skip
def test_check_invalid_input_exits_2_with_the_field(tmp_path, capsys, items, message) -> None:
    assert main(["check", str(write(tmp_path, items)), "--json"]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert message in out.err


def test_check_unreadable_files(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["check", str(bad)]) == 2
    assert "ogiltig JSON på rad 1" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "missing.json")]) == 2
    assert "filen finns inte" in capsys.readouterr().err
    other = tmp_path / "items.xml"
    other.write_text("<items/>", encoding="utf-8")
    assert main(["check", str(other)]) == 2
    assert "okänt filformat .xml" in capsys.readouterr().err


def test_import_stores_all_and_places_meeting_items(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    assert main(["import", str(write(tmp_path, GOOD)), "--db", str(db), "--user", "sekr"]) == 0
    assert "2 ärenden importerade" in capsys.readouterr().out
    services = Services.open(db)
    try:
        ids = services.store.connection.execute("SELECT id FROM items ORDER BY id").fetchall()
        assert len(ids) == 2
        history = services.items.history(ids[1][0])
        assert [(e.action, e.user) for e in history] == [("import", "sekr"), ("agenda", "sekr")]
        meeting = services.store.connection.execute("SELECT date FROM meetings").fetchone()
        assert meeting == ("2026-12-09",)
    finally:
        services.close()


def test_a_failed_import_stores_nothing(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    items = [*GOOD, {"kind": "visit", "title": "C", "costs": {"travel": -5}}]
    assert main(["import", str(write(tmp_path, items)), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert 'item 3: field "costs.travel"' in err and "inget importerades" in err
    assert not db.exists() or Services.open(db).items.repository.count() == 0


def test_import_csv(tmp_path: Path, capsys) -> None:
    csv_file = tmp_path / "inkorg.csv"
    csv_file.write_text(
        "kind,title,received,costs.travel,participants\n"
        "conference,Eurocities årsmöte 2027,3 mars 2027,12 500,Anna Berg:politician\n",
        encoding="utf-8",
    )
    db = tmp_path / "ib.db"
    assert main(["import", str(csv_file), "--db", str(db)]) == 0
    services = Services.open(db)
    (item_id,) = services.store.connection.execute("SELECT id FROM items").fetchone()
    item = services.items.get(item_id)
    assert item.costs.travel == 12500 and item.participants[0].name == "Anna Berg"
    services.close()


def test_settings_set_list_reset(tmp_path: Path, capsys) -> None:
    db = ["--db", str(tmp_path / "ib.db")]
    assert main(["settings", "set", "mattfullhet.max_gifts_per_guest", "400", *db]) == 0
    assert main(["settings", "list", *db]) == 0
    assert "mattfullhet.max_gifts_per_guest = 400  (standard 300)" in capsys.readouterr().out
    assert main(["settings", "set", "mattfullhet.max_gifts_per_guest", "mycket", *db]) == 2
    assert "heltal" in capsys.readouterr().err
    assert main(["settings", "reset", "mattfullhet.max_gifts_per_guest", *db]) == 0


def test_check_uses_the_databases_settings(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    generous = [{"kind": "visit", "title": "Besök", "guests": 1, "costs": {"gifts": 350},
                 "purpose": "Erfarenhetsutbyte om skolor", "budgeted": True}]  # fmt: skip
    path = write(tmp_path, generous)
    main(["check", str(path), "--json", "--db", str(db)])
    verdicts = json.loads(capsys.readouterr().out)["items"][0]["assessments"]
    assert {"principle": "mattfullhet", "verdict": "warning"}.items() <= verdicts[0].items()
    main(["settings", "set", "mattfullhet.max_gifts_per_guest", "400", "--db", str(db)])
    capsys.readouterr()
    main(["check", str(path), "--json", "--db", str(db)])
    verdicts = json.loads(capsys.readouterr().out)["items"][0]["assessments"]
    assert all(a["verdict"] == "ok" for a in verdicts)


def test_a_too_new_database_is_a_clear_error(tmp_path: Path, capsys) -> None:
    import sqlite3

    db = tmp_path / "ib.db"
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA user_version = 999")
    assert main(["import", str(write(tmp_path, GOOD)), "--db", str(db)]) == 1
    assert "schemaversion 999" in capsys.readouterr().err


def test_demo_generate_through_the_entry_point_refuses_a_second_run(tmp_path: Path) -> None:
    db = tmp_path / "stor.db"
    command = [sys.executable, "-m", "ib_tui", "demo", "generate", "--items", "30000",
               "--db", str(db)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Skapade 30\u00a0000 ärenden" in done.stdout
    assert done.stderr == ""  # no progress bar when stderr is not a terminal
    services = Services.open(db)
    try:
        assert services.items.repository.count() == 30_000
    finally:
        services.close()
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 2
    assert "innehåller redan 30\u00a0000 ärenden" in again.stderr and again.stdout == ""


def test_demo_generate_rejects_a_bad_count(capsys) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["demo", "generate", "--items", "0"])
    assert stopped.value.code == 2
    assert "måste vara minst 1" in capsys.readouterr().err
