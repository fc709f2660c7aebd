from __future__ import annotations

from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from tests.ui.pilot import screen_text, wait_for_list


async def test_opens_on_the_demo_with_count_and_panel(demo_services: Services) -> None:
    app = IBApp(demo_services, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        table = await wait_for_list(pilot)
        assert table.row_count == 53
        text = screen_text(pilot)
        assert "53 ärenden" in text
        assert "Strategins principer" in text
