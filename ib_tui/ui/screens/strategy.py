"""The strategy's full text, opened at a principle's sentence (marked) so the sentence can be
read in its context: what comes before it, which section it is in."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ib_tui.services.strategy import DNR, TITLE, Assessment, Passage, paragraphs, passage_for
from ib_tui.ui.widgets.footer import AppFooter


def section_name(section: str) -> str:
    return f"avsnitt {section}" if section else "inledningen"


class StrategyScreen(Screen[None]):
    HELP = f"""
## Strategin i fulltext

*{TITLE}* ({DNR}), stadens beslutade dokument, som det följer med ib-tui. Texten öppnas vid
den mening som principen citerar; meningen är markerad (ett streck i marginalen och omvänd
färg, så att markeringen syns också utan färg).

**↓ ↑**, **j k**, **PgDn PgUp** bläddrar, **g G** går till början och slutet, **m** tillbaka
till den markerade meningen. **Esc** eller **q** stänger.

Bedömningen *Mottagning i Stadshuset* bygger inte på strategin utan på stadens regler för
representationsmottagningar; för den öppnas texten där strategin nämner mottagningarna.
"""
    BINDINGS = [
        Binding("escape,q", "back", "Tillbaka", id="strategy.back"),
        Binding("j,down", "scroll(1)", "Ned", show=False, id="strategy.down"),
        Binding("k,up", "scroll(-1)", "Upp", show=False, id="strategy.up"),
        Binding("g,home", "top", "Början", show=False, id="strategy.top"),
        Binding("G,end", "bottom", "Slutet", show=False, id="strategy.bottom"),
        Binding("m", "marked", "Markerad mening", id="strategy.marked"),
    ]

    def __init__(self, assessment: Assessment | None = None) -> None:
        super().__init__()
        self.assessment = assessment
        self.passage: Passage | None = passage_for(assessment) if assessment else None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title(), id="strategy-title", classes="section-title")
        with VerticalScroll(id="strategy-text"):
            for index, paragraph in enumerate(paragraphs()):
                classes = "strategy-p heading" if paragraph.heading else "strategy-p"
                if self.passage is not None and self.passage.paragraph == index:
                    classes += " marked"
                yield Static(self._paragraph(index), id=f"p-{index}", classes=classes)
        yield AppFooter()

    def _title(self) -> Text:
        title = Text()
        title.append(TITLE, "bold")
        title.append(f" ({DNR})")
        assessment = self.assessment
        if assessment is None:
            return title
        if assessment.from_strategy and self.passage is not None:
            where = section_name(paragraphs()[self.passage.paragraph].section)
            title.append(f" · {assessment.title}, {where}")
        elif not assessment.from_strategy:
            title.append(f"\n{assessment.title} bygger på {assessment.source}, inte på strategin.")
            title.append(" Markerat: det strategin själv säger om mottagningar i Stadshuset.")
        return title

    def _paragraph(self, index: int) -> Text:
        paragraph = paragraphs()[index]
        passage = self.passage
        if paragraph.heading:
            return Text(paragraph.text, "bold underline")
        if passage is None or passage.paragraph != index:
            return Text(paragraph.text)
        text = Text(paragraph.text[: passage.start])
        text.append(paragraph.text[passage.start : passage.end], "reverse bold")
        text.append(paragraph.text[passage.end :])
        return text

    def on_mount(self) -> None:
        self.sub_title = "Strategin"
        self.query_one("#strategy-text").focus()
        self.call_after_refresh(self.action_marked)

    def action_marked(self) -> None:
        if self.passage is None:
            return
        target = self.query_one(f"#p-{self.passage.paragraph}")
        self.query_one("#strategy-text", VerticalScroll).scroll_to_widget(
            target, top=True, animate=False
        )

    def action_scroll(self, lines: int) -> None:
        scroll = self.query_one("#strategy-text", VerticalScroll)
        scroll.scroll_relative(y=lines, animate=False)

    def action_top(self) -> None:
        self.query_one("#strategy-text", VerticalScroll).scroll_home(animate=False)

    def action_bottom(self) -> None:
        self.query_one("#strategy-text", VerticalScroll).scroll_end(animate=False)

    def action_back(self) -> None:
        self.dismiss(None)
