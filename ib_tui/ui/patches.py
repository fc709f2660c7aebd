"""Work-arounds for Textual bugs found by the tests, each with the test that shows it.

Textual is pinned to a minor (pyproject.toml); when an upgrade fixes a bug, its patch goes."""

from __future__ import annotations

from textual.widgets import OptionList

_move_page = OptionList._move_page


def _move_page_once_laid_out(self: OptionList, direction: int) -> None:
    """PageUp/PageDown in an option list whose lines are not laid out yet (the command palette
    or a Select's overlay, right after its options changed) raised KeyError in Textual 8.2 and
    closed the app; now the key does nothing until the list has been drawn once.
    (tests/ui/test_key_mash.py::test_page_down_in_a_fresh_palette_does_not_crash)"""
    self._update_lines()
    if (self.highlighted or 0) not in self._index_to_line:
        return
    _move_page(self, direction)  # type: ignore[arg-type]


def apply() -> None:
    OptionList._move_page = _move_page_once_laid_out  # type: ignore[method-assign,assignment]
