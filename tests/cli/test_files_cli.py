"""Files as they come, through the entry point: Swedish Excel CSV, hostile numbers, nesting and
dates (check and import always agree, nothing stored), other programs' databases, reading
commands that never write, sanitised terminal output, -o targets, full disks and stdouts."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ib_tui.cli import main
from ib_tui.services import Services
from ib_tui.store import db as store_db

# Anything a terminal would act on: C0 (but \n), DEL, C1, and the bidi overrides.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b]0;ägd\x07\x1b[2J\rDolt\x9b31m\u202eslut"

EXCEL = (
    "Typ;Rubrik;Dnr;Inkom;Kostnad resor;Digitalt\r\n"
    "Konferensresa;Eurocities årsmöte i Göteborg;KS 2025/1;2025-03-03;12 500;FALSKT\r\n"
    "Delegationsbesök;Besök från Åbo;KS 2025/2;3 mars 2025;;SANT\r\n"
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def count(db: Path) -> int:
    if not db.exists():
        return 0
    connection = sqlite3.connect(db)
    try:
        return connection.execute("SELECT count(*) FROM items").fetchone()[0]
    finally:
        connection.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_swedish_excel_csv_imports_and_says_how_it_was_read(tmp_path: Path, capsys) -> None:
    path = write(tmp_path, "inkorg.csv", EXCEL.encode("cp1252"))
    db = tmp_path / "ib.db"
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr()
    assert "inkorg.csv: läst med teckenkodning Windows-1252 och semikolon som avgränsare" in out.err
    assert "1. Eurocities årsmöte i Göteborg (konferensresa, 12\u00a0500\u00a0kr)" in out.out
    assert main(["import", str(path), "--db", str(db)]) == 0
    out = capsys.readouterr()
    assert "Windows-1252" in out.err and "2 ärenden importerade" in out.out
    services = Services.open(db)
    visit = services.items.find("KS 2025/2")
    assert (visit.kind.value, visit.title, visit.digital) == ("visit", "Besök från Åbo", True)
    services.close()


NINES = "9" * 5000
SIGNED_9999 = {
    "kind": "cooperation",
    "title": "A",
    "agreement": {"type": "intent", "signed": "9999"},
}
SIGNED_9999["agreement"]["signed"] = "9999-01-01"
SAME_DNR = [{"kind": "visit", "title": t, "dnr": "KS 1"} for t in "AB"]
HOSTILE_FILES = {
    "--5 in a CSV number": (
        "a.csv", "kind,title,costs.travel\nvisit,A,--5\n", 'field "costs.travel"',
    ),
    "² in a CSV number": ("a.csv", "kind,title,guests\nvisit,A,²\n", 'field "guests"'),
    "5,000 digits in CSV": ("a.csv", f"kind,title,guests\nvisit,A,{NINES}\n", 'field "guests"'),
    "5,000 digits in JSON": (
        "a.json", f'{{"kind": "visit", "title": "A", "costs": {{"fees": {NINES}}}}}',
        'field "costs.fees"',
    ),
    "JSON 5,000 deep": ("a.json", "[" * 5000 + "]" * 5000, "rad 1: JSON-filen är nästlad"),
    "JSON 100,000 deep": ("a.json", '{"kind":\n' + "[" * 100_000, "rad 2: JSON-filen är nästlad"),
    "agreement signed in 9999": (
        "a.json", json.dumps(SIGNED_9999),
        'field "agreement.signed": år 9999 ligger utanför 1900–2200',
    ),
    "a meeting in year 1": (
        "a.json", json.dumps({"kind": "visit", "title": "A", "meeting": "0001-01-01"}),
        'field "meeting"',
    ),
    "duplicate JSON keys": (
        "a.json", '{"kind": "visit", "title": "A", "title": "B"}',
        'item 1: field "title": anges mer än en gång',
    ),
    "an unclosed CSV quote": (
        "a.csv", 'kind,title\nvisit,A\nvisit,"B\n',
        'item 2: field "title": citattecknet på rad 3 avslutas aldrig',
    ),
    "only control characters (CSV)": (
        "a.csv", "\x01\x02\x1b\x07\x00\n\x03", "rubrikraden känns inte igen",
    ),
    "only control characters (JSON)": ("a.json", "\x01\x02\x1b\x07", "ogiltig JSON"),
    "an empty list": ("a.json", "[]", "filen innehåller inga ärenden"),
    "a header and no rows": ("a.csv", "kind;title\r\n", "filen innehåller inga ärenden"),
    "an empty file": ("a.csv", "", "CSV-filen saknar rubrikrad"),
    "the same dnr twice": (
        "a.json", json.dumps(SAME_DNR), 'item 2: field "dnr": samma dnr som item 1',
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", HOSTILE_FILES)
def test_hostile_files_exit_2_naming_the_place_and_store_nothing(
    tmp_path: Path, capsys, case: str
) -> None:
    name, content, message = HOSTILE_FILES[case]
    path = write(tmp_path, name, content)
    db = tmp_path / "ib.db"
    assert main(["check", str(path)]) == 2
    checked = capsys.readouterr()
    assert main(["import", str(path), "--db", str(db)]) == 2
    imported = capsys.readouterr()
    for out in (checked, imported):
        assert message in out.err
        assert "oväntat fel" not in out.err and out.out == ""
        assert not RAW_CONTROL.search(out.err)
    assert "inget importerades" in imported.err
    assert count(db) == 0


documents = st.fixed_dictionaries(
    {"kind": st.sampled_from(["visit", "cooperation", "besök"]), "title": st.just("A")},
    optional={
        "received": st.sampled_from(["2025-03-03", "1899-12-31", "2200-12-31", "9999-12-31"]),
        "agreement": st.fixed_dictionaries(
            {"type": st.just("intent")},
            optional={"signed": st.sampled_from(["2025-01-01", "2199-01-01", "9999-01-01"])},
        ),
        "meeting": st.sampled_from(["2026-12-09", "0001-01-01"]),
        "dnr": st.sampled_from(["KS 1", "KS 2"]),
        "guests": st.sampled_from([1, -1, 10**40]),
    },
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(documents, min_size=0, max_size=3))
def test_check_and_import_always_agree(tmp_path: Path, batch: list[dict[str, Any]]) -> None:
    path = tmp_path / "fil.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    db = tmp_path / "agree.db"
    db.unlink(missing_ok=True)
    checked = main(["check", str(path)])
    imported = main(["import", str(path), "--db", str(db)])
    assert checked in (0, 2) and checked == imported
    assert count(db) == (len(batch) if imported == 0 else 0)


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_a_meeting_outside_the_sane_years_is_refused(tmp_path: Path, capsys, day: str) -> None:
    db = tmp_path / "ib.db"
    assert main(["meetings", "add", day, "--db", str(db)]) == 2
    assert "ligger utanför 1900–2200" in capsys.readouterr().err
    Services.open(db).close()
    connection = sqlite3.connect(db)
    assert connection.execute("SELECT count(*) FROM meetings").fetchone()[0] == 0
    connection.close()


@pytest.fixture
def hostile_db(tmp_path: Path, capsys) -> Path:
    db = tmp_path / "ib.db"
    items = [{"kind": "visit", "title": f"Besök {HOSTILE}", "dnr": "KS 1", "meeting": "2026-12-09"}]
    assert main(["import", str(write(tmp_path, "i.json", json.dumps(items))), "--db", str(db)]) == 0
    assert main(["meetings", "member", "KS ordförande", f"Anna {HOSTILE}", "--db", str(db)]) == 0
    services = Services.open(db)
    (meeting,) = services.meetings.meetings()
    from dataclasses import replace

    services.meetings.update(replace(meeting, place=f"Stadshuset {HOSTILE}"))
    services.close()
    capsys.readouterr()
    return db


@pytest.mark.parametrize(
    "command",
    [
        ["history", "KS 1"],
        ["precedent", "KS 1"],
        ["meetings", "list"],
        ["meetings", "members"],
        ["check", "{file}"],
    ],
)
def test_no_control_character_reaches_the_terminal(
    hostile_db: Path, tmp_path: Path, capsys, command: list[str]
) -> None:
    file = write(tmp_path, "i.json", json.dumps({"kind": "visit", "title": HOSTILE}))
    argv = [part.replace("{file}", str(file)) for part in command]
    assert main([*argv, "--db", str(hostile_db)]) == 0
    out = capsys.readouterr()
    assert "Dolt" in out.out or command[0] == "precedent"
    assert not RAW_CONTROL.search(out.out), out.out
    assert not RAW_CONTROL.search(out.err), out.err


def test_paths_echoed_back_are_sanitised(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "ma\x1b[2Jpp\x07"
    folder.mkdir()
    db = folder / "ib\r.db"
    file = write(folder, "fil\x9b.json", json.dumps({"kind": "visit", "title": "A"}))
    assert main(["import", str(file), "--db", str(db)]) == 0
    assert main(["backup", str(folder / "kopia\x1b.db"), "--db", str(db)]) == 0
    assert main(["history", "1", "--db", str(folder / "saknas\x1b.db")]) == 1
    out = capsys.readouterr()
    assert "1 ärende importerat" in out.out and "Säkerhetskopia sparad" in out.out
    assert not RAW_CONTROL.search(out.out + out.err), out


def test_json_output_escapes_every_control_character(hostile_db: Path, capsys) -> None:
    assert main(["history", "KS 1", "--json", "--db", str(hostile_db)]) == 0
    out = capsys.readouterr().out
    assert not RAW_CONTROL.search(out)
    assert "\\u001b" in out and "\\u0007" in out and "\\u009b" in out and "\\u202e" in out
    assert json.loads(out)["title"] == f"Besök {HOSTILE}"


def foreign(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    connection.execute("INSERT INTO photos (name) VALUES ('semester.jpg')")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["history", "1"], ["export", "calendar"], ["meetings", "list"], ["settings", "list"],
        ["settings", "set", "mattfullhet.max_gifts_per_guest", "300"], ["backup", "{copy}"],
        ["import", "{file}"], ["check", "{file}"], ["meetings", "add", "2026-12-09"], [],
    ],
)  # fmt: skip
def test_another_programs_database_is_refused_and_untouched(
    tmp_path: Path, capsys, command: list[str]
) -> None:
    db = foreign(tmp_path / "their.db")
    before = digest(db)
    file = write(tmp_path, "i.json", json.dumps({"kind": "visit", "title": "A"}))
    argv = [
        p.replace("{file}", str(file)).replace("{copy}", str(tmp_path / "k.db")) for p in command
    ]
    assert main([*argv, "--db", str(db)], launch_tui=lambda *_: 0) == 1
    assert "är inte en ib-tui-databas" in capsys.readouterr().err
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "i.json", "their.db"]


READING = [
    ["history", "KS 1"], ["history", "KS 1", "--json"], ["precedent", "KS 1"],
    ["export", "agenda", "2026-12-09"], ["export", "calendar"], ["meetings", "list"],
    ["meetings", "members"], ["settings", "list"], ["settings"], ["check", "{file}"],
]  # fmt: skip


def test_reading_commands_never_write_the_file(hostile_db: Path, tmp_path: Path, capsys) -> None:
    file = write(tmp_path, "i.json", json.dumps({"kind": "visit", "title": "A"}))
    before = digest(hostile_db)
    for command in READING:
        argv = [part.replace("{file}", str(file)) for part in command]
        assert main([*argv, "--db", str(hostile_db)]) == 0, command
    assert digest(hostile_db) == before
    wal = Path(f"{hostile_db}-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    capsys.readouterr()


def test_reading_commands_leave_an_older_file_alone(hostile_db: Path, capsys) -> None:
    connection = sqlite3.connect(hostile_db)
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()
    before = digest(hostile_db)
    assert main(["history", "KS 1", "--db", str(hostile_db)]) == 1
    assert "äldre format (version 3" in capsys.readouterr().err
    assert digest(hostile_db) == before


def test_permissions_are_tightened_with_a_notice(hostile_db: Path, capsys) -> None:
    hostile_db.chmod(0o644)
    assert main(["history", "KS 1", "--db", str(hostile_db)]) == 0
    assert "kunde läsas av andra (behörighet 644)" in capsys.readouterr().err
    assert hostile_db.stat().st_mode & 0o777 == 0o600


def special_files(tmp_path: Path) -> list[Path]:
    """A directory, a FIFO and (where we may make one) a character device like /dev/null,
    made in tmp_path: the real /dev/null must never be a test's target (the old code replaced
    it with a regular file)."""
    tmp_path.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    found = [tmp_path, fifo]
    try:
        os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        found.append(tmp_path / "null")
    except (PermissionError, OSError):
        pass
    return found


def test_output_onto_a_directory_or_device_is_refused(
    hostile_db: Path, tmp_path: Path, capsys
) -> None:
    for target in special_files(tmp_path / "special"):
        kind = stat.S_IFMT(target.lstat().st_mode)
        assert main(["export", "calendar", "-o", str(target), "--db", str(hostile_db)]) == 2
        err = capsys.readouterr().err
        assert "inte en vanlig fil" in err and "oväntat fel" not in err
        assert stat.S_IFMT(target.lstat().st_mode) == kind  # still what it was


@pytest.mark.slow
def test_a_full_stdout_is_a_clear_message(hostile_db: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "ib_tui", "meetings", "list", "--db", str(hostile_db)],
            stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 1
    assert (
        done.stderr.strip() == "ib-tui: utdata kunde inte skrivas: disken (eller enheten) är full"
    )


def test_a_full_disk_during_import_stores_nothing_and_says_so(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ib.db"
    assert (
        main(
            [
                "import",
                str(write(tmp_path, "a.json", '{"kind": "visit", "title": "A"}')),
                "--db",
                str(db),
            ]
        )
        == 0
    )
    real = store_db.connect

    def no_room(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real(*args, **kwargs)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(
            f"PRAGMA max_page_count = {pages}"
        )  # SQLite's SQLITE_FULL, as on a full disk
        return connection

    monkeypatch.setattr(store_db, "connect", no_room)
    many = [{"kind": "visit", "title": f"B {n}", "summary": "x" * 2000} for n in range(50)]
    capsys.readouterr()
    assert main(["import", str(write(tmp_path, "b.json", json.dumps(many))), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err == "ib-tui: disken är full: inget sparades. Frigör utrymme och försök igen.\n"
    monkeypatch.undo()
    assert count(db) == 1
