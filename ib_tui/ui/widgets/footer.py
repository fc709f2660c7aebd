"""The footer every screen uses: compact on narrow terminals, so that more keys (and ? for help)
stay in view at 80 columns."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Footer

COMPACT_BELOW = 100


class AppFooter(Footer):
    def on_resize(self, event: events.Resize) -> None:
        self.compact = event.size.width < COMPACT_BELOW


# First in a screen's BINDINGS, so the footer shows "? Hjälp" first: on a narrow terminal the
# keys at the end of the footer are cut off, and help must never be among them.
HELP_BINDING = Binding("question_mark,f1", "app.help", "Hjälp", id="app.help")
