"""The command line given random argument lists and hostile files (issue 8).

Fuzz contract (tests/fuzzing.py): whatever argument list arrives, ``tthc.cli.main(argv)`` ends
with exit code 0, 1 or 2 (argparse's ``SystemExit`` included), or raises a documented tthc error,
within 5 s; ``TTHC_FUZZ_CLI_EXAMPLES`` (default 100) argument lists per run. The files it may be
given: a workflow CSV of the bundled examples, a dossier-count CSV, a JSON file nested too deeply,
a missing path and a directory.
"""

from __future__ import annotations

import contextlib
import io
import os
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzzing import (
    CLI_EXAMPLES,
    contract,
    fuzz_report,  # noqa: F401 - autouse: the fuzz report
)
from tthc import workflows
from tthc.cli import main as cli_main


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("tthc-fuzz-cli")


_SAFE_TEXT = st.text(
    alphabet=string.ascii_letters + string.digits + "-:./ ,;=ăđêôơưạầ", max_size=12
)
_VALUES = (
    st.sampled_from(
        [
            "2026",
            "2026-04-29",
            "2026-04-29 10:00",
            "2026-04-29T10:00+09:00",
            "1900-01-01",
            "2026-02-30",
            "05 ngày làm việc",
            "trong ngày",
            "1.001193",
            "31135",
            "Ninh Kiều",
            "0",
            "-1",
            "99999",
            "12",
            "0.85",
            "2026-01",
            "2026-12",
            "x=y",
            "plan_scope=multi_commune",
            "",
        ]
    )
    | _SAFE_TEXT
)
_TOKENS = st.sampled_from(
    [
        "calendar",
        "workdays",
        "deadline",
        "authority",
        "unit",
        "workflow",
        "workload",
        "check",
        "diagram",
        "plan",
        "--json",
        "--strict",
        "--csv",
        "--accepted",
        "--time",
        "--unit",
        "--on",
        "--fact",
        "--province",
        "--from",
        "--to",
        "--effort",
        "--annual-leave",
        "--utilisation",
        "--max-wait",
        "--max-wait-probability",
        "--in-person-share",
        "--top",
        "--no-field-defaults",
        "--max-bytes",
        "--unit-kind",
        "-h",
        "--version",
        "--",
        "-",
    ]
)


@pytest.fixture(scope="module")
def cli_files(fuzz_dir: Path) -> list[str]:
    wf = fuzz_dir / "wf.csv"
    wf.write_text(workflows.to_csv(workflows.examples()), encoding="utf-8")
    counts = fuzz_dir / "counts.csv"
    counts.write_text(
        "unit_code,procedure_code,month,count\n31135,1.001193,2026-03,40\n", encoding="utf-8"
    )
    bad = fuzz_dir / "bad.json"
    bad.write_text("[" * 5_000, encoding="utf-8")
    return [str(wf), str(counts), str(bad), str(fuzz_dir / "missing.csv"), str(fuzz_dir)]


@contextlib.contextmanager
def _quiet_in(directory: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(directory)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        os.chdir(old)


@settings(
    max_examples=CLI_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(data=st.data())
def test_cli_random_argv(fuzz_dir: Path, cli_files: list[str], data: st.DataObject) -> None:
    head = data.draw(
        st.sampled_from(
            [
                "calendar",
                "workdays",
                "deadline",
                "authority",
                "unit",
                "workflow",
                "workload",
                "--json",
                "x",
            ]
        )
    )
    rest = data.draw(st.lists(_TOKENS | _VALUES | st.sampled_from(cli_files), max_size=8))
    argv = [head, *rest]

    def run() -> int:
        with _quiet_in(fuzz_dir):
            try:
                return cli_main(argv)
            except SystemExit as exc:  # argparse: --help/--version exit 0, usage errors exit 2
                return int(exc.code or 0)

    code = contract("cli.main(argv)", sum(len(a) for a in argv), run)
    assert code in (0, 1, 2), (argv, code)
