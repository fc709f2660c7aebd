"""One error hierarchy: every exception class ib-tui defines derives from IbTuiError, so the UI
and the CLI can catch the project's errors without importing the store or the policy."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import ib_tui
from ib_tui.cli import main
from ib_tui.errors import IbTuiError, InvalidInput, ItemNotFound, NotFound, StoreError


def _project_modules() -> list[str]:
    names = [module.name for module in pkgutil.walk_packages(ib_tui.__path__, "ib_tui.")]
    # ui pulls in Textual; it is scanned too: its errors must be the project's as well.
    return [name for name in names if not name.endswith("__main__")]


def test_every_project_exception_derives_from_ib_tui_error() -> None:
    strays = []
    for name in _project_modules():
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not issubclass(value, IbTuiError)
            ):
                strays.append(f"{name}.{attribute}")
    assert strays == []


def test_the_old_names_stay_importable_and_keep_their_builtin_bases() -> None:
    from ib_tui.domain.dates import DateError
    from ib_tui.policy import SettingError
    from ib_tui.services import InvalidFile, MeetingError
    from ib_tui.store import SchemaTooNewError, StoreBusy, VersionConflict
    from ib_tui.store.meetings import MeetingNotFound

    assert issubclass(DateError, InvalidInput) and issubclass(DateError, ValueError)
    assert issubclass(SettingError, ValueError) and issubclass(MeetingError, ValueError)
    assert issubclass(InvalidFile, InvalidInput)
    assert issubclass(MeetingNotFound, NotFound) and issubclass(MeetingNotFound, LookupError)
    assert issubclass(StoreBusy, StoreError) and issubclass(SchemaTooNewError, StoreError)
    assert issubclass(VersionConflict, IbTuiError)


def test_a_not_found_error_speaks_swedish() -> None:
    assert str(ItemNotFound(42)) == "inget ärende med id eller dnr 42"


def test_an_invalid_input_error_anywhere_in_a_command_exits_2(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "ib.db"
    assert main(["meetings", "add", "2026-12-09", "--db", str(database)]) == 0
    capsys.readouterr()
    # No meeting that day: the services' MeetingError reaches main as an InvalidInput.
    assert main(["export", "agenda", "2026-12-10", "--db", str(database)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ib-tui: ") and "oväntat" not in err
