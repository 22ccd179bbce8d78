"""The built wheel contains the data files and works in a fresh virtual environment.

This catches what an editable install hides: a data file left out of the wheel, a dependency
missing from ``pyproject.toml``. It builds and installs for real, so it takes some seconds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("tthc-*.whl")
    return built


def test_wheel_contains_data_and_typing_marker(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "tthc/py.typed" in names
    assert "tthc/data/calendar/vn_public_sector_days.csv" in names
    assert "tthc/data/calendar/calendar.json" in names
    data_dirs = {Path(n).parts[2] for n in names if n.startswith("tthc/data/") and "/" in n[10:]}
    source_dirs = {p.name for p in (ROOT / "src/tthc/data").iterdir() if p.is_dir()}
    assert source_dirs <= data_dirs
    assert not any("__pycache__" in n for n in names)


def test_fresh_virtualenv_runs_cli_and_import(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Run outside the source tree so that only the installed package can be imported.
    result = subprocess.run(
        [str(bindir / "tthc"), "calendar", "2026", "--json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(result.stdout)["working_days"] == 249
    smoke = (
        "import datetime as dt, tthc; "
        "cal = tthc.civil_service_calendar(); "
        "print(cal.add_working_days(dt.date(2026, 4, 29), 5), tthc.__file__)"
    )
    out = subprocess.run(
        [str(python), "-c", smoke], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout
    assert out.startswith("2026-05-08 ")
    assert str(env_dir) in out
