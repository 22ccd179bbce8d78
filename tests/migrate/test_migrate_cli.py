"""``tthc migrate addresses|codes FILE.csv --column ...`` (registered on a bare parser here)."""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import pytest

from tthc.cli import _migrate


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="tthc")
    _migrate.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def addresses(tmp_path: Path) -> Path:
    path = tmp_path / "hoso.csv"
    path.write_text(
        "ma_ho_so,dia_chi\n"
        'HS-1,"P. Tân An, Q. Ninh Kiều, TP Cần Thơ"\n'
        'HS-2,"Phường Bùi Hữu Nghĩa, Quận Bình Thủy, Thành phố Cần Thơ"\n'
        'HS-3,"Phường Ninh Kiều, Thành phố Cần Thơ"\n',
        encoding="utf-8",
    )
    return path


def test_addresses_write_the_file_and_the_report(
    addresses: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, review = tmp_path / "moi.csv", tmp_path / "review.csv"
    code = run(
        [
            "migrate",
            "addresses",
            str(addresses),
            "--column",
            "dia_chi",
            "-o",
            str(out),
            "--report",
            str(review),
        ]
    )
    assert code == 1  # one split row needs a person
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert [r["ma_ho_so"] for r in rows] == ["HS-1", "HS-2", "HS-3"]
    assert [r["status"] for r in rows] == ["whole", "split", "already_new"]
    assert rows[1]["candidates"] == "31120;31168"
    assert rows[0]["new_code"] == "31135"
    assert next(iter(csv.DictReader(review.read_text(encoding="utf-8").splitlines())))["row"] == "2"
    assert "chia tách (split: several candidate new units): 1" in capsys.readouterr().out


def test_codes_json_and_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("ma_xa\n31135\n31120\n", encoding="utf-8")
    assert (
        run(["migrate", "codes", str(path), "--column", "ma_xa", "--on", "2025-06-30", "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["whole"] == 2
    assert data["to_review"] == []
    assert data["rows"] == 2


def test_xlsx_report(addresses: Path, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    target = tmp_path / "review.xlsx"
    run(["migrate", "addresses", str(addresses), "--column", "dia_chi", "--report", str(target)])
    assert target.stat().st_size > 0


def test_errors_are_one_line_and_exit_2(
    addresses: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["migrate", "addresses", str(addresses), "--column", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[data.invalid]: ")
    assert "no column 'nope'" in err
    assert err.count("\n") == 1
    assert run(["migrate", "codes", str(tmp_path / "missing.csv"), "--column", "x"]) == 2
    assert capsys.readouterr().err.startswith("error[data.invalid]: ")
    assert run(["migrate", "codes", str(addresses), "--column", "dia_chi", "--on", "30-06"]) == 2
    assert capsys.readouterr().err.startswith("error[input.wrong_type]: ")
    target = tmp_path / "no" / "such" / "dir.csv"
    assert (
        run(["migrate", "addresses", str(addresses), "--column", "dia_chi", "-o", str(target)]) == 2
    )
    assert "cannot be written" in capsys.readouterr().err


def test_through_tthc_main(
    addresses: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import tthc.cli

    modules = tthc.cli._SUBCOMMAND_MODULES
    if "tthc.cli._migrate" not in modules:  # until the command is listed in tthc.cli
        monkeypatch.setattr(tthc.cli, "_SUBCOMMAND_MODULES", (*modules, "tthc.cli._migrate"))
    assert (
        tthc.cli.main(["migrate", "addresses", str(addresses), "--column", "dia_chi", "--json"])
        == 1
    )
    assert json.loads(capsys.readouterr().out)["counts"]["split"] == 1
    with pytest.raises(SystemExit) as caught:
        tthc.cli.main(["migrate", "addresses", str(addresses)])  # --column is required
    assert caught.value.code == 2
    assert "error[cli.usage]" in capsys.readouterr().err
