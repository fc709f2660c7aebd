"""`ib-tui export …` and `ib-tui meetings …` through the entry point."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

from icalendar import Calendar
from markdown_it import MarkdownIt

from ib_tui.cli import main
from ib_tui.services import DocumentKind, Services
from tests.cli.test_cli import GOOD, write


def imported(tmp_path: Path) -> Path:
    """A register with two items on the agenda of 9 December 2026 (the file's `meeting`)."""
    db = tmp_path / "ib.db"
    items = [dict(GOOD[1], meeting="2026-12-09"), dict(GOOD[0], meeting="2026-12-09", dnr="KS 1")]
    items.append({"kind": "visit", "title": "Hemligt besök", "confidential": True,
                  "meeting": "2026-12-09"})  # fmt: skip
    assert main(["import", str(write(tmp_path, items)), "--db", str(db)]) == 0
    return db


def test_export_agenda_to_stdout_is_the_services_document(tmp_path: Path, capsys) -> None:
    db = imported(tmp_path)
    capsys.readouterr()
    assert main(["export", "agenda", "9 december 2026", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    services = Services.open(db)
    try:
        from datetime import date

        expected = services.documents.render_on(DocumentKind.AGENDA, date(2026, 12, 9))
    finally:
        services.close()
    assert out == expected
    assert out.startswith("# Föredragningslista – Internationella beredningen")
    assert "onsdagen den 9 december 2026" in out
    assert "Delegation från Guangzhou" in out and "Hemligt besök" not in out
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]


def test_a_beredning_writes_no_protokoll(tmp_path: Path, capsys) -> None:
    db = imported(tmp_path)
    capsys.readouterr()
    assert main(["export", "minutes", "2026-12-09", "--db", str(db)]) == 2
    assert "är en beredning och för inget protokoll" in capsys.readouterr().err


def test_the_report_of_delegation_decisions_to_ks(tmp_path: Path, capsys) -> None:
    from datetime import date

    db = imported(tmp_path)
    services = Services.open(db, user="sekr")
    try:
        item = services.items.find("KS 1")
        services.meetings.register_delegation(
            item.id, date(2026, 11, 2), "Finansborgarrådet",
            clauses=["godkänna deltagande i enlighet med ansökan"],
            delegation_point="Kommunstyrelsens delegationsordning", granted=True,
        )  # fmt: skip
    finally:
        services.close()
    capsys.readouterr()
    args = ["export", "delegations", "--from", "2026-11-01", "--to", "2026-11-30", "--db", str(db)]
    assert main([*args, "--utkast"]) == 0
    draft = capsys.readouterr().out
    assert draft.startswith("# Anmälan av delegationsbeslut till kommunstyrelsen")
    assert "| KS 1 |" in draft and "Kommunstyrelsens delegationsordning" in draft
    assert "Finansborgarrådet beslutar att godkänna deltagande i enlighet med ansökan." in draft
    assert "tre veckor" in draft and "kommunstyrelsens sammanträde där anmälan görs" in draft
    target = tmp_path / "anmalan.md"
    assert main([*args, "-o", str(target)]) == 0
    services = Services.open(db)
    try:
        (decision,) = services.meetings.decisions_for_item(services.items.find("KS 1").id)
        assert decision.reported_on is not None  # recorded when written for real
    finally:
        services.close()
    assert main(["export", "decision", "KS 1", "--db", str(db)]) == 0
    record = capsys.readouterr().out.split("\n", 1)[1]
    assert "# Delegationsbeslut" in record and "Anmält till kommunstyrelsen den" in record
    assert main(["export", "delegations", "--from", "2026-12-01", "--to", "2026-11-01",
                 "--db", str(db)]) == 2  # fmt: skip


def test_notes_to_a_private_file(tmp_path: Path, capsys) -> None:
    db = imported(tmp_path)
    for document, heading in (("notes", "# Minnesanteckningar"),):
        target = tmp_path / "ut" / f"{document}.md"
        code = main(["export", document, "2026-12-09", "-o", str(target), "--db", str(db),
                     "--include-confidential"])  # fmt: skip
        assert code == 0
        text = target.read_text("utf-8")
        assert text.startswith(heading)
        assert "Hemligt besök" in text  # asked for explicitly
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        assert str(target.resolve()) in capsys.readouterr().out


def test_export_of_a_day_without_a_meeting_is_a_clear_error(tmp_path: Path, capsys) -> None:
    db = imported(tmp_path)
    capsys.readouterr()
    assert main(["export", "notes", "2026-12-10", "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "det finns inget sammanträde den 10 december 2026" in captured.err
    assert main(["export", "agenda", "31 februari 2026", "--db", str(db)]) == 2
    assert "finns inte i kalendern" in capsys.readouterr().err
    missing = tmp_path / "saknas.db"
    assert main(["export", "agenda", "2026-12-09", "--db", str(missing)]) == 1
    assert not missing.exists()  # reading never creates a database


def test_plan_a_series_then_list_and_export_the_calendar(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    args = ["meetings", "plan", "--from", "2026-01-14", "--until", "2026-06-17",
            "--weekday", "onsdag", "--repeat", "w2", "--db", str(db)]  # fmt: skip
    assert main([*args, "--dry-run"]) == 0
    assert "12 sammanträden (inget skapat: --dry-run)" in capsys.readouterr().out
    assert not db.exists()  # a dry run creates nothing, not even the database
    assert main(args) == 0
    assert "12 sammanträden tillagda." in capsys.readouterr().out
    assert main(args) == 0  # again: nothing doubled
    again = capsys.readouterr().out
    assert again.count("fanns redan") == 12 and "0 sammanträden tillagda." in again
    assert main(["meetings", "list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out.splitlines()
    # Swedish dates, as the TUI shows them, in a column that lines up.
    assert len(listed) == 12 and listed[0].startswith("14 januari 2026    13.00  planerat")
    assert len({line.index("13.00") for line in listed}) == 1
    assert "0 ärenden" in listed[0]
    assert main(["export", "calendar", "--db", str(db)]) == 0
    calendar = Calendar.from_ical(capsys.readouterr().out)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 12
    assert events[0]["UID"] == "ib-2026-01-14@ib-tui"


def test_plan_names_the_bad_option(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    code = main(["meetings", "plan", "--from", "2026-01-14", "--until", "2026-06-17",
                 "--weekday", "ondag", "--db", str(db)])  # fmt: skip
    assert code == 2
    assert "--weekday:" in capsys.readouterr().err
    assert main(["meetings", "add", "2026-03-04", "--time", "25:00", "--db", str(db)]) == 2
    assert "--time" in capsys.readouterr().err


def test_export_through_the_installed_entry_point(tmp_path: Path) -> None:
    db = imported(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "ib_tui", "export", "notes", "2026-12-09", "--db", str(db)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.startswith("# Minnesanteckningar")
    assert json.dumps("Guangzhou")[1:-1] in done.stdout


def test_member_names_are_settings_and_officials_can_be_added(tmp_path: Path, capsys) -> None:
    db = tmp_path / "ib.db"
    assert main(["meetings", "member", "KS ordförande", "Anna Lindqvist", "--db", str(db)]) == 0
    assert (
        main(["meetings", "member", "Internationell strateg", "Lars Öberg", "--db", str(db)]) == 0
    )
    capsys.readouterr()
    assert main(["meetings", "members", "--db", str(db)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split() == ["KS", "ordförande", "ordförande", "Anna", "Lindqvist"]
    assert "(namn saknas)" in listed[1]
    assert listed[-1].split()[-3:] == ["tjänsteperson", "Lars", "Öberg"]
