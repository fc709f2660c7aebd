"""The principle panel: what the strategy says about the selected item, and where it goes.

Meaning is carried by a symbol and a word (✖ Konflikt, ▲ Varning, ✔ OK), colour only adds to it:
the panel must read on a projector and for colour-blind members."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.widgets import Static

from ib_tui.domain.model import Verdict
from ib_tui.services import Judgement
from ib_tui.ui.text import plain

VERDICT_CLASS = {Verdict.CONFLICT: "conflict", Verdict.WARNING: "warning", Verdict.OK: "ok"}


def render_judgement(judgement: Judgement, styles: dict[str, str]) -> RenderableType:
    parts: list[RenderableType] = []
    forum = Text()
    forum.append("Forum: ", "bold")
    forum.append(judgement.forum.label, "bold")
    parts += [forum, plain(judgement.forum_reason), Text("")]
    if not judgement.assessments:
        parts.append(Text("Ingen av strategins principer är tillämplig.", "italic"))
    for assessment in judgement.assessments:
        line = Text()
        line.append(
            f"{assessment.verdict.symbol} {assessment.verdict.label.upper()}",
            styles[VERDICT_CLASS[assessment.verdict]],
        )
        line.append(f"  {assessment.title}", "bold")
        line.append(f"  (avsnitt {assessment.section})", "dim")
        parts.append(line)
        # Reasons quote the item (a partner's name, who asks): user text, shown plainly.
        parts.append(plain(assessment.reason))
        parts.append(plain(f"”{assessment.quote}”", "italic dim"))
        if assessment.basis:
            parts.append(plain(f"Inställning: {assessment.basis}", "dim"))
        parts.append(Text(""))
    return Group(*parts)


class PrinciplePanel(Static):
    DEFAULT_CSS = """
    PrinciplePanel { height: auto; padding: 0 1; }
    """

    def show(self, judgement: Judgement | None) -> None:
        if judgement is None:
            self.update("")
            return
        self.update(render_judgement(judgement, self._styles()))

    def _styles(self) -> dict[str, str]:
        """Colours from the theme, so dark and light both read; the symbol carries the meaning."""
        variables = self.app.theme_variables
        return {
            "conflict": f"bold {variables.get('error', 'red')}",
            "warning": f"bold {variables.get('warning', 'yellow')}",
            "ok": f"bold {variables.get('success', 'green')}",
        }
