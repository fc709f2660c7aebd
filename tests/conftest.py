"""Shared fixtures: a private data dir per test, services over a fresh database with a fixed
clock, the demo set, and item builders that go through the real validator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ib_tui.domain.itemformat import validate_document
from ib_tui.domain.model import Item
from ib_tui.services import Services
from ib_tui.services.demo import load_demo

NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")
# Source documents the tests read, inside the repository (a lone clone must pass).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Nothing a test does may touch the user's real data dir, config file or documents."""
    path = tmp_path / "data"
    monkeypatch.setenv("IB_TUI_DATA_DIR", str(path))
    monkeypatch.setenv("IB_TUI_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("IB_TUI_EXPORT_DIR", str(path / "exporter"))
    monkeypatch.delenv("IB_TUI_DB", raising=False)
    return path


def make_item(**fields: Any) -> Item:
    """An item built from item-format fields by the real validator (kind/title defaulted)."""
    document = {"kind": "conference", "title": "Testärende"} | fields
    item, errors = validate_document(document)
    assert not errors, errors
    assert item is not None
    return item


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ib.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[Services]:
    services = Services.open(db_path, user="testare")
    services.context.clock = lambda: NOW
    yield services
    services.close()


@pytest.fixture
def demo_services(services: Services) -> Services:
    load_demo(services.context)
    return services
