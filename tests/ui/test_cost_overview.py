"""The cost overview at 80×24: figures apart per bucket, the chart with its patterns and
totals, a regrouping, and the drill-down to the items behind a figure."""

from __future__ import annotations

from textual.widgets import DataTable

from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.screens.costs import CostItemsScreen, CostOverviewScreen
from ib_tui.ui.screens.item import ItemScreen
from tests.costs_data import load
from tests.ui.pilot import screen_text, wait_for, wait_for_list


def loaded(pilot) -> bool:
    screen = pilot.app.screen
    return isinstance(screen, CostOverviewScreen) and screen.loaded is not None


async def test_overview_chart_and_drill_down_at_80x24(services: Services) -> None:
    load(services)
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: loaded(pilot))
        await pilot.pause(0.2)
        text = screen_text(pilot).replace("\u00a0", " ")
        assert "Kostnader per år och ärendetyp" in text
        assert "Begärt kr" in text and "Tillstyrkt" in text and "Avstyrkt" in text
        # 2025's conferences: Brussels approved (21 000), Barcelona written off (24 700).
        assert "2025 konferens" in text and "45 700" in text and "24 700" in text
        # The chart: bars per year with their totals on top, patterns named in the legend.
        assert "Begärt per år och typ (tkr)" in text
        assert "199" in text and "564" in text  # 198 700 and 563 900 kr, in tkr
        assert "██ konferens" in text and "▓▓ deklaration" in text
        # Enter on 2025 konferens › Avstyrkt: the one written-off trip.
        table = pilot.app.screen.query_one(DataTable)
        table.move_cursor(row=0, column=3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CostItemsScreen)
                       and pilot.app.screen.items)  # fmt: skip
        text = screen_text(pilot)
        assert "1 ärende (Avstyrkt/avskrivet)" in text
        assert "KS 2025/140" in text and "Smart City" in text
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ItemScreen))
        await pilot.press("escape", "escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CostOverviewScreen))
        # g regroups by requester; the chart stays.
        await pilot.press("g")
        await wait_for(pilot, lambda: loaded(pilot) and pilot.app.screen.grouping.value
                       == "requester" and pilot.app.screen.cells)  # fmt: skip
        await pilot.pause(0.2)
        text = screen_text(pilot).replace("\u00a0", " ")
        assert "Kostnader per nämnd/bolag" in text and "Miljö- och hälsoskydds" in text
        # c stacks the chart by status instead.
        await pilot.press("c")
        await pilot.pause(0.2)
        assert "Begärt per år och status (tkr)" in screen_text(pilot)


async def test_an_empty_register_says_so(services: Services) -> None:
    app = IBApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_list(pilot)
        await pilot.press("c")
        await wait_for(pilot, lambda: loaded(pilot))
        await pilot.pause(0.1)
        text = screen_text(pilot)
        assert "Inga ärenden med kostnader." in text
        await pilot.press("enter", "question_mark")  # Enter on nothing does nothing
        from ib_tui.ui.modals.help import HelpModal

        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpModal))
        await pilot.pause(0.3)
        assert "Kostnader" in screen_text(pilot) and "var pengarna går" in screen_text(pilot)
