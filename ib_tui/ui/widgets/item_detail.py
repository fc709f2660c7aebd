"""The selected item's facts: who asks, when, where, who goes, and what it costs."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ib_tui.domain.changes import reception_text
from ib_tui.domain.confidentiality import placeholder
from ib_tui.domain.costs import (
    OVERRUN_SETTING,
    Bucket,
    bucket_of,
    over_budget,
    signed_amount,
)
from ib_tui.domain.dates import format_amount, format_date
from ib_tui.domain.model import COST_LABELS, FLAG_LABELS, ORIENTATIONS, Item
from ib_tui.ui.text import clean, plain

Fact = Callable[[str, object], None]
DEFAULT_OVERRUN = 0.10  # the shipped ekonomisk-ram.max_overrun_percent; screens pass the setting


def fact_table(label_style: str = "dim") -> tuple[Table, Fact]:
    """A two-column grid of label and value, and the function that adds a row to it: a value
    that is empty is left out, user text is shown plainly."""
    facts = Table.grid(padding=(0, 1))
    facts.add_column(style=label_style, no_wrap=True)
    facts.add_column()

    def fact(label: str, value: object) -> None:
        if value:
            facts.add_row(label, value if isinstance(value, Text) else plain(value))

    return facts, fact


def period(item: Item) -> str:
    if item.starts and item.ends and item.ends != item.starts:
        return f"{format_date(item.starts)} – {format_date(item.ends)}"
    return format_date(item.starts)


def actual_text(item: Item, overrun_share: float) -> Text | None:
    """Estimate against actual: the actual, the difference, and a flag (shape and word, not
    colour alone) when an approved item went over its estimate by more than the setting."""
    actual = item.actual_costs
    if actual is None:
        return None
    difference = actual.total - item.costs.total
    text = Text.assemble(
        Text(format_amount(actual.total), "bold"), f"  avvikelse {signed_amount(difference)}"
    )
    if item.costs.total:
        text.append(f" ({100 * difference / item.costs.total:+.0f} %)".replace("-", "\u2212"))
    approved = bucket_of(item.status.value) is Bucket.APPROVED
    if approved and over_budget(item.costs.total, actual.total, overrun_share):
        text.append(f"  ▲ över beräknat med mer än {overrun_share * 100:.0f} %", "bold")
    return text


def render_item(item: Item, overrun_share: float = DEFAULT_OVERRUN) -> RenderableType:
    heading = Text()
    heading.append(clean(item.dnr or "utan dnr"), "bold")
    heading.append(f" · {item.kind.label} · {item.status.label}")
    if item.status_changed:
        heading.append(f" sedan {format_date(item.status_changed.date())}", "dim")
    facts, fact = fact_table()

    fact("Begärt av", item.requested_by)
    fact("Inkom", format_date(item.received))
    fact("Tid", period(item))
    fact("Plats", item.place)
    fact("Deltagare", "; ".join(f"{p.name} ({p.role.label})" for p in item.participants))
    fact("Gäster", item.guests)
    if item.costs.total:
        costs = ", ".join(
            f"{COST_LABELS[key]} {format_amount(value)}"
            for key, value in item.costs.nonzero().items()
        )
        total = Text(format_amount(item.costs.total), "bold")
        fact("Kostnad", Text.assemble(total, f"  ({costs})"))
    fact("Utfall", actual_text(item, overrun_share))
    if agreement := item.agreement:
        terms = [agreement.type.label]
        if agreement.partner:
            terms.append(f"med {agreement.partner}")
        if agreement.theme:
            terms.append(f"tema ”{agreement.theme}”")
        if agreement.signed:
            terms.append(f"tecknat {format_date(agreement.signed)}")
        if agreement.ends:
            terms.append(f"gäller till {format_date(agreement.ends)}")
        fact("Avtal", ", ".join(terms))
    if aid := item.aid:
        funded = "helt finansierat" if aid.fully_funded else "inte helt finansierat"
        fact("Bistånd", f"{aid.funder or 'finansiär saknas'}, {funded}")
    fact(
        "Markeringar", ", ".join(label for key, label in FLAG_LABELS.items() if getattr(item, key))
    )
    fact("Inriktning", ", ".join(ORIENTATIONS[key] for key in item.orientation))
    fact("Syfte", item.purpose)
    fact("KS uppdrag", _yes_no(item.on_behalf_of_ks, "på kommunstyrelsens uppdrag"))
    fact("Budget", _yes_no(item.budgeted, "budgeterat i verksamhetsplanen"))
    fact("Personaltid", item.staff_commitment)
    if membership := item.membership:
        fact("Medlemskap", f"{membership.type.label}, {'nytt' if membership.new else 'fortsatt'}")
    if item.reception is not None:
        fact("Mottagning", reception_text(item.reception))
    if item.confidential:
        fact("Sekretess", placeholder(item))
    parts: list[RenderableType] = [heading, plain(item.title, "bold"), facts]
    if item.summary:
        parts += [Text(""), plain(item.summary, multiline=True)]
    return Group(*parts)


def _yes_no(value: bool | None, what: str) -> str | None:
    """A v2 yes/no fact in words; nothing when the item does not say."""
    if value is None:
        return None
    return what if value else f"inte {what}"


class ItemDetail(Static):
    DEFAULT_CSS = """
    ItemDetail { height: auto; padding: 0 1 1 1; }
    """

    def show(self, item: Item | None) -> None:
        if item is None:
            self.update(Text("Inget ärende valt.", "dim"))
            return
        self.update(render_item(item, self._overrun_share()))

    def _overrun_share(self) -> float:
        """The database's setting, read from the app's catalogue (no database work here)."""
        services = getattr(self.app, "services", None)
        try:
            return services.setting(OVERRUN_SETTING) / 100  # type: ignore[union-attr]
        except (AttributeError, LookupError):
            return DEFAULT_OVERRUN
