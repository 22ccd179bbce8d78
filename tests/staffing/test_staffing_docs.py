"""The staffing example scripts and the guide page (docs/guide/workload.md) run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tthc.staffing import read_dossier_counts, read_efforts

ROOT = Path(__file__).resolve().parents[2]


def test_example_scripts_run_small(tmp_path: Path) -> None:
    script = ROOT / "examples" / "workload_plan.py"
    result = subprocess.run(
        [sys.executable, str(script), "--communes", "8", "--top", "3"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Kế hoạch nhân lực / staff plan: 07/2025 – 06/2026 (12 tháng / months), 8 đơn vị" in (
        result.stdout
    )
    assert result.stdout.count("⚑") == 3 + 1  # three rows and the heading
    generator = ROOT / "examples" / "workload" / "generate_can_tho.py"
    outputs = []
    for folder in ("a", "b"):
        done = subprocess.run(
            [sys.executable, str(generator), str(tmp_path / folder), "--communes", "5"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.append((tmp_path / folder / "dossiers.csv").read_bytes())
    assert outputs[0] == outputs[1]  # seeded: reproducible
    rows = read_dossier_counts(tmp_path / "a" / "dossiers.csv")
    assert {r.unit_kind for r in rows} == {"phường", "xã"}
    assert read_efforts(tmp_path / "a" / "efforts.csv").lookup("1.001193").total_minutes == 37


def test_docs_page_runs() -> None:
    page = ROOT / "docs" / "guide" / "workload.md"
    blocks = re.findall(r"^```python[^\n]*\n(.*?)^```\s*$", page.read_text("utf-8"), re.S | re.M)
    assert blocks
    namespace: dict[str, object] = {"__name__": "docs:workload"}
    for number, block in enumerate(blocks, start=1):
        exec(compile(block, f"workload.md (block {number})", "exec"), namespace)
