"""The conflict dialog: someone saved the item after you opened it.

Every field where your version and the stored one differ is listed with both values. A field only
one side changed starts on that side; a field both changed starts undecided, and nothing is saved
until every field has a side. Dismisses with the choices, or None to go back (nothing saved).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Static

from ib_tui.domain.changes import Conflict, FieldConflict, Side, field_text
from ib_tui.domain.model import HISTORY_ACTIONS, HistoryEntry
from ib_tui.ui.text import clean, plain
from ib_tui.ui.widgets.footer import AppFooter

CHOICE_TEXT = {Side.MINE: "◀ ditt", Side.THEIRS: "sparat ▶", None: "? välj"}
DETAIL_LIMIT = 2_000  # characters of a value shown in full below the table


def short(text: str, width: int) -> str:
    """One line of at most `width` cells, cut with an ellipsis."""
    text = clean(text)
    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"


def changed_by(entries: list[HistoryEntry]) -> str:
    """ "anna 10:32 (v4), bertil 10:40 (v5)": who saved since the version you opened."""
    seen: dict[int | None, str] = {}
    for entry in entries:
        what = HISTORY_ACTIONS.get(entry.action, entry.action)
        seen.setdefault(
            entry.version, f"{entry.user} {entry.at.strftime('%H:%M')} ({what}, v{entry.version})"
        )
    return ", ".join(seen.values())


class ConflictModal(ModalScreen[dict[str, Side] | None]):
    HELP = """
## Någon annan har sparat ärendet

Fälten nedan skiljer sig mellan **ditt värde** och det som är **sparat nu**.
Ett fält som bara en av er ändrat är förvalt till den som ändrade det; ett fält som ni båda
ändrat är markerat **? välj** och måste väljas.

**m** väljer ditt värde och **t** det sparade för det markerade fältet (**Enter** eller
**mellanslag** växlar). **M** och **T** väljer alla. **F2** (eller **s**) sparar valen,
**Esc** går tillbaka utan att spara: ingenting skrivs över utan att du har valt det.
"""
    BINDINGS = [
        Binding("m", "choose('mine')", "Ditt värde", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Sparat värde", id="conflict.theirs"),
        Binding("space", "toggle_side", "Växla", show=False, id="conflict.toggle"),
        Binding("M", "choose_all('mine')", "Alla mina", show=False, id="conflict.all_mine"),
        Binding("T", "choose_all('theirs')", "Alla sparade", show=False, id="conflict.all_theirs"),
        Binding("f2,s", "save", "Spara valen", id="conflict.save"),
        Binding("escape", "cancel", "Tillbaka", id="conflict.cancel"),
    ]

    def __init__(
        self,
        conflict: Conflict,
        since: list[HistoryEntry],
        *,
        title: str = "Någon annan har sparat ärendet medan du redigerade",
        mine: str = "Ditt värde",
        theirs: str = "Sparat nu",
    ) -> None:
        super().__init__()
        self.conflict = conflict
        self.since = since
        self.title_text = title
        self.mine_title, self.theirs_title = mine, theirs
        self.choices: dict[str, Side | None] = conflict.presets()

    def compose(self) -> ComposeResult:
        item = self.conflict.theirs
        with Vertical(classes="dialog conflict"):
            yield Static(plain(self.title_text), classes="dialog-title")
            intro = Text()
            intro.append_text(plain(item.dnr or item.title, "bold"))
            intro.append(f": du utgick från version {self.conflict.base.version}, ")
            intro.append(f"nu är den version {item.version}.")
            if self.since:
                intro.append("\nSparat sedan dess av: ")
                intro.append_text(plain(changed_by(self.since)))
            yield Static(intro, id="conflict-intro")
            yield DataTable(id="conflict-fields", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="conflict-detail-scroll"):
                yield Static(id="conflict-detail")
            yield Static(id="conflict-status")
            # Compact buttons and a footer of its own: the keys stay in sight at 80×24.
            with Horizontal(classes="dialog-buttons"):
                yield Button("Spara valen (F2)", variant="primary", id="save", compact=True)
                yield Button("Alla mina (M)", id="all-mine", compact=True)
                yield Button("Alla sparade (T)", id="all-theirs", compact=True)
                yield Button("Tillbaka (Esc)", id="cancel", compact=True)
        yield AppFooter()

    def on_mount(self) -> None:
        self._build_table()
        table = self.query_one(DataTable)
        undecided = [n for n, field in enumerate(self.conflict.fields) if field.both_changed]
        if undecided:
            table.move_cursor(row=undecided[0])
        table.focus()
        self._show_status()

    # --- table --------------------------------------------------------------------------------

    def _widths(self) -> tuple[int, int, int]:
        """Field, value and choice column widths for the dialog's width (80×24 and up)."""
        dialog = min(110, int(self.app.size.width * 0.95)) - 8  # border and padding
        label, choice = 16, 9
        value = max(10, (dialog - label - choice - 8) // 2)  # 8: the cells' own padding
        return label, value, choice

    def _build_table(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        label, value, choice = self._widths()
        table.add_column("Fält", width=label, key="field")
        table.add_column(self.mine_title, width=value, key="mine")
        table.add_column(self.theirs_title, width=value, key="theirs")
        table.add_column("Gäller", width=choice, key="choice")
        for field in self.conflict.fields:
            mark = " ⚠" if field.both_changed else ""
            table.add_row(
                Text(short(field.label + mark, label)),
                Text(short(field_text(self.conflict.mine, field.name), value)),
                Text(short(field_text(self.conflict.theirs, field.name), value)),
                self._choice_cell(field),
                key=field.name,
            )

    def _choice_cell(self, field: FieldConflict) -> Text:
        side = self.choices[field.name]
        return Text(CHOICE_TEXT[side], style="bold" if side else "bold reverse")

    def on_resize(self) -> None:
        if self.is_mounted and self.query(DataTable):
            row = self.query_one(DataTable).cursor_row
            self._build_table()
            self.query_one(DataTable).move_cursor(row=row)

    @property
    def _current(self) -> FieldConflict | None:
        table = self.query_one(DataTable)
        if not self.conflict.fields or table.cursor_row < 0:
            return None
        return self.conflict.fields[min(table.cursor_row, len(self.conflict.fields) - 1)]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        field = self._current
        if field is None:
            return
        detail = Text()
        for title, item in (
            (self.mine_title, self.conflict.mine),
            (self.theirs_title, self.conflict.theirs),
        ):
            value = field_text(item, field.name)
            if len(value) > DETAIL_LIMIT:
                value = value[:DETAIL_LIMIT] + f" … ({len(value)} tecken)"
            detail.append(f"{title}: ", "bold")
            detail.append_text(plain(value, multiline=True))
            detail.append("\n")
        detail.rstrip()
        self.query_one("#conflict-detail", Static).update(detail)
        self.query_one("#conflict-detail-scroll", VerticalScroll).scroll_home(animate=False)

    def _show_status(self) -> None:
        undecided = [f.label for f in self.conflict.fields if self.choices[f.name] is None]
        mine = sum(1 for side in self.choices.values() if side is Side.MINE)
        if undecided:
            text = f"Välj värde för: {', '.join(undecided)}."
        else:
            text = f"Ditt värde gäller i {mine} av {len(self.choices)} fält."
        self.query_one("#conflict-status", Static).update(Text(text, "bold"))

    # --- choosing -----------------------------------------------------------------------------

    def _set(self, name: str, side: Side) -> None:
        self.choices[name] = side
        field = next(f for f in self.conflict.fields if f.name == name)
        self.query_one(DataTable).update_cell(name, "choice", self._choice_cell(field))
        self._show_status()

    def action_choose(self, side: str) -> None:
        if field := self._current:
            self._set(field.name, Side(side))

    @on(DataTable.RowSelected)
    def action_toggle_side(self) -> None:
        if field := self._current:
            current = self.choices[field.name]
            self._set(field.name, Side.THEIRS if current is Side.MINE else Side.MINE)

    def action_choose_all(self, side: str) -> None:
        for field in self.conflict.fields:
            self._set(field.name, Side(side))

    @on(Button.Pressed, "#all-mine")
    def _all_mine(self) -> None:
        self.action_choose_all(Side.MINE.value)

    @on(Button.Pressed, "#all-theirs")
    def _all_theirs(self) -> None:
        self.action_choose_all(Side.THEIRS.value)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        undecided = [n for n, f in enumerate(self.conflict.fields) if self.choices[f.name] is None]
        if undecided:
            self.query_one(DataTable).move_cursor(row=undecided[0])
            self.query_one(DataTable).focus()
            self.notify(
                "Välj först vilket värde som ska gälla i de markerade fälten.", severity="warning"
            )
            return
        self.dismiss({name: side for name, side in self.choices.items() if side is not None})

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
