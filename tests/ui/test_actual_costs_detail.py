"""The item's facts show estimate, actual and difference, and flag an overrun by shape and word."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Console

from ib_tui.domain.model import Costs, Status
from ib_tui.ui.widgets.item_detail import render_item
from tests.conftest import make_item


def shown(item, share: float = 0.10) -> str:
    console = Console(width=120, record=True)
    console.print(render_item(item, share))
    return console.export_text().replace("\u00a0", " ")


def test_an_approved_overrun_is_flagged() -> None:
    item = replace(
        make_item(costs={"travel": 10000}), actual_costs=Costs(travel=12000), status=Status.DECIDED
    )
    text = shown(item)
    assert "Utfall" in text and "12 000 kr" in text and "avvikelse +2 000 kr (+20 %)" in text
    assert "▲ över beräknat med mer än 10 %" in text
    assert "▲ över" not in shown(item, share=0.25)


def test_an_unreported_or_pending_item_is_not_flagged() -> None:
    assert "Utfall" not in shown(make_item(costs={"travel": 10000}))
    pending = replace(make_item(costs={"travel": 100}), actual_costs=Costs(travel=500))
    assert "▲ över" not in shown(pending)
