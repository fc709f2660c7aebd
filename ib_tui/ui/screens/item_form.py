"""Register or edit an item. The form builds an item-format document and runs the very validator
that `ib-tui import` runs, so errors read the same and appear next to their field."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Header,
    Input,
    Label,
    Select,
    Static,
    TextArea,
)

from ib_tui.domain.changes import Conflict, Side
from ib_tui.domain.confidentiality import EXAMPLE_GROUND
from ib_tui.domain.costs import signed_amount
from ib_tui.domain.dates import format_amount
from ib_tui.domain.itemformat import FieldError, item_to_document, validate_document
from ib_tui.domain.model import (
    COST_KEYS,
    COST_LABELS,
    FLAG_LABELS,
    ORIENTATIONS,
    AgreementType,
    EventLevel,
    Item,
    Kind,
    MembershipType,
    ReceptionEvent,
    Role,
)
from ib_tui.errors import StoreError, VersionConflict
from ib_tui.services import Services
from ib_tui.ui.messages import DataChanged
from ib_tui.ui.modals.confirm import ConfirmModal
from ib_tui.ui.modals.conflict import ConflictModal, changed_by
from ib_tui.ui.text import clean, plain
from ib_tui.ui.widgets.footer import AppFooter

TEXT_FIELDS = {
    "title": "Rubrik",
    "dnr": "Dnr",
    "requested_by": "Begärt av",
    "received": "Inkom",
    "starts": "Startar",
    "ends": "Slutar",
    "city": "Stad",
    "country": "Land",
    "guests": "Antal gäster",
}
# v2 yes/no facts where "not stated" is its own answer (the item then judges as v1 did).
TRISTATE_FIELDS = {
    "on_behalf_of_ks": "På KS uppdrag",
    "budgeted": "Budgeterat",
}
TRISTATE_CHOICES = [("ja", "ja"), ("nej", "nej")]
RECEPTION_COUNT_LABELS = {
    "participants": "Deltagare totalt",
    "participants_abroad": "Från utlandet",
}
DATE_HINT = "2026-03-03 eller 3 mars 2026"
MISSING_GROUND = f"Ange grunden för sekretessen, t.ex. {EXAMPLE_GROUND}."
ROLE_WORDS = {
    "förtroendevald": Role.POLITICIAN,
    "politiker": Role.POLITICIAN,
    "politician": Role.POLITICIAN,
    "tjänsteperson": Role.OFFICIAL,
    "tjänsteman": Role.OFFICIAL,
    "official": Role.OFFICIAL,
}


def field_id(name: str) -> str:
    """Widget id of a document field: costs.travel → f-costs-travel."""
    return "f-" + name.replace(".", "-").replace("_", "-")


def error_id(name: str) -> str:
    """Where an error for a (possibly nested) field is shown; list entries use the list's."""
    parts = name.split(".")
    if parts[0] == "participants":
        parts = parts[:1]
    return "e-" + "-".join(parts).replace("_", "-")


def _number(text: str) -> Any:
    """ "12 500" → 12500, "-500" → -500 (the validator then says it must be ≥ 0); anything else
    is left as text for the validator to name."""
    compact = text.replace(" ", "").replace("\u00a0", "").replace("\u2212", "-")
    digits = compact.removeprefix("-")
    if digits.isascii() and digits.isdigit():
        return int(compact)
    return text.strip()


def amount_text(value: object) -> str:
    """12500 → "12 500", as the user types it; the form reads it back with `_number`."""
    return f"{value:,}".replace(",", " ") if isinstance(value, int) else str(value or "")


def parse_participants(text: str) -> list[dict[str, str]]:
    """One per line: "Anna Berg; förtroendevald" (the role may be left out: tjänsteperson)."""
    people = []
    for line in text.splitlines():
        name, _, role = line.partition(";")
        if not name.strip():
            continue
        person = {"name": name.strip()}
        role_word = role.strip().casefold()
        if role_word:
            person["role"] = ROLE_WORDS[role_word].value if role_word in ROLE_WORDS else role_word
        people.append(person)
    return people


def participants_text(item: Item | None) -> str:
    if item is None:
        return ""
    return "\n".join(f"{person.name}; {person.role.label}" for person in item.participants)


class ItemFormScreen(Screen[Item | None]):
    """Dismisses with the saved item, or None when the user backs out."""

    HELP = f"""
## Registrera eller redigera ett ärende

**Tab** och **Shift+Tab** flyttar mellan fälten. **F2** (eller Ctrl+S) sparar; fel visas vid
fältet och inget sparas förrän allt stämmer. **Esc** avbryter och frågar först om du har
ändrat något.

Datum skrivs {DATE_HINT}. Belopp i hela kronor (12 500). Deltagare en per rad:
`Anna Berg; förtroendevald` eller `Ola Ek; tjänsteperson`.

Markeras ärendet **sekretess** ska **Sekretessgrund** anges (t.ex. `18 kap. 8 § OSL`): de
offentliga handlingarna och projektorn visar då bara "Ärende som omfattas av sekretess enligt …".

Har någon annan sparat ärendet medan du redigerade visas båda värdena för varje fält som
skiljer sig, och du väljer vilket som ska gälla: inget skrivs över utan att du har valt det.
"""
    BINDINGS = [
        Binding("f2", "save", "Spara", id="form.save"),
        Binding("ctrl+s", "save", "Spara", show=False, id="form.save_alt"),
        Binding("escape", "cancel", "Avbryt", id="form.cancel"),
    ]

    def __init__(self, services: Services, item: Item | None) -> None:
        super().__init__()
        self.services = services
        self.item = item
        self._initial: dict[str, Any] | None = None
        # widget id → (text shown, stored text) where the stored text holds control characters:
        # the form shows them as visible stand-ins, and saves the stored text unless edited.
        self._originals: dict[str, tuple[str, str]] = {}

    def _shown(self, widget_id: str, value: object, *, multiline: bool = False) -> str:
        original = "" if value is None else str(value)
        shown = clean(original, multiline=multiline)
        if shown != original:
            self._originals[widget_id] = (shown, original)
        return shown

    def _stored(self, widget_id: str, text: str) -> str:
        shown, original = self._originals.get(widget_id, (None, ""))
        return original if text == shown else text

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        item = self.item
        document = item_to_document(item) if item else {}
        yield Header()
        yield Static("", id="form-stale", classes="field-error")
        with VerticalScroll(id="form"):
            yield from self._field(
                "kind",
                "Typ",
                Select(
                    [(kind.label, kind.value) for kind in Kind],
                    value=document.get("kind", Select.NULL),
                    prompt="Välj typ",
                    id=field_id("kind"),
                    compact=True,
                ),
            )
            for name, label in TEXT_FIELDS.items():
                value = document.get(name, "")
                placeholder = DATE_HINT if name in ("received", "starts", "ends") else ""
                yield from self._field(
                    name,
                    label,
                    Input(
                        self._shown(field_id(name), value),
                        placeholder=placeholder,
                        id=field_id(name),
                        compact=True,
                    ),
                )
            summary = self._shown(field_id("summary"), document.get("summary"), multiline=True)
            yield from self._field(
                "summary",
                "Sammanfattning",
                TextArea(summary, id=field_id("summary"), compact=True),
            )
            people = self._shown(field_id("participants"), participants_text(item), multiline=True)
            yield from self._field(
                "participants",
                "Deltagare",
                TextArea(
                    people,
                    id=field_id("participants"),
                    compact=True,
                    placeholder="En per rad: Anna Berg; förtroendevald",
                ),
            )
            with Vertical(id="costs"):
                yield Label(
                    "Kostnader (kronor): beräknade, och faktiska efter genomförandet",
                    classes="section-title",
                )
                yield from self._cost_fields(
                    document.get("costs", {}), document.get("actual_costs", {})
                )
                yield Label("Summa: 0 kr", id="cost-total")
                yield Label("Utfall: inte redovisat", id="actual-total")
            yield Label("Markeringar", classes="section-title")
            with Grid(classes="checks"):
                for key, label in FLAG_LABELS.items():
                    yield Checkbox(label, bool(document.get(key)), id=field_id(key))
            ground = self._shown(
                field_id("confidential_ground"), document.get("confidential_ground")
            )
            yield from self._field(
                "confidential_ground",
                "Sekretessgrund",
                Input(
                    ground,
                    placeholder=f"krävs vid sekretess, t.ex. {EXAMPLE_GROUND}",
                    id=field_id("confidential_ground"),
                    compact=True,
                ),
            )
            yield Label("Inriktning", classes="section-title")
            with Horizontal(classes="checks-row"):
                chosen = document.get("orientation", [])
                for key, label in ORIENTATIONS.items():
                    yield Checkbox(label, key in chosen, id=f"f-orientation-{key}")
            yield Label("", id=error_id("orientation"), classes="field-error")
            yield from self._v2_fields(document)
            yield from self._agreement_fields(document.get("agreement", {}))
            yield from self._aid_fields(document.get("aid"))
            with Horizontal(classes="form-buttons"):
                yield Button("Spara (F2)", variant="primary", id="save")
                yield Button("Avbryt (Esc)", id="cancel")
        yield AppFooter()

    def _field(self, name: str, label: str, widget: Widget) -> ComposeResult:
        with Horizontal(classes="form-row"):
            yield Label(label, classes="form-label")
            with Vertical(classes="form-input"):
                yield widget
                yield Label("", id=error_id(name), classes="field-error")

    def _cost_fields(self, costs: dict[str, Any], actual: dict[str, Any]) -> ComposeResult:
        """One row per cost key (COST_KEYS is the only list): the estimate and the actual cost,
        each with its error right under it."""
        with Horizontal(classes="cost-row cost-head"):
            yield Label("", classes="form-label")
            yield Label("Beräknat", classes="cost-input")
            yield Label("Faktiskt", classes="cost-input")
        for key in COST_KEYS:
            with Horizontal(classes="form-row cost-row"):
                yield Label(COST_LABELS[key].capitalize(), classes="form-label")
                for group, values, placeholder in (
                    ("costs", costs, "0"),
                    ("actual_costs", actual, "–"),
                ):
                    name = f"{group}.{key}"
                    with Vertical(classes="cost-input"):
                        yield Input(
                            amount_text(values.get(key)), id=field_id(name),
                            placeholder=placeholder, compact=True,
                        )  # fmt: skip
                        yield Label("", id=error_id(name), classes="field-error")

    def _v2_fields(self, document: dict[str, Any]) -> ComposeResult:
        """Routing and budget facts, the membership's kind, and the reception's facts."""
        purpose = self._shown(field_id("purpose"), document.get("purpose"), multiline=True)
        yield from self._field(
            "purpose",
            "Syfte och nytta",
            TextArea(
                purpose,
                id=field_id("purpose"),
                compact=True,
                placeholder="Vad ger det stadens verksamhet? (avsnitt 2 i strategin)",
            ),
        )
        yield Label("Beslutsväg och budget", classes="section-title")
        for name, label in TRISTATE_FIELDS.items():
            stated = document.get(name)
            yield from self._field(
                name,
                label,
                Select(
                    TRISTATE_CHOICES,
                    value=Select.NULL if stated is None else ("ja" if stated else "nej"),
                    prompt="ej angivet",
                    id=field_id(name),
                    compact=True,
                ),
            )
        commitment = document.get("staff_commitment", "")
        yield from self._field(
            "staff_commitment",
            "Personaltid",
            Input(
                self._shown(field_id("staff_commitment"), commitment),
                placeholder="t.ex. 40 timmar, eller en handläggare 20 %",
                id=field_id("staff_commitment"),
                compact=True,
            ),
        )
        membership = document.get("membership") or {}
        yield Label("Medlemskap", classes="section-title")
        yield from self._field(
            "membership.type",
            "Medlemskap i",
            Select(
                [(kind.label, kind.value) for kind in MembershipType],
                value=membership.get("type", Select.NULL),
                prompt="ej angivet",
                id=field_id("membership.type"),
                compact=True,
            ),
        )
        yield from self._field(
            "membership.new",
            "Nytt eller fortsatt",
            Select(
                [("nytt medlemskap", "ja"), ("fortsatt medlemskap", "nej")],
                value=Select.NULL if not membership else ("ja" if membership["new"] else "nej"),
                prompt="ej angivet",
                id=field_id("membership.new"),
                compact=True,
            ),
        )
        reception = document.get("reception") or {}
        yield Label("Mottagning i Stadshuset", classes="section-title")
        yield from self._field(
            "reception.event",
            "Evenemang",
            Select(
                [(event.label, event.value) for event in ReceptionEvent],
                value=reception.get("event", Select.NULL),
                prompt="ej angivet",
                id=field_id("reception.event"),
                compact=True,
            ),
        )
        for key, label in RECEPTION_COUNT_LABELS.items():
            yield from self._field(
                f"reception.{key}",
                label,
                Input(
                    str(reception.get(key, "")),
                    id=field_id(f"reception.{key}"),
                    compact=True,
                ),
            )
        yield from self._field(
            "reception.level",
            "Nivå",
            Select(
                [(level.label, level.value) for level in EventLevel],
                value=reception.get("level", Select.NULL),
                prompt="ej angivet",
                id=field_id("reception.level"),
                compact=True,
            ),
        )

    def _agreement_fields(self, agreement: dict[str, Any]) -> ComposeResult:
        yield Label("Avtal", classes="section-title")
        yield from self._field(
            "agreement.type",
            "Avtalstyp",
            Select(
                [(kind.label, kind.value) for kind in AgreementType],
                value=agreement.get("type", Select.NULL),
                prompt="inget avtal",
                id=field_id("agreement.type"),
                compact=True,
            ),
        )
        labels = {"partner": "Motpart", "theme": "Tema", "ends": "Gäller till", "signed": "Tecknat"}
        for key, label in labels.items():
            widget_id = field_id(f"agreement.{key}")
            yield from self._field(
                f"agreement.{key}",
                label,
                Input(self._shown(widget_id, agreement.get(key, "")), id=widget_id, compact=True),
            )

    def _aid_fields(self, aid: dict[str, Any] | None) -> ComposeResult:
        yield Label("Bistånd", classes="section-title")
        with Horizontal(classes="checks-row"):
            yield Checkbox("biståndsprojekt", aid is not None, id="f-aid")
            yield Checkbox(
                "helt finansierat av annan part",
                bool(aid and aid.get("fully_funded")),
                id=field_id("aid.fully_funded"),
            )
        yield from self._field(
            "aid.funder",
            "Finansiär",
            Input(
                self._shown(field_id("aid.funder"), (aid or {}).get("funder", "")),
                id=field_id("aid.funder"),
                compact=True,
            ),
        )

    def on_mount(self) -> None:
        self.sub_title = f"Redigera {self.item.dnr or self.item.title}" if self.item else "Nytt"
        self._initial = self.document()
        self._update_total()
        self.query_one(f"#{field_id('kind')}" if self.item is None else "#f-title").focus()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """In a cost field the whole block stays in view, so the sum is seen as it changes."""
        cost_ids = (field_id("costs."), field_id("actual_costs."))
        if event.widget.id and event.widget.id.startswith(cost_ids):
            self.query_one("#costs").scroll_visible(animate=False, immediate=True)
            event.widget.scroll_visible(animate=False, immediate=True)

    # --- someone else saves while the form is open --------------------------------------------

    @on(DataChanged)
    def _data_changed(self) -> None:
        if self.item is not None and self.item.id is not None:
            self._check_stale(self.item.id, self.item.version)

    @work(thread=True, exclusive=True, group="form-stale")
    def _check_stale(self, item_id: int, version: int) -> None:
        try:
            with self.services.worker() as services:
                since = services.items.changes_since(item_id, version)
        except StoreError:
            return
        if since:
            self.app.call_from_thread(self._show_stale, changed_by(since))

    def _show_stale(self, who: str) -> None:
        """Warns now rather than at saving; the save will still show both values per field."""
        label = self.query_one("#form-stale", Static)
        text = plain(f"⚠ Ärendet har sparats av någon annan medan du redigerar: {who}. ")
        text.append("När du sparar får du välja vilket värde som gäller i varje fält.")
        label.update(text)
        label.add_class("shown")

    # --- reading the form ---------------------------------------------------------------------

    def _value(self, name: str) -> str:
        return self._stored(field_id(name), self.query_one(f"#{field_id(name)}", Input).value)

    def _area(self, name: str) -> str:
        return self._stored(field_id(name), self.query_one(f"#{field_id(name)}", TextArea).text)

    def _checked(self, widget_id: str) -> bool:
        return self.query_one(f"#{widget_id}", Checkbox).value

    def document(self) -> dict[str, Any]:
        """The form's content as an item-format document (unvalidated)."""
        document: dict[str, Any] = {}
        kind = self.query_one(f"#{field_id('kind')}", Select).value
        if kind is not Select.NULL:
            document["kind"] = kind
        for name in TEXT_FIELDS:
            if text := self._value(name).strip():
                document[name] = _number(text) if name == "guests" else text
        summary = self._area("summary").strip()
        if summary:
            document["summary"] = summary
        if purpose := self._area("purpose").strip():
            document["purpose"] = purpose
        people = parse_participants(self._area("participants"))
        if people:
            document["participants"] = people
        costs = {
            key: _number(text) for key in COST_KEYS if (text := self._value(f"costs.{key}").strip())
        }
        if costs:
            document["costs"] = costs
        actual = {
            key: _number(text)
            for key in COST_KEYS
            if (text := self._value(f"actual_costs.{key}").strip())
        }
        if actual:  # any amount typed reports the actual; the keys left empty are 0
            document["actual_costs"] = actual
        for key in FLAG_LABELS:
            if self._checked(field_id(key)):
                document[key] = True
        # The ground belongs to a confidential item only; unticking sekretess drops it.
        ground = self._value("confidential_ground").strip()
        if ground and document.get("confidential"):
            document["confidential_ground"] = ground
        # The stored order first: re-ordering alone is not a change for the audit trail.
        stored = self.item.orientation if self.item else ()
        order = [*stored, *(key for key in ORIENTATIONS if key not in stored)]
        orientation = [key for key in order if self._checked(f"f-orientation-{key}")]
        if orientation:
            document["orientation"] = orientation
        agreement_type = self.query_one(f"#{field_id('agreement.type')}", Select).value
        if agreement_type is not Select.NULL:
            agreement = {"type": agreement_type}
            for key in ("partner", "theme", "ends", "signed"):
                if text := self._value(f"agreement.{key}").strip():
                    agreement[key] = text
            document["agreement"] = agreement
        self._read_v2(document)
        if self._checked("f-aid"):
            aid: dict[str, Any] = {"fully_funded": self._checked(field_id("aid.fully_funded"))}
            if funder := self._value("aid.funder").strip():
                aid["funder"] = funder
            document["aid"] = aid
        return document

    def _select(self, name: str) -> Any:
        value = self.query_one(f"#{field_id(name)}", Select).value
        return None if value is Select.NULL else value

    def _read_v2(self, document: dict[str, Any]) -> None:
        for name in TRISTATE_FIELDS:
            if (answer := self._select(name)) is not None:
                document[name] = answer == "ja"
        if commitment := self._value("staff_commitment").strip():
            document["staff_commitment"] = _number(commitment)  # "40": hours
        kind, new = self._select("membership.type"), self._select("membership.new")
        if kind is not None or new is not None:
            document["membership"] = {
                "type": kind or MembershipType.ORGANISATION.value,
                "new": new != "nej",
            }
        reception: dict[str, Any] = {}
        for key in ("event", "level"):
            if (value := self._select(f"reception.{key}")) is not None:
                reception[key] = value
        for key in RECEPTION_COUNT_LABELS:
            if text := self._value(f"reception.{key}").strip():
                reception[key] = _number(text)
        stored = self.item.reception if self.item else None
        if reception or stored is not None:
            # An item that holds reception facts keeps its (possibly empty) reception object.
            document["reception"] = {
                key: reception[key]
                for key in ("event", "participants", "participants_abroad", "level")
                if key in reception
            }

    @property
    def dirty(self) -> bool:
        return self._initial is not None and self.document() != self._initial

    @on(Input.Changed)
    def _update_total(self) -> None:
        total = self._sum("costs")
        self.query_one("#cost-total", Label).update(f"Summa: {total:,} kr".replace(",", "\u00a0"))
        reported = any(self._value(f"actual_costs.{key}").strip() for key in COST_KEYS)
        text = "Utfall: inte redovisat"
        if reported:
            actual = self._sum("actual_costs")
            text = f"Utfall: {format_amount(actual)} · avvikelse {signed_amount(actual - total)}"
        self.query_one("#actual-total", Label).update(text)

    def _sum(self, group: str) -> int:
        total = 0
        for key in COST_KEYS:
            value = _number(self._value(f"{group}.{key}") or "0")
            total += value if isinstance(value, int) and value > 0 else 0
        return total

    # --- saving -------------------------------------------------------------------------------

    def _show_errors(self, errors: dict[str, str]) -> None:
        for label in self.query(".field-error").results(Label):
            label.update("")
            label.remove_class("shown")
        for name, message in errors.items():
            matches = self.query(f"#{error_id(name)}")
            if matches:
                label = matches.first(Label)
                label.update(message)
                label.add_class("shown")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        document = self.document()
        candidate, errors = validate_document(document)
        missing_ground = document.get("confidential") and not document.get("confidential_ground")
        if errors or candidate is None or missing_ground:
            by_field: dict[str, str] = {}
            for error in errors:
                by_field.setdefault(error.field or "title", error.message)
            if missing_ground:
                errors.append(FieldError(1, "confidential_ground", MISSING_GROUND))
                by_field.setdefault("confidential_ground", MISSING_GROUND)
            if "kind" in by_field:  # the file format's codes mean nothing in the form
                by_field["kind"] = "Välj typ av ärende."
            self._show_errors(by_field)
            first = next(iter(by_field))
            widgets = self.query(f"#{field_id(first)}")
            if widgets:
                widgets.first().focus()
            self.notify(
                f"{len(errors)} fel: rätta de markerade fälten. Inget har sparats.",
                severity="error",
            )
            return
        self._show_errors({})
        edited = candidate
        if self.item is not None:
            edited = replace(
                candidate, id=self.item.id, version=self.item.version, status=self.item.status
            )
        try:
            saved = self._store(edited)
        except VersionConflict as conflict:
            self._resolve(edited, conflict.current)
            return
        except StoreError as error:
            self.notify(f"{error} Dina ändringar finns kvar i formuläret.", severity="error")
            return
        self._saved(saved)

    def _store(self, edited: Item) -> Item:
        if self.item is None:
            return self.services.items.register(edited)
        return self.services.items.update(edited)

    def _saved(self, saved: Item) -> None:
        self.notify(f"Sparat: {saved.dnr or saved.title}", timeout=2)
        self._initial = None  # nothing unsaved any more
        self.dismiss(saved)

    # --- someone else saved first -------------------------------------------------------------

    def _resolve(self, edited: Item, current: Item) -> None:
        """Shows both values of every differing field; saves only what the user chooses."""
        assert self.item is not None and current.id is not None
        conflict = self.services.items.conflict(self.item, edited, current)
        if not conflict.fields:
            self.notify("Någon annan hade redan sparat precis samma ändringar.", timeout=4)
            self._saved(current)
            return
        since = self.services.items.changes_since(current.id, self.item.version)
        self.app.push_screen(
            ConflictModal(conflict, since),
            lambda choices: self._save_choices(conflict, choices),
        )

    def _save_choices(self, conflict: Conflict, choices: dict[str, Side] | None) -> None:
        if choices is None:
            self.notify(
                "Inget sparades. Dina ändringar finns kvar i formuläret; F2 sparar igen.",
                timeout=6,
            )
            return
        try:
            saved = self.services.items.save_resolved(conflict, choices)
        except VersionConflict as again:  # changed once more while the dialog was open
            self._resolve(conflict.mine, again.current)
            return
        except StoreError as error:
            self.notify(f"{error} Dina ändringar finns kvar i formuläret.", severity="error")
            return
        self._saved(saved)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if not self.dirty:
            self.dismiss(None)
            return
        self.app.push_screen(
            ConfirmModal("Kasta ändringarna?", yes="Kasta", no="Fortsätt redigera"),
            lambda discard: discard and self.dismiss(None),
        )
