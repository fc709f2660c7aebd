"""Precedent: earlier similar items with their decisions, and the costs per year."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from ib_tui.cli import main
from ib_tui.services import Services
from ib_tui.services.precedent import find_precedents
from ib_tui.store import ItemRepository
from ib_tui.ui.app import IBApp
from ib_tui.ui.screens.precedent import PrecedentScreen
from tests.conftest import make_item
from tests.ui.pilot import screen_text, wait_for, wait_for_list

DECISION = "Internationella beredningen beslutar att tillstyrka deltagande med två tjänstepersoner"


def _register(services: Services, **fields) -> int:
    return services.items.register(make_item(**fields)).id


def _decide(services: Services, item_id: int, outcome: str, sentence: str) -> None:
    """A decision as the meetings feature records it: an item_history row."""
    repository = ItemRepository(services.store)
    with services.store.transaction():
        repository.log(
            item_id, user="sekreterare", at=datetime.fromisoformat("2025-06-01T15:00:00+02:00"),
            action="decision", field="decision", new_value=outcome, note=sentence,
        )  # fmt: skip


@pytest.fixture
def forum(services: Services) -> dict[str, int]:
    """Three years of Eurocities, an unrelated conference, and a visit from Riga."""
    ids = {
        "2023": _register(services, title="Eurocities årsmöte 2023", received="2023-03-01",
                          city="Leipzig", costs={"travel": 30_000}),
        "2024": _register(services, title="Eurocities årsmöte 2024", received="2024-03-01",
                          city="Braga", costs={"travel": 20_000, "fees": 5_000}),
        "other": _register(services, title="ICLEI World Congress 2024", received="2024-04-01"),
        "visit": _register(services, kind="visit", title="Eurocities årsmöte, studiebesök",
                           received="2024-05-01"),
        "2025": _register(services, title="Eurocities årsmöte 2025", received="2025-03-01",
                          city="Tammerfors"),
    }  # fmt: skip
    _decide(services, ids["2024"], "bifall / tillstyrks", DECISION)
    services.items.set_status(ids["2023"], _status("written_off"), "Konferensen ställdes in.")
    return ids


def _status(value: str):
    from ib_tui.domain.model import Status

    return Status(value)


def test_finds_earlier_items_of_the_same_kind_and_forum_most_recent_first(
    services: Services, forum: dict[str, int]
) -> None:
    item = services.items.get(forum["2025"])
    found = find_precedents(services.context, item)
    assert [entry.item.id for entry in found.similar] == [forum["2024"], forum["2023"]]
    latest, oldest = found.similar
    assert latest.decision == "bifall / tillstyrks"
    assert latest.decision_text == DECISION
    assert latest.outcome == "bifall / tillstyrks"
    # No decision recorded: the status, its date, and the write-off reason.
    assert oldest.decision is None
    assert oldest.outcome == "avskriven: Konferensen ställdes in."
    assert oldest.outcome_date is not None
    assert found.matched == 2
    assert [(y.year, y.items, y.total) for y in found.per_year] == [(2023, 1, 30_000),
                                                                     (2024, 1, 25_000)]  # fmt: skip
    assert "Eurocities" in found.basis


def test_a_visit_matches_earlier_visits_from_the_same_city(services: Services) -> None:
    first = _register(services, kind="visit", title="Delegation om vatten", city="Riga",
                      country="Lettland", received="2022-01-10")  # fmt: skip
    _register(services, kind="visit", title="Delegation om skola", city="Oslo",
              country="Norge", received="2023-01-10")  # fmt: skip
    later = _register(services, kind="visit", title="Besök om kollektivtrafik", city="Riga",
                      country="Lettland", received="2024-01-10")  # fmt: skip
    found = find_precedents(services.context, services.items.get(later))
    assert [entry.item.id for entry in found.similar] == [first]


def test_cli_precedent_json_and_text(services: Services, forum, db_path, capsys) -> None:
    dnr_item = services.items.get(forum["2025"])
    assert main(["precedent", str(dnr_item.id), "--json", "--db", str(db_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in document["similar"]] == [forum["2024"], forum["2023"]]
    assert document["similar"][0]["decision"] == "bifall / tillstyrks"
    assert document["similar"][0]["total_cost"] == 25_000
    assert document["per_year"] == [
        {"year": 2023, "items": 1, "total_cost": 30_000},
        {"year": 2024, "items": 1, "total_cost": 25_000},
    ]
    assert main(["precedent", str(dnr_item.id), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "Eurocities årsmöte 2024" in out and "ICLEI" not in out
    assert "bifall / tillstyrks" in out and DECISION in out
    assert "Kostnad per år:" in out and "25\u00a0000\u00a0kr" in out
    assert main(["precedent", "KS 1999/1", "--db", str(db_path)]) == 2


async def test_p_opens_the_precedent_screen_with_decisions(services: Services, forum) -> None:
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        assert table.current_row.item.id == forum["2025"]  # the newest item is on top
        await pilot.press("p")
        await wait_for(pilot, lambda: isinstance(app.screen, PrecedentScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.found is not None)
        await pilot.pause()
        text = screen_text(pilot)
        assert "Tidigare ärenden" in text
        assert "Eurocities årsmöte 2024" in text and "Eurocities årsmöte 2023" in text
        assert "ICLEI" not in text and "studiebesök" not in text
        assert "bifall / tillstyrks" in text
        assert "avskriven: Konferensen ställdes in." in text
        assert "Kostnad per år" in text and "30\u00a0000\u00a0kr" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert "samma typ" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, PrecedentScreen))


def test_scenario_5_on_the_demo_earlier_eurocities_trips(demo_services: Services) -> None:
    """docs/scenarios.md 5: did we go to the Eurocities annual meeting before, what did it cost,
    and what was decided? The demo answers from its delegation decisions."""
    item = demo_services.items.find("KS 2026/598")
    found = find_precedents(demo_services.context, item)
    assert [p.item.dnr for p in found.similar] == ["KS 2025/402", "KS 2024/377", "KS 2023/412"]
    assert all(p.outcome.startswith("Delegationsbeslut") for p in found.similar)
    assert found.similar[0].decision_text.startswith("Finansborgarrådet beslutar att godkänna")
    assert [(y.year, y.items) for y in found.per_year] == [(2023, 1), (2024, 1), (2025, 1)]
    assert sum(y.total for y in found.per_year) == 31_000 + 45_200 + 42_600


SECRET_TITLE = "Eurocities årsmöte 2022, slutet säkerhetsmöte"


@pytest.fixture
def with_secret(services: Services, forum: dict[str, int]) -> int:
    secret = _register(
        services, title=SECRET_TITLE, received="2022-03-01", costs={"travel": 77_777},
        confidential=True, confidential_ground="18 kap. 8 § OSL",
    )  # fmt: skip
    _decide(services, secret, "bifall / tillstyrks", "beslutar att delta i det slutna mötet")
    return secret


def test_precedent_shows_a_confidential_item_only_by_number_and_ground(
    services: Services, forum: dict[str, int], with_secret: int
) -> None:
    found = find_precedents(services.context, services.items.get(forum["2025"]))
    secret = next(entry for entry in found.similar if entry.item.id == with_secret)
    assert secret.item.title == "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL"
    assert secret.decision is None and secret.decision_text is None
    assert secret.item.costs.total == 0
    assert found.hidden == 1 and 2022 not in {y.year for y in found.per_year if y.total}
    assert all(year.total != 77_777 for year in found.per_year)
    full = find_precedents(
        services.context, services.items.get(forum["2025"]), include_confidential=True
    )
    assert any(entry.item.title == SECRET_TITLE for entry in full.similar)


def test_precedent_cli_and_json_hide_it_unless_asked(
    services: Services, forum: dict[str, int], with_secret: int,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = str(services.store.path)
    assert main(["precedent", str(forum["2025"]), "--db", db]) == 0
    out = capsys.readouterr().out
    assert SECRET_TITLE not in out and "77" not in out.replace("2022", "")
    assert "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL" in out
    assert main(["precedent", str(forum["2025"]), "--db", db, "--json"]) == 0
    text = capsys.readouterr().out
    assert SECRET_TITLE not in text and "slutna" not in text and "77777" not in text
    assert json.loads(text)["hidden_confidential"] == 1
    assert main(["precedent", str(forum["2025"]), "--db", db, "--include-confidential"]) == 0
    out = capsys.readouterr().out
    assert f"{SECRET_TITLE} (sekretess)" in out


async def test_precedent_screen_reveals_only_after_asking_and_the_trail_keeps_it(
    services: Services, forum: dict[str, int], with_secret: int
) -> None:
    from ib_tui.ui.modals.confirm import ConfirmModal

    app = IBApp(services)
    async with app.run_test(size=(160, 50)) as pilot:
        await wait_for_list(pilot)
        app.push_screen(PrecedentScreen(services, services.items.get(forum["2025"])))
        await wait_for(pilot, lambda: "Ärende som omfattas av sekretess" in screen_text(pilot))
        assert SECRET_TITLE not in screen_text(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.press("n")
        await pilot.pause()
        assert SECRET_TITLE not in screen_text(pilot)
        assert services.audit.entries("sekretess") == []
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmModal))
        await pilot.press("j")
        await wait_for(pilot, lambda: "slutet säkerhetsmöte" in screen_text(pilot))
        assert "(sekretess)" in screen_text(pilot)
    (reveal,) = services.audit.entries("sekretess")
    assert (reveal.action, reveal.field, reveal.user) == ("reveal", "precedent", "testare")
