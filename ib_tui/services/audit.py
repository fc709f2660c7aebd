"""The trail beyond items: record a change, read it back, and verify the whole chain.

Every use case that changes something other than an item (settings, meetings, members,
attendance, remarks, positions, decisions, delegation decisions, restores) records it here, in
its own transaction: who, when, what before, what after. Lifting sekretess on a screen (the
projector, precedent) is recorded too: who saw what, when."""

from __future__ import annotations

from ib_tui.domain.model import Item
from ib_tui.services.context import ServiceContext
from ib_tui.store.trail import AuditEntry, AuditRepository


class AuditService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = AuditRepository(context.store.connection)

    def record(
        self,
        entity: str,
        action: str,
        *,
        entity_id: object = None,
        field: str | None = None,
        old_value: object = None,
        new_value: object = None,
        note: str | None = None,
    ) -> None:
        """One row in the trail. Call it inside the use case's own transaction, so the change
        and its record commit together (a nested call only opens a savepoint)."""
        with self.context.store.transaction():
            self.repository.record(
                entity, action, user=self.context.user, at=self.context.now(),
                entity_id=entity_id, field=field, old_value=old_value, new_value=new_value,
                note=note,
            )  # fmt: skip

    def record_reveal(self, where: str, item: Item | None = None, note: str | None = None) -> None:
        """Sekretess lifted on a screen: `where` names the screen ("projector", "precedent")."""
        self.record(
            "sekretess", "reveal", entity_id=item.id if item else None, field=where,
            new_value=item.dnr if item else None, note=note,
        )  # fmt: skip

    def entries(self, entity: str | None = None, entity_id: object = None) -> list[AuditEntry]:
        return self.repository.entries(entity, entity_id)
