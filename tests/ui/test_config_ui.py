"""config.toml as a person meets it: the theme chosen for the projector survives a restart,
a [keys] override shows in the footer and works, a broken file says where."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ib_tui.config import ConfigError, config_path, load_config
from ib_tui.services import Services
from ib_tui.ui.app import IBApp
from ib_tui.ui.keys import check_keys
from ib_tui.ui.screens.item_form import ItemFormScreen
from tests.ui.pilot import screen_text, wait_for, wait_for_list


async def test_the_theme_persists_across_two_runs_on_one_config(demo_services: Services) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('# projektorn i Stadshuset\nuser = "Sekreteraren" # jag\n', "utf-8")
    first = IBApp(demo_services, config=load_config())
    async with first.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        assert first.theme != "textual-light"
        first.theme = "textual-light"  # what the palette's "Tema" does
        await wait_for(pilot, lambda: "textual-light" in path.read_text("utf-8"))
    text = path.read_text("utf-8")
    assert "# projektorn i Stadshuset" in text and "# jag" in text  # the user's comments stay
    assert load_config().theme == "textual-light"
    second = IBApp(demo_services, config=load_config())
    async with second.run_test(size=(120, 40)) as pilot:
        await wait_for_list(pilot)
        assert second.theme == "textual-light"


async def test_a_keys_override_changes_the_footer_and_works(demo_services: Services) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[keys]\n"item.edit" = "r"\n', "utf-8")
    config = load_config()
    check_keys(config)
    app = IBApp(demo_services, config=config)
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_for_list(pilot)
        footer = screen_text(pilot).splitlines()[-1]
        assert "r Redigera" in footer and "e Redigera" not in footer
        await pilot.press("e")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, ItemFormScreen)  # the old key no longer edits
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ItemFormScreen))


def test_an_unknown_binding_id_is_named(tmp_path: Path) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\n\n[keys]\n"item.redigera" = "r"\n', "utf-8")
    with pytest.raises(ConfigError) as caught:
        check_keys(load_config())
    message = str(caught.value)
    assert "rad 4" in message and "'item.redigera'" in message and "item.edit" in message


def test_a_broken_config_gives_its_message_and_no_config_still_starts(tmp_path: Path) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('theme = "nord"\nuser = Anna\n', "utf-8")
    env = os.environ | {"IB_TUI_CONFIG": str(path)}
    done = subprocess.run(
        [sys.executable, "-m", "ib_tui", "config", "show"],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"{path}, rad 2:" in done.stderr and "--no-config" in done.stderr
    assert "Traceback" not in done.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "ib_tui", "meetings", "list", "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert listed.returncode == 2 and "rad 2" in listed.stderr
    ignored = subprocess.run(
        [sys.executable, "-m", "ib_tui", "--no-config", "settings", "list",
         "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert ignored.returncode == 0, ignored.stderr


def test_the_tui_starts_on_defaults_with_no_config(tmp_path: Path, capsys) -> None:
    from ib_tui.cli import main

    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text("[keys\n", "utf-8")
    started = []

    def launch(services: Services, demo: bool, config) -> int:
        started.append(config)
        return 0

    assert main(["--db", str(tmp_path / "x.db")], launch_tui=launch) == 2
    assert f"{path}, rad 1" in capsys.readouterr().err and not started
    assert main(["--no-config", "--db", str(tmp_path / "x.db")], launch_tui=launch) == 0
    assert started[0].ignored and not started[0].saves
