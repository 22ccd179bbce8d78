"""Issue 17: hostile sizes given to the staffing planner are refused in bounded time."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from tthc.errors import DataFileError, InputTypeError
from tthc.staffing import PlanSettings, counters_needed, erlang_b, erlang_c, read_dossier_counts

HEADER = "unit_code,unit_name,unit_kind,procedure_code,field,month,count\n"
HUGE = ("1e999999999", "1e-999999999", "9" * 5000)


def _run_cli(argv: list[str]) -> subprocess.CompletedProcess[str]:
    code = f"import sys; from tthc.cli import main; sys.exit(main({argv!r}))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )


@pytest.fixture
def counts(tmp_path: Path) -> Path:
    path = tmp_path / "counts.csv"
    path.write_text(HEADER + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2025-07,300\n")
    return path


@pytest.mark.parametrize("option", ["--utilisation", "--in-person-share", "--annual-leave"])
@pytest.mark.parametrize("value", HUGE[:2])
def test_cli_huge_exponent_is_refused(counts: Path, option: str, value: str) -> None:
    done = _run_cli(["workload", "plan", str(counts), option, value])
    assert done.returncode == 2, done.stderr
    assert "error[" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("name", ["utilisation", "in_person_share", "annual_leave_days"])
@pytest.mark.parametrize("value", HUGE)
def test_settings_huge_decimal_is_refused(name: str, value: str) -> None:
    with pytest.raises(InputTypeError) as caught:
        PlanSettings(**{name: Decimal(value)})  # type: ignore[arg-type]
    assert caught.value.context.get("argument") == name


def test_count_of_5000_digits_is_a_row_error(counts: Path, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEADER + "31120,Phường Cái Khế,phường,1.001193,hộ tịch,2025-07," + "9" * 5000)
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(path)
    assert caught.value.context.get("row") == 2
    done = _run_cli(["workload", "plan", str(path)])
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


ABSURD = (
    "erlang_b(10**16, 10.0)",
    "erlang_b(10**16, 1e16)",
    "erlang_c(10**16, 1e16 - 1)",
    "erlang_c(10**16 + 1, 1e16)",
    "mean_wait(10**16, 1e15, 5.0)",
    "counters_needed(1e16, 5.0)",
)


@pytest.mark.parametrize("call", ABSURD)
def test_erlang_absurd_sizes_are_refused(call: str) -> None:
    code = (
        "from tthc.staffing import counters_needed, erlang_b, erlang_c, mean_wait\n"
        "from tthc.errors import InputTypeError\n"
        f"try:\n    {call}\nexcept InputTypeError as err:\n    print(err.code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=20, check=False
    )
    assert done.stdout.strip() == InputTypeError.code, done.stderr


def test_erlang_large_but_sane_sizes_still_work() -> None:
    assert erlang_b(100_000, 5.0) == 0.0
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)
    assert counters_needed(3000, 5).servers > 250


def test_count_cap_in_the_api_and_in_person_column(tmp_path: Path) -> None:
    from tthc.staffing import DossierCount, Month

    with pytest.raises(InputTypeError):
        DossierCount("31120", "1.001193", Month(2025, 7), 10**9 + 1)
    assert DossierCount("31120", "1.001193", Month(2025, 7), 10**9).count == 10**9
    path = tmp_path / "in_person.csv"
    path.write_text(
        "unit_code,procedure_code,month,count,in_person\n"
        "31120,1.001193,2025-07,5,3\n"
        "31120,1.001193,2025-08,5," + "9" * 5000 + "\n"
    )
    with pytest.raises(DataFileError) as caught:
        read_dossier_counts(path)
    assert caught.value.context.get("row") == 3
