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
from ib_tui.domain.positions import DEFAULT_REFERRED_TO
from ib_tui.errors import MeetingNotFound, StoreError
from ib_tui.services import MeetingError, Services
from ib_tui.ui.answers import on_yes
from ib_tui.ui.messages import DataChanged, broadcast
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.fields import Field, FieldsModal, Values, open_form
from ib_tui.ui.screens.agenda import meeting_line
from ib_tui.ui.text import plain
from ib_tui.ui.widgets.entry_view import render_entry
from ib_tui.ui.widgets.footer import HELP_BINDING, AppFooter
from ib_tui.ui.widgets.principle_panel import PrinciplePanel

# IB's positions, one key each (docs/meetings.md); a deciding organ's labels are bifall, avslag …
DECISION_KEYS = {
    "t": Outcome.ENDORSED,
    "a": Outcome.OPPOSED,
    "r": Outcome.REFERRED_BACK,
    "b": Outcome.TABLED,
    "k": Outcome.RAISED_TO_KS,
    "n": Outcome.NOTED,
    "g": Outcome.AGREED,
}
DECISION_NAMES = {  # short, for the footer; the help lists the full labels too
    Outcome.ENDORSED: "Tillstyrk",
    Outcome.OPPOSED: "Avstyrk",
    Outcome.REFERRED_BACK: "Återremiss",
    Outcome.TABLED: "Bordlägg",
    Outcome.RAISED_TO_KS: "Lyft till KS",
    Outcome.NOTED: "Noteras",
    Outcome.AGREED: "Godkänns",
}
SHOWN_KEYS = "tarbk"
NOT_TAKING_PART = "deltar"  # the choice that clears an absence


class MeetingModeScreen(Screen[None]):
    HELP = """
## Mötesläge

Visas på projektorn under sammanträdet: en punkt i taget med §-nummer, rubrik, kostnad,
forum och strategins principer (bedömning, skäl och citat).

**→**, **Mellanslag** eller **PgDn** går till nästa punkt, **←** eller **PgUp** till
föregående, **Home/End** till första och sista.

Beredningens ställningstagande med en tangent (beredningen bereder, beslutet fattas sedan av
finansborgarrådet på delegation, kommunstyrelsen eller nämnden):
**t** tillstyrks (”Beredningen tillstyrker att …”), **a** avstyrks (”Beredningen avstyrker
ansökan.”), **r** återremitteras (frågar till vem och varför), **b** bordläggs (ärendet läggs
först på nästa sammanträdes lista), **k** lyfts till kommunstyrelsen (KS måste besluta),
**n** noteras för kännedom, **g** godkänns (de inledande och avslutande punkterna).
Ställningstagandet flyttar ärendets status och syns i dess historik. **e** ändrar att-satserna.
För ett beslutande organ (en nämnd) betyder samma tangenter bifall, avslag och så vidare.

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
                show=key in SHOWN_KEYS,
                id=f"meeting.decide.{outcome.value}",
            )
            for key, outcome in DECISION_KEYS.items()
        ),
        Binding("e", "edit_decision", "Att-satser", id="meeting.text"),
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
        if self.record:
            # At the chosen matter, or else at the first one, not at "Sammanträdets öppnande".
            entries = self.record.entries
            chosen = next((e for e in entries if e.id == self.start_entry and e.item), None)
            first = chosen or next((e for e in entries if e.item is not None), None)
            self.index = entries.index(first) if first else 0
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
            self._refer_back(entry)
            return
        if entry.decision and entry.decision.outcome is not outcome:
            self.app.push_screen(
                ConfirmModal(
                    f"Punkten har redan ställningstagandet ”{self._label(entry.decision.outcome)}”."
                    f" Ändra till ”{self._label(outcome)}”?",
                    yes="Ändra",
                    no="Behåll",
                ),
                on_yes(lambda: self._decide(entry, outcome, None)),
            )
            return
        self._decide(entry, outcome, None)

    def _label(self, outcome: Outcome) -> str:
        return outcome.label_for(self.record.organ) if self.record else outcome.label

    def _refer_back(self, entry: AgendaEntry) -> None:
        def save(values: Values) -> Mapping[str, str]:
            if not values["reason"].strip():
                return {"reason": "ange skälet: vad ska beredas vidare?"}
            decided = self._decide(entry, Outcome.REFERRED_BACK, values["reason"], values["to"])
            return {} if decided else {"": "återremissen kunde inte sparas"}

        fields = [
            Field("to", "Återremitteras till", DEFAULT_REFERRED_TO),
            Field("reason", "Skäl (vad ska beredas vidare?)"),
        ]
        self._form(f"Återremiss: {entry.heading}", fields, save)

    def _decide(
        self,
        entry: AgendaEntry,
        outcome: Outcome,
        reason: str | None,
        referred_to: str | None = None,
    ) -> bool:
        try:
            result = self.services.meetings.decide(
                entry, outcome, reason=reason, referred_to=referred_to
            )
        except MeetingNotFound:
            # Another window removed the entry (or the meeting) meanwhile: say so, re-read.
            self.notify(
                "Punkten finns inte längre på föredragningslistan – någon annan har tagit bort "
                "den. Listan läses om.",
                severity="warning",
            )
            self.reload()
            self.show()
            return False
        except (MeetingError, StoreError) as error:
            self.notify(str(error), severity="error")
            return False
        message = f"§ {entry.paragraph}: {self._label(outcome)}"
        if outcome is Outcome.TABLED:
            message += (
                f"; ligger nu på listan {result.tabled_to.isoformat()}"
                if result.tabled_to
                else "; inget senare sammanträde finns – planera ett"
            )
        self.notify(message, timeout=3)
        broadcast(self.app, result.item)
        return True

    def action_edit_decision(self) -> None:
        entry = self.entry
        if entry is None or entry.decision is None:
            self.notify(
                "Registrera först ett ställningstagande (t, a, r, b, k, n, g).", severity="warning"
            )
            return
        decision = entry.decision

        def save(values: Values) -> Mapping[str, str]:
            clauses = values["clauses"].splitlines()
            if not any(clause.strip() for clause in clauses):
                return {"clauses": "skriv minst en att-sats"}
            return self._call(
                lambda: self.services.meetings.decide(
                    entry, decision.outcome, clauses, decision.reason, decision.referred_to
                )
            )

        organ = self.record.organ if self.record else None
        lead = decision.sentence(organ) if organ else decision.sentence()
        field = Field(
            "clauses", f"Att-satser (nu: {lead.splitlines()[0]})", multiline=True,
            value="\n".join(f"att {clause}" for clause in decision.clauses),
            hint="En att-sats per rad.",
        )  # fmt: skip
        self._form(f"Ställningstagande: {entry.heading}", [field], save, wide=True)

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
