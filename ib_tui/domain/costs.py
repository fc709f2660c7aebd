"""Where the money goes: cost figures kept apart by status, and the groupings of the overview.

The rule (HELPERS' shared decision, docs/decisions.md): requested, approved, written off/avstyrkt
and actual are different kinds of money and are never added together. "Begärt" is what every
registered item asks for; "tillstyrkt/beslutat" and "avstyrkt/avskrivet" are the parts of it that
IB or the deciding organ said yes or no to; "utfall" is what the requester reported afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

# Status codes by money bucket. Codes, not `Status` members: the beredning chain adds statuses
# (endorsed, opposed, …) and the SQL that groups by bucket is built from these sets.
APPROVED_STATUSES = ("endorsed", "decided")
REJECTED_STATUSES = ("opposed", "written_off")
# The setting (principles.toml, ekonomisk-ram) above which an actual is flagged, in per cent.
OVERRUN_SETTING = "ekonomisk-ram.max_overrun_percent"


class Bucket(StrEnum):
    """Where an item's estimate sits by its status."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return BUCKET_LABELS[self]


BUCKET_LABELS = {
    Bucket.PENDING: "under behandling",
    Bucket.APPROVED: "tillstyrkt/beslutat",
    Bucket.REJECTED: "avstyrkt/avskrivet",
}


def bucket_of(status: str) -> Bucket:
    if status in APPROVED_STATUSES:
        return Bucket.APPROVED
    if status in REJECTED_STATUSES:
        return Bucket.REJECTED
    return Bucket.PENDING


class Grouping(StrEnum):
    """What the overview's rows are."""

    YEAR = "year"
    KIND = "kind"
    REQUESTER = "requester"
    COUNTRY = "country"
    CITY = "city"
    ORGANISATION = "organisation"
    FORUM = "forum"
    MEETING = "meeting"
    ROLE = "role"
    PARTICIPANT = "participant"
    STATUS = "status"

    @property
    def label(self) -> str:
        return GROUPING_LABELS[self]

    @property
    def shared(self) -> bool:
        """An item's cost is shared out between its rows (per participant, per role)."""
        return self in (Grouping.ROLE, Grouping.PARTICIPANT)


GROUPING_LABELS = {
    Grouping.YEAR: "år",
    Grouping.KIND: "typ",
    Grouping.REQUESTER: "nämnd/bolag",
    Grouping.COUNTRY: "land",
    Grouping.CITY: "stad",
    Grouping.ORGANISATION: "organisation/nätverk",
    Grouping.FORUM: "beslutsinstans",
    Grouping.MEETING: "sammanträde",
    Grouping.ROLE: "förtroendevalda/tjänstepersoner",
    Grouping.PARTICIPANT: "per deltagare",
    Grouping.STATUS: "status",
}
NO_VALUE = "(ej angivet)"
NOT_ON_AGENDA = "(inte på någon föredragningslista)"
NO_PARTICIPANTS = "(inga deltagare angivna)"


@dataclass(frozen=True, slots=True)
class CostFilter:
    """Which items count: by the cost date (the event's start, else the day it came in)."""

    start: date | None = None
    end: date | None = None
    include_confidential: bool = True
    # Only this cell of the overview (drill-down): the group key and/or a kind and a year.
    kind: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Figures:
    """One cell's money, each bucket apart. Amounts in whole SEK."""

    items: int = 0
    pending: int = 0
    approved: int = 0
    rejected: int = 0
    # Actual costs, and the estimates of the same items (the difference compares like with like).
    actual_items: int = 0
    actual: int = 0
    estimate_of_actual: int = 0
    # Approved items whose actual exceeds the estimate by more than the set share.
    over_budget: int = 0

    @property
    def requested(self) -> int:
        """Everything asked for, whatever came of it (each item once)."""
        return self.pending + self.approved + self.rejected

    @property
    def difference(self) -> int:
        """Actual minus estimate, over the items that have reported an actual."""
        return self.actual - self.estimate_of_actual

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(getattr(self, name) + getattr(other, name) for name in FIGURE_FIELDS))

    def amount(self, column: Column) -> int:
        value: int = getattr(self, column.value)
        return value


FIGURE_FIELDS = (
    "items", "pending", "approved", "rejected", "actual_items", "actual",
    "estimate_of_actual", "over_budget",
)  # fmt: skip


class Column(StrEnum):
    """The money columns the overview and the reports show, in order."""

    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    ACTUAL = "actual"
    DIFFERENCE = "difference"

    @property
    def label(self) -> str:
        return COLUMN_LABELS[self]


COLUMN_LABELS = {
    Column.REQUESTED: "Begärt",
    Column.APPROVED: "Tillstyrkt/beslutat",
    Column.REJECTED: "Avstyrkt/avskrivet",
    Column.ACTUAL: "Utfall",
    Column.DIFFERENCE: "Avvikelse",
}


@dataclass(frozen=True, slots=True)
class CostRow:
    key: str
    label: str
    figures: Figures


@dataclass(frozen=True, slots=True)
class YearKind:
    """One cell of the year × kind table."""

    year: int
    kind: str
    bucket: Bucket
    figures: Figures


@dataclass(frozen=True, slots=True)
class Commitment:
    """One item among the largest commitments."""

    id: int
    dnr: str | None
    title: str
    kind: str
    requested_by: str | None
    year: int
    status: str
    estimate: int
    actual: int | None


@dataclass(frozen=True, slots=True)
class CostReport:
    """What `report costs` writes: the rows of one grouping, the year × kind table, the
    largest commitments, and the change from the year before."""

    grouping: Grouping
    filter: CostFilter
    rows: tuple[CostRow, ...]
    total: Figures
    by_year_kind: dict[int, dict[str, Figures]] = field(default_factory=dict)
    largest: tuple[Commitment, ...] = ()
    over_share: float = 0.10
    # The latest year in the selection against the same dates a year earlier, per kind.
    year: int | None = None
    current: dict[str, Figures] = field(default_factory=dict)
    previous: dict[str, Figures] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return sorted(self.by_year_kind)

    def year_total(self, year: int) -> Figures:
        return total(self.by_year_kind.get(year, {}).values())


def total(figures: Iterable[Figures]) -> Figures:
    result = Figures()
    for one in figures:
        result = result + one
    return result


def one_year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def signed_amount(amount: int) -> str:
    """+12 000 kr / −3 000 kr / 0 kr: a difference reads with its sign."""
    text = f"{abs(amount):,}".replace(",", "\u00a0") + "\u00a0kr"
    return ("+" if amount > 0 else "\u2212" if amount < 0 else "") + text


def over_budget(estimate: int, actual: int | None, share: float) -> bool:
    """An actual above the estimate by more than `share` (0.10 = 10 %)."""
    return actual is not None and actual > estimate * (1 + share)
