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


def render_judgement(
    judgement: Judgement, styles: dict[str, str], *, numbered: bool = False
) -> RenderableType:
    """Forum and reason, then per assessment: verdict (symbol and word), title and where it
    comes from, the reason, the strategy's sentence in quotation marks (or, for another source,
    its criteria in the app's own words, without them), and the deciding settings in words.
    `numbered` puts the key that opens the strategy at the sentence before each one."""
    parts: list[RenderableType] = []
    forum = Text()
    forum.append("Forum: ", "bold")
    forum.append(judgement.forum_label, "bold")
    parts += [forum, plain(judgement.forum_reason), Text("")]
    if not judgement.assessments:
        parts.append(Text("Ingen av strategins principer är tillämplig.", "italic"))
    for number, assessment in enumerate(judgement.assessments, start=1):
        line = Text()
        if numbered and number <= 9:
            line.append(f"[{number}] ", "bold")
        line.append(
            f"{assessment.verdict.symbol} {assessment.verdict.label.upper()}",
            styles[VERDICT_CLASS[assessment.verdict]],
        )
        line.append(f"  {assessment.title}", "bold")
        if assessment.from_strategy:
            line.append(f"  (avsnitt {assessment.section})", "dim")
        parts.append(line)
        # Reasons quote the item (a partner's name, who asks): user text, shown plainly.
        parts.append(plain(assessment.reason))
        if assessment.from_strategy:
            parts.append(plain(f"”{assessment.quote}”", "italic dim"))
        else:
            source = Text(f"{assessment.source}: ", "dim bold")
            source.append(assessment.quote, "dim")
            parts.append(source)
        if assessment.basis:
            parts.append(plain(assessment.basis, "dim"))
        parts.append(Text(""))
    if numbered and judgement.assessments:
        last = min(len(judgement.assessments), 9)
        keys = "1" if last == 1 else f"1–{last}"
        parts.append(Text(f"{keys} öppnar strategin vid principens mening.", "dim italic"))
    return Group(*parts)


class PrinciplePanel(Static):
    DEFAULT_CSS = """
    PrinciplePanel { height: auto; padding: 0 1; }
    """

    def __init__(self, *, numbered: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.numbered = numbered

    def show(self, judgement: Judgement | None) -> None:
        if judgement is None:
            self.update("")
            return
        self.update(render_judgement(judgement, self._styles(), numbered=self.numbered))

    def _styles(self) -> dict[str, str]:
        """Colours from the theme, so dark and light both read; the symbol carries the meaning."""
        variables = self.app.theme_variables
        return {
            "conflict": f"bold {variables.get('error', 'red')}",
            "warning": f"bold {variables.get('warning', 'yellow')}",
            "ok": f"bold {variables.get('success', 'green')}",
        }
