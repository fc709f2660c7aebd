"""Golden files: the expected exports, kept under tests/exports/golden/.

Regenerate after an intended change with `IB_UPDATE_GOLDEN=1 pytest tests/exports`, then read
the diff before committing it."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("IB_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))  # bytes: the ics keeps its CRLF
        return
    assert path.exists(), f"{path} saknas; kör IB_UPDATE_GOLDEN=1 pytest tests/exports"
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{name} differs from its golden file (IB_UPDATE_GOLDEN=1 updates)"
