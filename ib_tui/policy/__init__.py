"""The strategy's principles: the catalogue (data/principles.toml) and the rules over items."""

from ib_tui.policy.catalogue import (
    PRINCIPLE_IDS,
    Catalogue,
    Principle,
    SettingError,
    load_catalogue,
    strategy_text,
)
from ib_tui.policy.rules import Assessment, assess, find_hint, forum_label, route, worst

__all__ = [
    "PRINCIPLE_IDS",
    "Assessment",
    "Catalogue",
    "Principle",
    "SettingError",
    "assess",
    "find_hint",
    "forum_label",
    "load_catalogue",
    "route",
    "strategy_text",
    "worst",
]
