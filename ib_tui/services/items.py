"""Use cases on single items: register, edit, triage (status), assess, history.

Edits and status changes are recorded in the session's journal so they can be undone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ib_tui.domain.changes import Conflict, Side
from ib_tui.domain.model import Forum, HistoryEntry, Item, Status, Verdict
from ib_tui.errors import InvalidInput
from ib_tui.policy import Assessment, assess, route, worst
from ib_tui.services.context import ServiceContext
from ib_tui.services.journal import Step, StepKind
from ib_tui.store import ItemNotFound, ItemRepository


@dataclass(frozen=True, slots=True)
class Judgement:
    """Everything the principle panel shows for one item."""

    assessments: list[Assessment]
    forum: Forum
    forum_reason: str
    forum_label: str  # the forum in words, as it applies to this item's kind

    @property
    def worst(self) -> Verdict | None:
        return worst(self.assessments)


class ReasonRequired(InvalidInput):
    """Writing an item off needs a reason on record."""


class ItemService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = ItemRepository(context.store)

    def judge(self, item: Item) -> Judgement:
        forum, reason = route(item, self.context.catalogue)
        assessments = assess(item, self.context.catalogue, self.context.today())
        return Judgement(assessments, forum, reason, forum.label_for(item.kind))

    def register(self, item: Item) -> Item:
        with self.context.store.transaction():
            item_id = self.repository.insert(item, user=self.context.user, at=self.context.now())
        return self.repository.get(item_id)

    def update(self, item: Item) -> Item:
        """Saves an edited item; raises VersionConflict if someone saved it in between."""
        assert item.id is not None
        with self.context.store.transaction():
            before = self.repository.get(item.id)
            saved = self.repository.update(item, user=self.context.user, at=self.context.now())
        if saved.version != before.version:
            self.context.journal.record(Step(StepKind.EDIT, expected=saved, target=before))
        return saved

    def conflict(self, base: Item, mine: Item, theirs: Item) -> Conflict:
        """What the conflict dialog shows when saving `mine` (edited from `base`) failed because
        `theirs` was saved meanwhile."""
        return Conflict.between(base, mine, theirs)

    def save_resolved(self, conflict: Conflict, choices: Mapping[str, Side]) -> Item:
        """Saves the stored version with the fields the user chose to keep from theirs.

        Raises VersionConflict again if the item changed once more while the dialog was open."""
        return self.update(conflict.merge(choices))

    def set_status(
        self,
        item_id: int,
        status: Status,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Item:
        if status is Status.WRITTEN_OFF and not (reason and reason.strip()):
            raise ReasonRequired("ange varför ärendet skrivs av")
        reason = reason.strip() if reason else None
        with self.context.store.transaction():
            before = self.repository.get(item_id)
            changed = self.repository.set_status(
                item_id,
                status,
                user=self.context.user,
                at=self.context.now(),
                reason=reason,
                expected_version=expected_version,
            )
        if changed.version != before.version:
            self.context.journal.record(
                Step(StepKind.STATUS, expected=changed, target=before, back_note=reason)
            )
        return changed

    def get(self, item_id: int) -> Item:
        return self.repository.get(item_id)

    def find(self, reference: str) -> Item:
        """An item by dnr (`KS 2025/123`) or by id (`42`); raises ItemNotFound."""
        reference = reference.strip()
        if reference.isdigit():
            try:
                return self.repository.get(int(reference))
            except ItemNotFound:
                pass  # a dnr may be all digits too
        item = self.repository.find_by_dnr(reference)
        if item is None:
            raise ItemNotFound(reference)
        return item

    def history(self, item_id: int) -> list[HistoryEntry]:
        return self.repository.history(item_id)

    def changes_since(self, item_id: int, version: int) -> list[HistoryEntry]:
        """Who changed what after `version` (for the conflict dialog)."""
        return self.repository.history(item_id, since_version=version)

    def status_history(self, item_id: int) -> list[HistoryEntry]:
        return [entry for entry in self.history(item_id) if entry.field == "status"]
