"""Shell completion and the man page come from the parser, so they cover every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ib_tui.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [name for action in build_parser()._subparsers._group_actions  # type: ignore[union-attr]
            for name in action.choices]  # fmt: skip


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_knows_every_command(shell: str, capsys) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in ("items", "serve", "export", "config", "completion"):
        assert command in script
    assert "--include-confidential" in script and "--allow-remote" in script


def test_bash_completion_is_valid_bash(tmp_path: Path, capsys) -> None:
    assert main(["completion", "bash"]) == 0
    path = tmp_path / "ib-tui.bash"
    path.write_text(capsys.readouterr().out)
    done = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_man_page_is_generated_from_the_parser() -> None:
    """Generated, not hand-written: every command has its section. (The committed
    docs/ib-tui.1 is refreshed with scripts/make_manpage.py; it is not compared here, so a new
    flag elsewhere never fails the suite.)"""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from make_manpage import manpage
    finally:
        sys.path.pop(0)
    text = manpage()
    assert text.startswith(".TH IB\\-TUI")
    for command in COMMANDS:
        assert f"\\fBib\\-tui {command}\\fR" in text, command
    assert "användning:" in text and "flaggor" in text


def test_json_on_meetings_and_settings_lists(demo_services, capsys) -> None:
    database = str(demo_services.store.path)
    assert main(["meetings", "list", "--json", "--db", database]) == 0
    meetings = json.loads(capsys.readouterr().out)["meetings"]
    assert meetings and {"date", "time", "place", "status", "items", "cost"} <= set(meetings[0])
    assert main(["settings", "list", "--json", "--db", database]) == 0
    settings = json.loads(capsys.readouterr().out)["settings"]
    assert {"key", "value", "default"} == set(settings[0])
    assert main(["locate", "--json", "--db", database]) == 0
    places = json.loads(capsys.readouterr().out)
    assert places["database"] == database and set(places) == {
        "database",
        "config",
        "export_dir",
        "log",
    }
