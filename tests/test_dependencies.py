"""constraints/lowest.txt pins every dependency at the lower bound pyproject.toml allows, so the
second run in `.ci/run` tests what a user may really install."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_REQUIREMENT = re.compile(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)")


def _lower_bounds() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    bounds = {}
    for requirement in requirements:
        match = _REQUIREMENT.match(requirement)
        assert match, f"{requirement!r} has no lower bound (>=)"
        bounds[match[1].lower()] = match[2]
    return bounds


def _pins() -> dict[str, str]:
    lines = (ROOT / "constraints" / "lowest.txt").read_text("utf-8").splitlines()
    pairs = [line.split("==") for line in lines if line.strip() and not line.startswith("#")]
    return {name.strip().lower(): version.strip() for name, version in pairs}


def _release(version: str) -> tuple[int, ...]:
    parts = [int(part) for part in version.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def test_every_dependency_is_pinned_at_its_lower_bound() -> None:
    bounds, pins = _lower_bounds(), _pins()
    assert set(pins) == set(bounds)
    assert {name: _release(pins[name]) for name in pins} == {
        name: _release(bound) for name, bound in bounds.items()
    }


def test_sqlite_utils_is_at_least_the_version_with_atomic() -> None:
    assert _release(_lower_bounds()["sqlite-utils"]) >= (4, 0, 0)
