"""Where ib-tui keeps its files: the platform's user data dir, or $IB_TUI_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "IB_TUI_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir("ib-tui", False))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_db_path() -> Path:
    return data_dir() / "ib.db"


def log_path() -> Path:
    return data_dir() / "ib-tui.log"
