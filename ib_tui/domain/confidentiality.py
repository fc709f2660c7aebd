"""Sekretess: the one rule every output asks before it shows an item or a decision on one.

A confidential item (an uppgift covered by offentlighets- och sekretesslagen, OSL) may appear in a
public output only as its placeholder: "Ärende som omfattas av sekretess enligt 18 kap. 8 § OSL".
Its title, requester, summary, costs and decisions stay out, and so do the delegation decisions
taken on it. Only an output the user explicitly opens for the confidential audience
(`include_confidential=True`, e.g. `ib-tui export … --include-confidential`) shows them.

Every output — documents, precedent, reports, CLI `--json`, the projector, the items export —
calls `may_show`/`may_show_delegation` and nothing else, so the rule lives here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from ib_tui.domain.model import Costs, HistoryEntry, Item

PLACEHOLDER = "Ärende som omfattas av sekretess"
# When an item is confidential but nobody recorded the ground (items stored before the field
# existed): name the law, never invent a paragraph.
UNKNOWN_GROUND = "offentlighets- och sekretesslagen (OSL)"
EXAMPLE_GROUND = "18 kap. 8 § OSL"
MAX_GROUND = 200
# What the list and the editor put beside a confidential item's title (the internal view).
MARK = "(sekretess)"


class Confidential(Protocol):
    """Anything that knows whether it is confidential: an Item, an AgendaEntry's item, a
    DelegationDecision (which carries its item's flag)."""

    @property
    def confidential(self) -> bool: ...

    @property
    def confidential_ground(self) -> str | None: ...


T = TypeVar("T", bound=Confidential)


@dataclass(frozen=True, slots=True)
class Flags:
    """An item's sekretess alone, for outputs that total rows without building items."""

    confidential: bool
    confidential_ground: str | None = None


def may_show(item: Confidential | None, *, include_confidential: bool = False) -> bool:
    """Whether an output may show this item's content (title, requester, summary, costs,
    decisions). No item (a standard agenda entry) is always shown."""
    if item is None:
        return True
    return include_confidential or not item.confidential


def may_show_delegation(decision: Confidential, *, include_confidential: bool = False) -> bool:
    """Whether an output may show a delegation decision: never one on a confidential item
    unless the output is for the confidential audience. Its title and decision text would
    tell what the placeholder hides."""
    return may_show(decision, include_confidential=include_confidential)


def shown(items: Iterable[T], *, include_confidential: bool = False) -> list[T]:
    """The items an output may show, in their order."""
    return [item for item in items if may_show(item, include_confidential=include_confidential)]


def hidden_count(items: Iterable[Confidential], *, include_confidential: bool = False) -> int:
    """How many items the output leaves out, for a line such as "2 ärenden med sekretess"."""
    return sum(1 for item in items if not may_show(item, include_confidential=include_confidential))


def ground(item: Confidential) -> str:
    """The OSL provision the item's confidentiality rests on, as the public text names it."""
    return (item.confidential_ground or "").strip() or UNKNOWN_GROUND


def placeholder(item: Confidential) -> str:
    """What a public output shows instead of a confidential item: its ground, nothing more."""
    return f"{PLACEHOLDER} enligt {ground(item)}"


def redact(item: Item) -> Item:
    """The item as a public output may show it: its number (dnr, id), kind and status, and the
    placeholder for a title. Everything that tells what the matter is about is gone."""
    return Item(
        kind=item.kind,
        title=placeholder(item),
        dnr=item.dnr,
        id=item.id,
        status=item.status,
        status_changed=item.status_changed,
        version=item.version,
        confidential=True,
        confidential_ground=item.confidential_ground,
    )


def redact_entry(entry: HistoryEntry) -> HistoryEntry:
    """A confidential item's history row as a public output may show it: who, when, which field
    and the version; the values and the note (a title, a reason) stay out. Status codes are
    kept: they tell how far the matter has come, not what it is about."""
    if entry.field == "status":
        return HistoryEntry(entry.at, entry.user, entry.action, entry.field, entry.old_value,
                            entry.new_value, None, entry.version)  # fmt: skip
    hidden = MARK if entry.old_value is not None else None
    shown_new = MARK if entry.new_value is not None else None
    return HistoryEntry(
        entry.at, entry.user, entry.action, entry.field, hidden, shown_new, None, entry.version
    )


def for_audience(item: Item, *, include_confidential: bool = False) -> Item:
    """The item itself when the output may show it, else its redacted stand-in."""
    return item if may_show(item, include_confidential=include_confidential) else redact(item)


def public_cost(item: Item | None, *, include_confidential: bool = False) -> Costs:
    """The costs an output may add into its totals: none for a hidden item."""
    if item is None or not may_show(item, include_confidential=include_confidential):
        return Costs()
    return item.costs


def ground_problem(confidential: bool, value: str | None) -> str | None:
    """What is wrong with a confidentiality ground, in Swedish, or None. The ground is asked
    for when an item is confidential; a ground on a public item is a contradiction."""
    text = (value or "").strip()
    if not text:
        return None
    if not confidential:
        return "anges bara för ett ärende med sekretess (confidential: true)"
    if "\n" in text or "\r" in text:
        return "ska stå på en rad"
    if len(text) > MAX_GROUND:
        return f"är för långt ({len(text)} tecken; högst {MAX_GROUND})"
    if "§" not in text and "kap" not in text.lower() and "osl" not in text.lower():
        return f"ska ange lagrummet, t.ex. {EXAMPLE_GROUND!r}"
    return None
