"""Per-database overrides of the principle settings (the defaults live in principles.toml)."""

from __future__ import annotations

import json
from typing import Any

from ib_tui.store.db import Store


class SettingsRepository:
    def __init__(self, store: Store) -> None:
        self.store = store

    def all(self) -> dict[str, Any]:
        return {
            key: json.loads(value)
            for key, value in self.store.connection.execute("SELECT key, value FROM settings")
        }

    def set(self, key: str, value: Any) -> None:
        self.store.connection.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value, ensure_ascii=False)),
        )

    def delete(self, key: str) -> None:
        self.store.connection.execute("DELETE FROM settings WHERE key = ?", (key,))
