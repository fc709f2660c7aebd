"""Shared fixtures: a private data dir per test, services over a fresh database with a fixed
clock, the demo set, and item builders that go through the real validator."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from ib_tui.domain.itemformat import validate_document
from ib_tui.domain.model import Item
from ib_tui.services import Services
from ib_tui.services.demo import load_demo
from ib_tui.store.db import create_private_file

NOW = datetime.fromisoformat("2026-11-23T10:00:00+01:00")
# Source documents the tests read, inside the repository (a lone clone must pass).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


DEFAULT_WORKERS = 2  # the suite on two cores: see README "Run the tests"


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """`pytest` alone runs on two workers (it is faster: README); `-n N` chooses, and `-n 0` or
    `-p no:xdist` runs in one process. A hook rather than `-n 2` in addopts, so that
    `-p no:xdist` keeps working."""
    has_xdist = config.pluginmanager.has_plugin("xdist")
    if has_xdist and config.option.numprocesses is None and not hasattr(config, "workerinput"):
        config.option.numprocesses = DEFAULT_WORKERS


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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per test run (per xdist worker) with the fixed clock."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IB_TUI_DATA_DIR", str(path.parent / "data"))
        services = Services.open(path, user="testare")
        services.context.clock = lambda: NOW
        load_demo(services.context)
        services.close()
    return path


@pytest.fixture
def demo_services(demo_template: Path, db_path: Path) -> Iterator[Services]:
    """Services over a private copy of the demo database (each test may change its copy)."""
    create_private_file(db_path)
    source, target = sqlite3.connect(demo_template), sqlite3.connect(db_path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    services = Services.open(db_path, user="testare")
    services.context.clock = lambda: NOW
    yield services
    services.close()
