"""Plain values of IB's world. Imports nothing of the project."""

from ib_tui.domain.dates import DateError, format_amount, format_date, parse_date
from ib_tui.domain.model import (
    COST_KEYS,
    Agreement,
    AgreementType,
    Aid,
    Costs,
    Forum,
    HistoryEntry,
    Item,
    Kind,
    Participant,
    Role,
    Status,
    Verdict,
)

__all__ = [
    "COST_KEYS",
    "Agreement",
    "AgreementType",
    "Aid",
    "Costs",
    "DateError",
    "Forum",
    "HistoryEntry",
    "Item",
    "Kind",
    "Participant",
    "Role",
    "Status",
    "Verdict",
    "format_amount",
    "format_date",
    "parse_date",
]
