"""Atheris harness: ``tthc.cli.main(argv)`` with argument lists built from arbitrary bytes.

Exit codes 0, 1 and 2 (and argparse's ``SystemExit(0|2)``) are the contract; anything else is
a finding. Output is discarded; the harness runs in a temporary directory.

Run: ``python fuzz/fuzz_cli.py -atheris_runs=20000`` (``pip install atheris``).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import atheris, guarded, run

if atheris is not None:
    with atheris.instrument_imports():
        from tthc.cli import main
else:  # pragma: no cover
    from tthc.cli import main

_WORDS = [
    "calendar", "workdays", "deadline", "authority", "unit", "workflow", "workload", "check",
    "diagram", "plan", "--json", "--strict", "--accepted", "--time", "--unit", "--on", "--fact",
    "--from", "--to", "--effort", "--top", "2026", "2026-04-29", "2026-04-29 10:00",
    "05 ngày làm việc", "trong ngày", "1.001193", "31135", "Ninh Kiều", "-1", "0",
]  # fmt: skip


def _argv(data: bytes) -> list[str]:
    fdp = atheris.FuzzedDataProvider(data)
    argv: list[str] = []
    for _ in range(fdp.ConsumeIntInRange(0, 8)):
        if fdp.ConsumeBool():
            argv.append(_WORDS[fdp.ConsumeIntInRange(0, len(_WORDS) - 1)])
        else:
            argv.append(fdp.ConsumeUnicodeNoSurrogates(16))
    return argv


def test_one_input(data: bytes) -> None:
    """Feed one fuzzer input to the target."""
    argv = _argv(data)

    def call() -> None:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                code = main(argv)
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 2
        if code not in (0, 1, 2):
            raise AssertionError(f"exit code {code} for {argv!r}")

    guarded(call)


if __name__ == "__main__":
    os.chdir(tempfile.mkdtemp(prefix="tthc-atheris-cli-"))
    run(test_one_input)
