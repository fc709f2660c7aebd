"""Meeting mode: the shared screen in the meeting room (docs/scenarios.md 3).

One agenda entry at a time, large and high-contrast, readable from the back of the room at
120×35: the § number in big digits, the rubrik, what it costs, its forum and the principle panel.
The secretary moves § by § with single keys and records each decision with one key. Every
update is drawn in one batch, so nobody sees a half-drawn screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Label, Static

from ib_tui.domain.meeting import (
    AbsenceReason,
    AgendaEntry,
    MeetingRecord,
    Outcome,
    Remark,
    RemarkKind,
)
from ib_tui.errors import StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.fields import Field, FieldsModal, Values, open_form
from ib_tui.ui.modals.reason import ReasonModal
from ib_tui.ui.screens.agenda import meeting_line
from ib_tui.ui.text import plain
from ib_tui.ui.widgets.entry_view import render_entry
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter
from ib_tui.ui.widgets.principle_panel import PrinciplePanel

DECISION_KEYS = {
    "b": Outcome.APPROVED,
    "a": Outcome.REJECTED,
    "r": Outcome.REFERRED_BACK,
    "t": Outcome.TABLED,
    "k": Outcome.TO_KS,
    "f": Outcome.TO_KF,
    "x": Outcome.NO_ACTION,
    "o": Outcome.NOTED,
}
DECISION_NAMES = {  # short, for the footer; the help lists the full labels too
    Outcome.APPROVED: "Bifall",
    Outcome.REJECTED: "Avslag",
    Outcome.REFERRED_BACK: "Återremiss",
    Outcome.TABLED: "Bordlägg",
    Outcome.TO_KS: "Till KS",
    Outcome.TO_KF: "Till KF",
    Outcome.NO_ACTION: "Utan åtgärd",
    Outcome.NOTED: "Antecknas",
}
NOT_TAKING_PART = "deltar"  # the choice that clears an absence


class MeetingModeScreen(Screen[None]):
    HELP = """
## Mötesläge

Visas på projektorn under sammanträdet: en punkt i taget med §-nummer, rubrik, kostnad,
forum och strategins principer (bedömning, skäl och citat).

**→**, **Mellanslag** eller **PgDn** går till nästa punkt, **←** eller **PgUp** till
föregående, **Home/End** till första och sista.

Beslut med en tangent: **b** bifall/tillstyrks, **a** avslag/avstyrks, **r** återremiss
(frågar efter skälet), **t** bordläggning (ärendet läggs först på nästa sammanträdes lista),
**k** hänskjuts till KS, **f** hänskjuts till KF, **x** lämnas utan åtgärd, **o** antecknas
(för de inledande och avslutande punkterna). Beslutet flyttar ärendets status och syns i dess
historik. **e** ändrar beslutstexten (”Internationella beredningen beslutar att …”).

**R** reservation, **P** protokollsanteckning, **j** jäv (en ledamot deltar inte i paragrafen),
**N** närvaro och justerare, **d** anteckna vad som diskuterades. **Esc** tillbaka.
"""
    BINDINGS = [
        HELP_BINDING,
        Binding("right,space,pagedown", "step(1)", "Nästa", key_display="→", id="meeting.next"),
        Binding("left,pageup", "step(-1)", "Föregående", key_display="←", id="meeting.previous"),
        Binding("home", "jump(0)", "Första", show=False, id="meeting.first"),
        Binding("end", "jump(-1)", "Sista", show=False, id="meeting.last"),
        *(
            Binding(
                key,
                f"decide('{key}')",
                DECISION_NAMES[outcome],
                show=key in "bart",
                id=f"meeting.decide.{outcome.value}",
            )
            for key, outcome in DECISION_KEYS.items()
        ),
        Binding("e", "edit_decision", "Beslutstext", id="meeting.text"),
        Binding("R", "remark('reservation')", "Reservation", show=False, id="meeting.reservation"),
        Binding("P", "remark('note')", "Protokollsanteckning", show=False, id="meeting.note"),
        Binding("j", "absence", "Jäv", id="meeting.jav"),
        Binding("N", "attendance", "Närvaro", id="meeting.attendance"),
        Binding("d", "discussion", "Diskussion", show=False, id="meeting.discussion"),
        Binding("escape", "back", "Tillbaka", id="meeting.back"),
    ]

    def __init__(self, services: Services, meeting_id: int, entry_id: int | None = None) -> None:
        super().__init__()
        self.services = services
        self.meeting_id = meeting_id
        self.start_entry = entry_id
        self.record: MeetingRecord | None = None
        self.index = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="mm-top"):
            yield Digits("", id="mm-paragraph")
            with Vertical(id="mm-titles"):
                yield Static(id="mm-progress")
                yield Static(id="mm-meeting")
        yield Static(id="mm-heading")
        with Horizontal(id="mm-body"):
            with VerticalScroll(id="mm-facts"):
                yield Static(id="mm-entry")
                yield Static(id="mm-summary")
            with VerticalScroll(id="mm-principles"):
                yield Label("Strategins principer", classes="section-title")
                yield PrinciplePanel(id="principles")
        yield AppFooter()

    def on_mount(self) -> None:
        self.reload()
        if self.record and self.start_entry is not None:
            ids = [entry.id for entry in self.record.entries]
            if self.start_entry in ids:
                self.index = ids.index(self.start_entry)
        self.show()

    def on_resize(self) -> None:
        self.set_class(self.size.width < 110, "narrow")

    def reload(self) -> None:
        try:
            self.record = self.services.meetings.record(self.meeting_id)
        except StoreError as error:
            self.notify(str(error), severity="error")

    @property
    def entry(self) -> AgendaEntry | None:
        if not self.record or not self.record.entries:
            return None
        self.index = max(0, min(self.index, len(self.record.entries) - 1))
        return self.record.entries[self.index]

    def show(self) -> None:
        record, entry = self.record, self.entry
        with self.app.batch_update():
            if record is None or entry is None:
                self.query_one("#mm-heading", Static).update("Föredragningslistan är tom.")
                return
            self.sub_title = f"Mötesläge {record.meeting.day.isoformat()}"
            self.query_one("#mm-paragraph", Digits).update(str(entry.paragraph or ""))
            self.query_one("#mm-progress", Static).update(
                Text(f"§ {entry.paragraph} · punkt {self.index + 1} av {len(record.entries)}",
                     "bold")
            )  # fmt: skip
            self.query_one("#mm-meeting", Static).update(meeting_line(record))
            self.query_one("#mm-heading", Static).update(plain(entry.heading, "bold"))
            self.query_one("#mm-entry", Static).update(
                render_entry(entry, record, with_heading=False)
            )
            summary = Text()
            if entry.item and entry.item.summary:
                summary.append("Ärendet\n", "bold")
                summary.append_text(plain(entry.item.summary, multiline=True))
            self.query_one("#mm-summary", Static).update(summary)
            panel = self.query_one(PrinciplePanel)
            panel.show(self.services.items.judge(entry.item) if entry.item else None)
            if entry.item is None:
                panel.update(Text("Ingen ärendepunkt: inga principer att bedöma.", "italic"))
            self.query_one("#mm-facts", VerticalScroll).scroll_home(animate=False)
            self.query_one("#mm-principles", VerticalScroll).scroll_home(animate=False)

    @on(DataChanged)
    def _changed(self) -> None:
        self.reload()
        self.show()

    # --- moving --------------------------------------------------------------------------------

    def action_step(self, delta: int) -> None:
        self.index += delta
        self.show()

    def action_jump(self, index: int) -> None:
        self.index = index if index >= 0 else len(self.record.entries) - 1 if self.record else 0
        self.show()

    # --- decisions -----------------------------------------------------------------------------

    def action_decide(self, key: str) -> None:
        entry, outcome = self.entry, DECISION_KEYS[key]
        if entry is None:
            return
        if outcome.needs_reason:
            self.app.push_screen(
                ReasonModal(f"Återremiss: {entry.heading}", "Vad ska beredas vidare?"),
                lambda reason: reason is not None and self._decide(entry, outcome, reason),
            )
            return
        if entry.decision and entry.decision.outcome is not outcome:
            self.app.push_screen(
                ConfirmModal(
                    f"Punkten har redan beslutet ”{entry.decision.outcome.label}”. "
                    f"Ändra till ”{outcome.label}”?",
                    yes="Ändra",
                    no="Behåll",
                ),
                lambda yes: yes and self._decide(entry, outcome, None),
            )
            return
        self._decide(entry, outcome, None)

    def _decide(self, entry: AgendaEntry, outcome: Outcome, reason: str | None) -> None:
        try:
            result = self.services.meetings.decide(entry, outcome, reason=reason)
        except (MeetingError, StoreError) as error:
            self.notify(str(error), severity="error")
            return
        message = f"§ {entry.paragraph}: {outcome.label}"
        if outcome is Outcome.TABLED:
            message += (
                f"; ligger nu på listan {result.tabled_to.isoformat()}"
                if result.tabled_to
                else "; inget senare sammanträde finns – planera ett"
            )
        self.notify(message, timeout=3)
        broadcast(self.app, result.item)

    def action_edit_decision(self) -> None:
        entry = self.entry
        if entry is None or entry.decision is None:
            self.notify("Registrera först ett beslut (b, a, r, t, k, f, x, o).", severity="warning")
            return
        decision = entry.decision

        def save(values: Values) -> Mapping[str, str]:
            clauses = values["clauses"].splitlines()
            if not any(clause.strip() for clause in clauses):
                return {"clauses": "skriv minst en att-sats"}
            return self._call(
                lambda: self.services.meetings.decide(
                    entry, decision.outcome, clauses, decision.reason
                )
            )

        field = Field(
            "clauses", f"{self.record.body if self.record else ''} beslutar", multiline=True,
            value="\n".join(f"att {clause}" for clause in decision.clauses),
            hint="En att-sats per rad.",
        )  # fmt: skip
        self._form(f"Beslut: {entry.heading}", [field], save, wide=True)

    def action_remark(self, kind: str) -> None:
        entry, remark_kind = self.entry, RemarkKind(kind)
        if entry is None or entry.id is None or self.record is None:
            return
        entry_id = entry.id
        members = [(a.member.display, a.member.key) for a in self.record.attendees if a.present]

        def save(values: Values) -> Mapping[str, str]:
            if not values["member"]:
                return {"member": "välj ledamot"}
            remark = Remark(values["member"], remark_kind, values["text"])
            return self._call(lambda: self.services.meetings.add_remark(entry_id, remark))

        fields = [
            Field("member", "Ledamot", options=members),
            Field("text", remark_kind.label.capitalize(), multiline=True),
        ]
        self._form(f"{remark_kind.label.capitalize()}: {entry.heading}", fields, save)

    def action_absence(self) -> None:
        entry = self.entry
        if entry is None or entry.id is None or self.record is None:
            return
        entry_id = entry.id
        members = [(a.member.display, a.member.key) for a in self.record.attendees if a.present]
        reasons = [(reason.label, reason.value) for reason in AbsenceReason]
        reasons.append(("deltar i paragrafen", NOT_TAKING_PART))

        def save(values: Values) -> Mapping[str, str]:
            if not values["member"]:
                return {"member": "välj ledamot"}
            chosen = values["reason"]
            reason = None if chosen == NOT_TAKING_PART else AbsenceReason(chosen)
            return self._call(
                lambda: self.services.meetings.set_absence(entry_id, values["member"], reason)
            )

        fields = [
            Field("member", "Ledamot", options=members),
            Field("reason", "Deltar inte på grund av", AbsenceReason.CONFLICT_OF_INTEREST.value,
                  options=reasons),
        ]  # fmt: skip
        self._form(f"Deltar inte i § {entry.paragraph}", fields, save)

    def action_attendance(self) -> None:
        if self.record is None:
            return
        record = self.record
        choices = [("närvarande", "1"), ("frånvarande", "0")]
        fields = [
            Field(f"m{a.member.id}", a.member.display, "1" if a.present else "0", options=choices)
            for a in record.attendees
        ]
        names = [(a.member.display, a.member.key) for a in record.attendees]
        fields.append(
            Field("justerare", "Justerare", record.meeting.justerare or "", options=names)
        )

        def save(values: Values) -> Mapping[str, str]:
            def apply() -> None:
                for attendee in record.attendees:
                    present = values[f"m{attendee.member.id}"] == "1"
                    if present != attendee.present and attendee.member.id is not None:
                        self.services.meetings.set_present(
                            self.meeting_id, attendee.member.id, present
                        )
                justerare = values["justerare"] or None
                if justerare != record.meeting.justerare:
                    self.services.meetings.update(replace(record.meeting, justerare=justerare))

            return self._call(apply)

        self._form("Närvaro och justerare", fields, save)

    def action_discussion(self) -> None:
        entry = self.entry
        if entry is None or entry.id is None:
            return
        entry_id = entry.id

        def save(values: Values) -> Mapping[str, str]:
            return self._call(
                lambda: self.services.meetings.edit_entry(
                    entry_id,
                    heading=entry.heading,
                    presenter=entry.presenter,
                    proposal=entry.proposal,
                    discussion=values["discussion"],
                )
            )

        field = Field("discussion", "Vad som diskuterades", entry.discussion or "", multiline=True)
        self._form(f"Diskussion: {entry.heading}", [field], save, wide=True)

    # --- helpers -------------------------------------------------------------------------------

    def _call(self, change: Callable[[], object]) -> Mapping[str, str]:
        try:
            change()
        except (MeetingError, StoreError) as error:
            return {"": str(error)}
        return {}

    def _form(self, title: str, fields: list[Field], save: Callable, *, wide: bool = False) -> None:
        open_form(self.app, FieldsModal(title, fields, save, wide=wide))

    def action_back(self) -> None:
        self.dismiss(None)
