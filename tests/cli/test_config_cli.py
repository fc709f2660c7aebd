"""Which database and name a command uses: --db, then $IB_TUI_DB, then config.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from ib_tui.cli import main
from ib_tui.config import config_path, save_value
from ib_tui.services import Services
from tests.cli.test_cli import GOOD, write


def write_config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_database_and_user_come_from_the_config(tmp_path: Path, capsys) -> None:
    configured = tmp_path / "konfig.db"
    write_config(f'database = "{configured}"\nuser = "Sekreteraren"\n')
    assert main(["import", str(write(tmp_path, GOOD))]) == 0
    services = Services.open(configured)
    item = services.items.find(GOOD[0]["dnr"])
    assert services.items.history(item.id)[0].user == "Sekreteraren"
    services.close()


def test_env_beats_the_config_and_db_beats_the_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    write_config(f'database = "{tmp_path / "konfig.db"}"\n')
    monkeypatch.setenv("IB_TUI_DB", str(tmp_path / "env.db"))
    assert main(["locate"]) == 0
    assert str(tmp_path / "env.db") in capsys.readouterr().out
    assert main(["locate", "--db", str(tmp_path / "flagga.db")]) == 0
    assert str(tmp_path / "flagga.db") in capsys.readouterr().out


def test_config_path_and_show(capsys) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(config_path())
    save_value(config_path(), "theme", "textual-light")
    assert main(["config", "show"]) == 0
    out = capsys.readouterr().out
    assert 'theme = "textual-light"' in out and "# export_dir: inte satt" in out
    assert "# ib-tui: inställningar för den här datorn" in config_path().read_text("utf-8")
