"""Atheris harness: ``tthc.deadlines.parse_processing_time`` on arbitrary text.

Run: ``python fuzz/fuzz_parse_time.py -atheris_runs=100000`` (``pip install atheris``).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _common import atheris, guarded, run

if atheris is not None:
    with atheris.instrument_imports():
        from tthc.deadlines import parse_processing_time
else:  # pragma: no cover
    from tthc.deadlines import parse_processing_time


def test_one_input(data: bytes) -> None:
    """Feed one fuzzer input to the target."""
    text = data.decode("utf-8", "replace")
    guarded(lambda: parse_processing_time(text))


if __name__ == "__main__":
    run(test_one_input)
