"""What the meeting use cases share: the repositories, the errors, the judgement of an item on
the agenda, the § numbering and the item's history."""

from __future__ import annotations

from dataclasses import replace

from ib_tui.domain.meeting import AgendaEntry, Meeting, PrincipleNote
from ib_tui.errors import InvalidInput
from ib_tui.services.context import ServiceContext
from ib_tui.services.items import ItemService
from ib_tui.store import ItemRepository
from ib_tui.store.meetings import MeetingNotFound, MeetingRepository


class MeetingError(InvalidInput):
    """A meeting use case that cannot be done as asked; the message is Swedish."""


class SeriesInputError(MeetingError):
    """A series request with a bad field; `field` names it for the form."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class MeetingUseCases:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = MeetingRepository(context.store)
        self.items = ItemRepository(context.store)
        self.judge = ItemService(context).judge  # the principle panel's own judgement

    def _judged(self, entry: AgendaEntry) -> AgendaEntry:
        if entry.item is None:
            return entry
        judgement = self.judge(entry.item)
        notes = tuple(PrincipleNote(a.verdict, a.title) for a in judgement.assessments)
        return replace(entry, principles=notes, forum=judgement.forum)

    def _number_paragraphs(self, meeting: Meeting, *, store: bool) -> list[AgendaEntry]:
        """§ numbers run through the calendar year: entries without one continue from the
        highest number given so far this year."""
        agenda = self.repository.agenda
        entries = agenda.entries(self._id(meeting))
        given = [entry.paragraph for entry in entries if entry.paragraph]
        following = max(given, default=agenda.last_paragraph(meeting.day.year, meeting.day))
        numbered, new = [], {}
        for entry in entries:
            if entry.paragraph is None:
                following += 1
                new[entry.id] = following
                entry = replace(entry, paragraph=following)
            numbered.append(entry)
        if store and new:
            agenda.set_paragraphs(new)  # type: ignore[arg-type]
        return numbered

    def _log(self, item_id: int, action: str, **values: str | None) -> None:
        self.items.log(
            item_id, user=self.context.user, at=self.context.now(), action=action, **values
        )

    def _audit(self, entity: str, action: str, **fields: object) -> None:
        """The trail for a change to a meeting, its agenda, attendance or members."""
        self.context.audit(entity, action, **fields)

    @staticmethod
    def _id(meeting: Meeting) -> int:
        if meeting.id is None:
            raise MeetingNotFound(meeting.day)
        return meeting.id
