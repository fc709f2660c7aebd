"""`ib-tui items`: the register out in the item format, back in through `import` unchanged;
sekretess left out unless asked for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ib_tui.cli import main


def by_dnr(text: str) -> list[dict]:
    return sorted(json.loads(text)["items"], key=lambda document: document.get("dnr", ""))


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_items_round_trip_through_import(demo_services, tmp_path: Path, capsys, fmt) -> None:
    database = str(demo_services.store.path)
    assert main(["items", "--db", database, "--include-confidential", f"--{fmt}"]) == 0
    exported = capsys.readouterr().out
    path = tmp_path / f"items.{fmt}"
    path.write_text(exported, "utf-8")
    copy = str(tmp_path / "kopia.db")
    assert main(["import", str(path), "--db", copy]) == 0
    capsys.readouterr()
    assert main(["items", "--db", database, "--include-confidential"]) == 0
    original = by_dnr(capsys.readouterr().out)
    assert main(["items", "--db", copy, "--include-confidential"]) == 0
    assert by_dnr(capsys.readouterr().out) == original
    assert len(original) == 56


def test_filters_and_sekretess(demo_services, capsys) -> None:
    database = str(demo_services.store.path)
    assert main(["items", "--db", database, "--search", "eurocities", "--kind", "membership"]) == 0
    out = capsys.readouterr()
    titles = [document["title"] for document in json.loads(out.out)["items"]]
    assert "Medlemskap i Eurocities" in titles  # the search reads the summary too
    assert all(document["kind"] == "membership" for document in json.loads(out.out)["items"])
    assert main(["items", "--db", database]) == 0
    out = capsys.readouterr()
    documents = json.loads(out.out)["items"]
    assert not any(document.get("confidential") for document in documents)
    assert "sekretessmarkerade ärenden utelämnades" in out.err
