"""docs/design.md's layering, checked by import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_layering_contracts_hold() -> None:
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: 6 kept, 0 broken." in done.stdout


def test_textual_and_sqlite_utils_stay_in_their_packages() -> None:
    """A plain scan too, so a lazy import inside a function cannot slip past."""
    for path in (ROOT / "ib_tui").rglob("*.py"):
        text = path.read_text("utf-8")
        relative = path.relative_to(ROOT).as_posix()
        # textual_serve (ib-tui serve) is a web server that starts the app in a subprocess; it
        # brings no Textual into the CLI's process, so only `textual` itself counts.
        if re.search(r"\b(import|from) textual\b(?!_)", text):
            assert relative.startswith("ib_tui/ui/"), relative
        if "sqlite_utils" in text:
            assert relative.startswith("ib_tui/store/"), relative


def test_the_ui_uses_the_services_facade_only() -> None:
    """No reaching through Services into the store or the context, and no second way for a
    worker to open the database: `Services.worker()` is the one."""
    reach = re.compile(r"services\.(store|context)\b|Services\.open\(")
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in (ROOT / "ib_tui" / "ui").rglob("*.py")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if reach.search(line)
    ]
    assert found == []
