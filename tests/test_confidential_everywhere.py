"""Sekretess stays sekretess (issue 12): every output, asked as the public asks it, with a
confidential item on the agenda and a delegation decision on a confidential item, shows
neither: not the title, the requester, the summary, the cost, nor the decision text.

Each output is reached as its user reaches it: the CLI through its entry point, the projector
through Pilot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.domain.model import Status
from ib_tui.services import Services
from tests.conftest import NOW, make_item

DAY = date(2026, 12, 9)
SECRETS = (
    "HEMLIG-RUBRIK", "HEMLIG-BEGÄRARE", "HEMLIG-SAMMANFATTNING", "123 457", "123457",
    "HEMLIGT-DELEGATIONSBESLUT", "HEMLIG-DELEGATIONSRUBRIK", "987 654", "987654",
)  # fmt: skip
PLACEHOLDER = "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL"


def _leaks(text: str) -> list[str]:
    return [secret for secret in SECRETS if secret in text]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "ib.db"
    services = Services.open(path, user="sekreterare")
    services.context.clock = lambda: NOW
    ready = Status.READY
    public = services.items.register(
        make_item(title="Eurocities årsmöte 2027", dnr="KS 2026/100", costs={"travel": 9_000})
    )
    secret = services.items.register(
        make_item(
            title="Eurocities årsmöte HEMLIG-RUBRIK", dnr="KS 2026/101",
            requested_by="HEMLIG-BEGÄRARE", summary="HEMLIG-SAMMANFATTNING",
            costs={"travel": 123_457}, confidential=True, confidential_ground="18 kap. 8 § OSL",
        )
    )  # fmt: skip
    delegated = services.items.register(
        make_item(
            title="HEMLIG-DELEGATIONSRUBRIK", dnr="KS 2026/102", costs={"fees": 987_654},
            confidential=True, confidential_ground="18 kap. 8 § OSL",
        )
    )  # fmt: skip
    for item in (public, secret):
        services.items.set_status(item.id, ready)
    services.meetings.create(date(2026, 11, 18))
    meeting = services.meetings.create(DAY)
    services.meetings.add_item(meeting.id, public.id)
    services.meetings.add_item(meeting.id, secret.id)
    services.meetings.register_delegation(
        delegated.id, date(2026, 11, 20), "Finansborgarrådet", "HEMLIGT-DELEGATIONSBESLUT"
    )
    services.close()
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out + err


def test_precedent_meetings_list_history_and_the_calendar_show_neither(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = [
        _run(capsys, "precedent", "KS 2026/100", "--db", str(db)),
        _run(capsys, "precedent", "KS 2026/100", "--db", str(db), "--json"),
        _run(capsys, "meetings", "list", "--db", str(db)),
        _run(capsys, "history", "KS 2026/100", "--db", str(db), "--json"),
        _run(capsys, "history", "KS 2026/101", "--db", str(db), "--json"),
        _run(capsys, "history", "KS 2026/101", "--db", str(db)),
        _run(capsys, "history", "KS 2026/102", "--db", str(db)),
        _run(capsys, "export", "calendar", "--db", str(db)),
    ]
    for text in outputs:
        assert _leaks(text) == [], text
    found = json.loads(outputs[1])
    assert found["hidden_confidential"] == 1
    assert "9\u00a0000" in outputs[2]  # the public item's cost is still counted
