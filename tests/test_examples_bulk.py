"""The Dask example runs on a small table and agrees with the scalar calendar."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "examples" / "dask_on_time_ratio.py"


@pytest.mark.parametrize("scheduler", ["local-cluster", "threads"])
def test_dask_example_small_table(scheduler: str, tmp_path: Path) -> None:
    for module in ("numpy", "pandas", "dask.dataframe", "distributed"):
        pytest.importorskip(module)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--rows", "20000", "--partitions", "4",
         "--scheduler", scheduler],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    assert "20,000 dossiers in 4 partitions" in out
    assert "scalar cross-check: 0 mismatches in 500 sampled rows" in out
    assert "on_time_ratio" in out
    for code in ("2.001610", "1.004194", "2.000693", "1.012786", "X.CALDAY"):
        assert code in out
