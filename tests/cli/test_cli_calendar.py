"""``tthc calendar`` and ``tthc workdays``."""

from __future__ import annotations

import json
import runpy
import subprocess
import sys

import pytest

from tthc.cli import main


def test_calendar_2026_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026"]) == 0
    out = capsys.readouterr().out
    assert "249" in out
    assert "12729/VPCP-KGVX" in out
    assert "Ngày Chiến thắng" in out


def test_calendar_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["working_days"] == 249
    assert not data["provisional"]
    dates = {day["date"]: day for day in data["days"]}
    assert dates["2026-01-10"]["is_working_day"] is True
    assert dates["2026-01-02"]["legal_ref"]["document"] == "12729/VPCP-KGVX"


def test_calendar_projected_and_strict(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["calendar", "2028", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["provisional"] is True
    assert main(["calendar", "2028", "--strict"]) == 2
    assert capsys.readouterr().err.startswith("error[calendar.provisional]:")


def test_workdays(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["workdays", "2026-04-29", "2026-05-08"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 ngày làm việc")
    assert "30/04/2026 — Ngày Chiến thắng (30/4)" in out
    assert main(["workdays", "29/04/2026", "08/05/2026", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["working_days"] == 5
    assert [d["date"] for d in data["skipped"]][:2] == ["2026-04-30", "2026-05-01"]


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["workdays", "2026-13-01", "2026-05-08"], "input.wrong_type"),
        (["workdays", "2026-04-29", "2040-01-01"], "calendar.out_of_range"),
        (["calendar", "1990"], "calendar.out_of_range"),
    ],
)
def test_bad_input_one_line_and_exit_2(
    argv: list[str], code: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error[{code}]:")
    assert err.count("\n") == 1


def test_usage_error_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["calendar", "abc"])
    assert info.value.code == 2
    assert "error[cli.usage]:" in capsys.readouterr().err


def test_no_command_prints_the_overview(capsys: pytest.CaptureFixture[str]) -> None:
    # issue 21: `tthc` alone is a question, not a misuse: a short overview and exit 0
    assert main([]) == 0
    out = capsys.readouterr().out
    assert "Lệnh / commands:" in out
    assert "calendar" in out
    assert "usage:" not in out


def test_entry_point_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tthc", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.startswith("tthc ")


@pytest.mark.parametrize("module", ["tthc", "tthc.cli"])
def test_module_entry_points(
    module: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `python -m tthc` and `python -m tthc.cli` run the same command line.
    monkeypatch.setattr(sys, "argv", [module, "--version"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module(module, run_name="__main__")
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("tthc ")
