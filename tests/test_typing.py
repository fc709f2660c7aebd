"""mypy over the package, as configured in pyproject.toml: strict for domain, policy, exports
and services, plain elsewhere. Part of the suite, so `pytest` alone checks the types too."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_mypy_finds_no_type_errors() -> None:
    command = shutil.which("mypy") or str(Path(sys.executable).parent / "mypy")
    done = subprocess.run([command], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout
