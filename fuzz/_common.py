"""Shared helpers of the atheris harnesses (run on demand, not in CI).

Each harness calls one tthc entry point with the fuzzer's bytes and lets only documented
``tthc.errors`` exceptions through; any other exception (or a call slower than 5 s) is a
finding that atheris reports with the input that caused it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

try:
    import atheris
except ImportError:  # pragma: no cover - atheris is optional (pip install atheris)
    atheris = None

import contextlib

from tthc.errors import TthcError

SLOW_CALL_SECONDS = 5.0


def guarded(call: Callable[[], Any]) -> None:
    """Run ``call``; accept a result or a TthcError, fail on anything else or on a hang."""
    start = time.perf_counter()
    with contextlib.suppress(TthcError):
        call()
    elapsed = time.perf_counter() - start
    if elapsed > SLOW_CALL_SECONDS:
        raise AssertionError(f"one call took {elapsed:.2f} s")


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Start atheris on ``test_one_input`` (exit 0 with a note when atheris is missing)."""
    if atheris is None:
        print("atheris is not installed: pip install atheris", file=sys.stderr)
        raise SystemExit(0)
    atheris.instrument_all()
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
