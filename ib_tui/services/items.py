"""Use cases on single items: register, edit, triage (status), assess, history."""

from __future__ import annotations

from dataclasses import dataclass

from ib_tui.domain.model import Forum, HistoryEntry, Item, Status, Verdict
from ib_tui.policy import Assessment, assess, route, worst
from ib_tui.services.context import ServiceContext
from ib_tui.store import ItemRepository


@dataclass(frozen=True, slots=True)
class Judgement:
    """Everything the principle panel shows for one item."""

    assessments: list[Assessment]
    forum: Forum
    forum_reason: str

    @property
    def worst(self) -> Verdict | None:
        return worst(self.assessments)


class ReasonRequired(ValueError):
    """Writing an item off needs a reason on record."""


class ItemService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = ItemRepository(context.store)

    def judge(self, item: Item) -> Judgement:
        forum, reason = route(item)
        assessments = assess(item, self.context.catalogue, self.context.today())
        return Judgement(assessments, forum, reason)

    def register(self, item: Item) -> Item:
        with self.context.store.transaction():
            item_id = self.repository.insert(item, user=self.context.user, at=self.context.now())
        return self.repository.get(item_id)

    def update(self, item: Item) -> Item:
        """Saves an edited item; raises VersionConflict if someone saved it in between."""
        with self.context.store.transaction():
            return self.repository.update(item, user=self.context.user, at=self.context.now())

    def set_status(
        self,
        item_id: int,
        status: Status,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Item:
        if status is Status.WRITTEN_OFF and not (reason and reason.strip()):
            raise ReasonRequired("ange varför ärendet skrivs av")
        with self.context.store.transaction():
            return self.repository.set_status(
                item_id,
                status,
                user=self.context.user,
                at=self.context.now(),
                reason=reason.strip() if reason else None,
                expected_version=expected_version,
            )

    def get(self, item_id: int) -> Item:
        return self.repository.get(item_id)

    def history(self, item_id: int) -> list[HistoryEntry]:
        return self.repository.history(item_id)

    def status_history(self, item_id: int) -> list[HistoryEntry]:
        return [entry for entry in self.history(item_id) if entry.field == "status"]
