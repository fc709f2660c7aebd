"""Where ib-tui keeps its files: the platform's user data dir, or $IB_TUI_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "IB_TUI_DATA_DIR"
_notices: list[str] = []


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    path = Path(override) if override else Path(platformdirs.user_data_dir("ib-tui", False))
    if path.is_dir():
        note(tighten(path, 0o700))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def tighten(path: Path, mode: int = 0o600) -> str | None:
    """Removes group and world access from an existing file or dir; a notice if it had any."""
    try:
        current = path.stat().st_mode & 0o777
    except OSError:
        return None
    if not current & 0o077:
        return None
    try:
        os.chmod(path, current & mode)
    except OSError as error:  # not ours, or a read-only file system: say so, don't fail
        return f"{path} kan läsas av andra (behörighet {current:o}) och kunde inte ändras: {error}"
    return (
        f"{path} kunde läsas av andra (behörighet {current:o}); nu kommer bara du åt den "
        f"({current & mode:o})"
    )


def note(notice: str | None) -> None:
    """Keeps a notice about the user's files (permissions tightened) to show them once."""
    if notice and notice not in _notices:
        _notices.append(notice)


def take_notices() -> list[str]:
    taken = list(_notices)
    _notices.clear()
    return taken


def default_db_path() -> Path:
    return data_dir() / "ib.db"


def log_path() -> Path:
    return data_dir() / "ib-tui.log"
