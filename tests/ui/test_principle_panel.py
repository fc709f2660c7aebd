"""The principle panel as a member reads it, and the strategy's full text opened at a
principle's sentence (issue 11)."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.screens.item import ItemScreen
from ib_tui.ui.screens.main import MainScreen
from ib_tui.ui.screens.strategy import StrategyScreen
from tests.conftest import make_item
from tests.ui.pilot import notifications, screen_text, wait_for, wait_for_list

RECEPTION = {
    "kind": "representation",
    "title": "Mottagning för VM i friidrott",
    "guests": 3,
    "costs": {"gifts": 900},
    "reception": {"event": "sport", "level": "vm"},
    "purpose": "Stärka Stockholmsbilden",
}


def flowing(text: str) -> str:
    """The screen's text with the panel's line breaks and margins taken out."""
    lines = [line.split("▏")[-1].strip() for line in text.splitlines()]
    return " ".join(" ".join(lines).split())


async def open_item(pilot) -> ItemScreen:
    await wait_for_list(pilot)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ItemScreen))
    await pilot.pause()
    return pilot.app.screen


@pytest.fixture
def reception_services(services: Services) -> Services:
    services.items.register(make_item(**RECEPTION))
    return services


async def test_the_panel_shows_verdict_reason_source_and_settings_in_words(
    reception_services: Services,
) -> None:
    app = IBApp(reception_services)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_item(pilot)
        text = flowing(screen_text(pilot))
        # verdict word and symbol, the principle, the section, the reason
        assert "✔ OK Måttfullhet (avsnitt 4)" in text
        assert "Gåvor 900 kr för 3 gäster = 300 kr per gäst: inom gränsen." in text
        # the deciding setting in words, never its key
        assert "Gräns för gåvor per gäst: 300 kr" in text
        assert "mattfullhet." not in text and "Inställning:" not in text
        # the strategy's sentence in quotation marks
        assert "”Staden ska tillämpa måttfullhet" in text
        # the reception rules: named, criteria in the app's words, no quotation marks
        assert "▲ VARNING Mottagning i Stadshuset" in text  # three guests: fewer than 150
        assert "staden vill helst ha minst 150 gäster och ärendet anger 3" in text
        rules = "Stockholms stads regler för representationsmottagningar i Stadshuset: Staden kan"
        assert rules in text
        assert "”Staden kan ge en mottagning" not in text
        assert "Mottagning i Stadshuset (avsnitt" not in text
        # a reception is not labelled a delegation decision
        assert "Forum: IB (beredningen behandlar ansökan)" in text
        assert "[1]" in text and "öppnar strategin vid principens mening" in text


async def test_a_number_opens_the_strategy_at_that_principles_sentence(
    reception_services: Services,
) -> None:
    app = IBApp(reception_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_item(pilot)
        number = next(
            n
            for n, a in enumerate(screen.judgement.assessments, start=1)
            if a.principle == "mattfullhet"
        )
        await pilot.press(str(number))
        await wait_for(pilot, lambda: isinstance(app.screen, StrategyScreen))
        await pilot.pause()
        strategy = app.screen
        marked = strategy.query_one(".marked")
        assert "Staden ska tillämpa måttfullhet" in str(marked.render())
        scroll = strategy.query_one("#strategy-text", VerticalScroll)
        # the marked paragraph is on screen, not somewhere below
        assert scroll.scroll_offset.y > 0
        assert marked.region.y >= scroll.region.y
        assert marked.region.y < scroll.region.bottom
        text = flowing(screen_text(pilot))
        assert "Måttfullhet, avsnitt 4" in text
        assert "Staden ska tillämpa måttfullhet" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Strategin i fulltext" in screen_text(pilot)
        await pilot.press("escape")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemScreen))


async def test_the_reception_rules_open_the_strategy_where_it_speaks_of_receptions(
    reception_services: Services,
) -> None:
    app = IBApp(reception_services)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_item(pilot)
        number = next(
            n
            for n, a in enumerate(screen.judgement.assessments, start=1)
            if a.principle == "mottagning"
        )
        await pilot.press(str(number))
        await wait_for(pilot, lambda: isinstance(app.screen, StrategyScreen))
        await pilot.pause()
        text = flowing(screen_text(pilot))
        assert "bygger på Stockholms stads regler för representationsmottagningar" in text
        marked = str(app.screen.query_one(".marked").render())
        assert "representationsmottagningar i Stadshuset för internationella kongresser" in marked


async def test_a_number_past_the_panel_says_so(reception_services: Services) -> None:
    app = IBApp(reception_services)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_item(pilot)
        await pilot.press("9")
        await pilot.pause()
        assert isinstance(app.screen, ItemScreen)
        count = len(screen.judgement.assessments)
        assert f"Panelen har {count} principer" in " ".join(notifications(pilot))


async def test_v_on_the_list_opens_the_strategy_at_the_most_serious_principle(
    services: Services,
) -> None:
    services.items.register(
        make_item(kind="cooperation", title="Vänort", agreement={"type": "twin_city"})
    )
    app = IBApp(services)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, StrategyScreen))
        await pilot.pause()
        marked = str(app.screen.query_one(".marked").render())
        assert "tecknar inte vänortsavtal" in marked
        await pilot.press("g")
        await pilot.pause()
        assert app.screen.query_one("#strategy-text", VerticalScroll).scroll_offset.y == 0
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.query_one("#strategy-text", VerticalScroll).scroll_offset.y > 0
        await pilot.press("q")
        await wait_for(pilot, lambda: isinstance(app.screen, MainScreen))


async def test_v_on_an_empty_register_opens_the_text_at_its_start(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, StrategyScreen))
        await pilot.pause()
        text = screen_text(pilot)
        assert "1. Bakgrund och syfte" in text
        assert not app.screen.query(".marked")
