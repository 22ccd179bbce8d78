"""The calendar and bulk benchmarks run (``--quick``), and the harness plugin is exact."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "bench"


@pytest.mark.parametrize("script", ["bench_calendar.py", "bench_bulk.py"])
def test_bench_quick(script: str, tmp_path: Path) -> None:
    pytest.importorskip("numpy")
    pytest.importorskip("pandas")
    result = subprocess.run(
        [sys.executable, str(BENCH / script), "--quick", "--json", str(tmp_path / "r.json")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "numpy" in result.stdout
    assert (tmp_path / "r.json").stat().st_size > 0
    if script == "bench_bulk.py":
        # the exact implementations agree with tthc on every row; the natural encodings do not
        assert "WRONG calendar:" in result.stdout
        assert "| tthc.bulk.add_working_days |" in result.stdout


def test_harness_plugin_is_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    np = pytest.importorskip("numpy")
    import holidays

    monkeypatch.syspath_prepend(str(BENCH))
    from tthc_plugin import make_impl

    h = holidays.country_holidays("VN", years=range(2000, 2051))
    impl = make_impl(SimpleNamespace(h=h))
    days_off, extra = set(h.keys()), set(h.weekend_workdays)

    def naive_is_work(day: dt.date) -> bool:
        return day in extra if day.weekday() >= 5 else day not in days_off

    start = dt.date(2024, 4, 20)
    for offset in range(40):
        day = start + dt.timedelta(days=offset)
        assert impl.is_work(day) == naive_is_work(day)
        expected, steps = day, 0
        while steps < 3:
            expected += dt.timedelta(days=1)
            steps += naive_is_work(expected)
        assert impl.add(day, 3) == expected
        assert impl.between(day, expected) == 3
    starts = np.array([start, dt.date(2019, 5, 3)], dtype="datetime64[D]")
    got = impl.bulk_vec(starts, np.array([3, 1]))
    assert got.tolist() == [impl.add(start, 3), dt.date(2019, 5, 4)]  # 04/05/2019: make-up day
