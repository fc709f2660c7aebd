"""Markdown exports (agenda, minutes, notes) and the meetings calendar. Imports only
`ib_tui.domain` of the project."""

from ib_tui.exports.agenda import agenda_markdown
from ib_tui.exports.delegations import decision_record_markdown, delegation_report_markdown
from ib_tui.exports.ics import calendar_ics
from ib_tui.exports.minutes import minutes_markdown
from ib_tui.exports.notes import notes_markdown

__all__ = [
    "agenda_markdown",
    "calendar_ics",
    "decision_record_markdown",
    "delegation_report_markdown",
    "minutes_markdown",
    "notes_markdown",
]
