"""Every script in examples/ runs and exits 0, so the examples can never rot."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted(
    path
    for path in ROOT.joinpath("examples").rglob("*.py")
    if 'if __name__ == "__main__":' in path.read_text(encoding="utf-8")
)
ARGS = re.compile(r"^# test-args: (.*)$", re.MULTILINE)
REQUIRES = re.compile(r"^# requires: (.*)$", re.MULTILINE)


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_runs(script: Path, tmp_path: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for line in REQUIRES.findall(text):
        for module in line.split(","):
            pytest.importorskip(module.strip())
    found = ARGS.search(text)
    args = shlex.split(found.group(1).replace("{tmp}", str(tmp_path))) if found else []
    result = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), "an example must print what it shows"
