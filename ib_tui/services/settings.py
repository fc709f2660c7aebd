"""Reading and changing the principle settings of one database."""

from __future__ import annotations

import json
from typing import Any

from ib_tui.policy import load_catalogue
from ib_tui.services.context import ServiceContext
from ib_tui.store import SettingsRepository


class SettingsService:
    def __init__(self, context: ServiceContext) -> None:
        self.context = context
        self.repository = SettingsRepository(context.store)

    def effective(self) -> dict[str, tuple[Any, Any]]:
        """key → (value in use, shipped default)."""
        defaults = load_catalogue().settings()
        current = self.context.catalogue.settings()
        return {key: (current[key], defaults[key]) for key in defaults}

    def set(self, key: str, value: Any) -> Any:
        """Validates against the default's type (raises SettingError) and stores it."""
        coerced = load_catalogue().with_settings({key: value}).setting(key)
        with self.context.store.transaction():
            before = self.repository.all().get(key)
            self.repository.set(key, coerced)
            self.context.audit(
                "setting", "set", entity_id=key, old_value=_json(before), new_value=_json(coerced)
            )
        self.context.settings_changed()
        return coerced

    def reset(self, key: str) -> None:
        load_catalogue().setting(key)  # raises SettingError for an unknown key
        with self.context.store.transaction():
            before = self.repository.all().get(key)
            self.repository.delete(key)
            self.context.audit("setting", "reset", entity_id=key, old_value=_json(before))
        self.context.settings_changed()


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
