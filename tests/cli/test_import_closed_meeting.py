"""Import never puts an item onto a meeting whose record is approved (issue 12): the attack put a
new "§ 77" into a justerat protokoll."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.domain.meeting import MeetingStatus
from ib_tui.services import Services


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ib.db"
    services = Services.open(path)
    closed = services.meetings.create(date(2026, 10, 21))
    services.meetings.set_status(closed.id, MeetingStatus.HELD)
    services.meetings.set_status(closed.id, MeetingStatus.ADJUSTED)
    held = services.meetings.create(date(2026, 11, 18))
    services.meetings.set_status(held.id, MeetingStatus.HELD)
    services.meetings.create(date(2026, 12, 9))
    services.close()
    return path


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "sent.json"
    item = {"kind": "visit", "title": "Delegation från Riga", "meeting": "2026-10-21"}
    path.write_text(json.dumps([item], ensure_ascii=False), encoding="utf-8")
    return path


def _agenda_items(db: Path) -> dict[str, list[str]]:
    services = Services.open(db)
    try:
        return {
            m.day.isoformat(): [e.heading for e in services.meetings.record(m.id).items]
            for m in services.meetings.meetings()
        }
    finally:
        services.close()


def test_import_onto_a_justerat_meeting_is_refused_naming_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(_file(tmp_path)), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert 'item 1: field "meeting": sammanträdet 21 oktober 2026 är justerat' in err
    assert "--next-open-meeting" in err and "inget importerades" in err
    services = Services.open(db)
    try:
        assert services.items.repository.count() == 0
    finally:
        services.close()


def test_or_onto_the_next_open_meeting_when_asked(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["import", str(_file(tmp_path)), "--db", str(db), "--next-open-meeting"]
    assert main(args) == 0
    assert "2026-10-21 är justerat: ärendena lades på 2026-12-09" in capsys.readouterr().out
    agendas = _agenda_items(db)
    assert agendas["2026-12-09"] == ["Delegation från Riga"]
    assert agendas["2026-10-21"] == [] and agendas["2026-11-18"] == []
