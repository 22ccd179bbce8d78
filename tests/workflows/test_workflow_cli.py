"""tthc.workflows — the command line: tthc workflow check / diagram."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from workflow_helpers import CAN_THO_WARD, HEAD, WRONG

from tthc.cli import main
from tthc.workflows import example, to_csv, to_json


@pytest.fixture
def cli() -> Any:

    return main


def test_cli_check_exit_codes(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "khai-sinh.csv"
    good.write_text(to_csv(example("ho-tich.khai-sinh")), encoding="utf-8")
    assert cli(["workflow", "check", str(good), "--unit", CAN_THO_WARD]) == 0
    out = capsys.readouterr().out
    assert "1.001193" in out
    assert "OK" in out
    assert cli(["workflow", "check", str(WRONG), "--on", "2026-03-01", "--unit", CAN_THO_WARD]) == 1
    out = capsys.readouterr().out
    assert "error[step.abolished_level] [b2]" in out
    assert "Luật Tổ chức chính quyền địa phương 72/2025/QH15" in out
    assert cli(["workflow", "check", str(WRONG), "--on", "01/03/2026", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    first = data["workflows"][0]
    assert first["on"] == "2026-03-01"
    assert any(f["code"] == "workflow.over_limit" for f in first["findings"])
    assert cli(["workflow", "check", str(good), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_cli_bad_input_exit_2(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["workflow", "check", str(tmp_path / "none.csv")]) == 2
    assert capsys.readouterr().err.startswith("error[data.invalid]:")
    bad = tmp_path / "bad.csv"
    bad.write_text(HEAD + "1.001193,v1,b1,Tiếp nhận,Một cửa,abc,,x\n", encoding="utf-8")
    assert cli(["workflow", "check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[data.invalid]:")
    assert "row 2" in err
    undated = tmp_path / "undated.csv"
    undated.write_text(
        HEAD + "1.001193,v1,b1,Tiếp nhận,Một cửa,1 giờ làm việc,,x\n", encoding="utf-8"
    )
    assert cli(["workflow", "check", str(undated)]) == 2
    assert "--on" in capsys.readouterr().err
    assert cli(["workflow", "check", str(undated), "--on", "2026-13-01"]) == 2
    assert capsys.readouterr().err.startswith("error[input.wrong_type]:")
    assert cli(["workflow", "check", str(undated), "--on", "2026-03-01"]) == 1  # no return step


def test_cli_diagram(cli: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "land.json"
    path.write_text(to_json(example("dat-dai.dang-ky-bien-dong")), encoding="utf-8")
    assert cli(["workflow", "diagram", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("%% 1.013831 tthc-mau-2026\nflowchart TD\n")
