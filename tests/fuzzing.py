"""Shared machinery of the fuzz tests (``test_*_bad_input.py``): a plain module, not a test file.

The contract (issue 8, docs/quality.md): whatever text, file or argument list arrives, tthc
returns a valid result or raises one of the documented :mod:`tthc.errors` classes, never
another exception and never a hang. Each target runs a bounded number of hypothesis examples
(``TTHC_FUZZ_EXAMPLES``, default 200; CLI ``TTHC_FUZZ_CLI_EXAMPLES``, default 100) so that CI
stays fast. Run with ``-s`` to print, per target, the number of cases run, the largest input and
the slowest call; set ``TTHC_FUZZ_REPORT`` to a path to get the same figures as JSON.

A fuzz test module uses it so::

    from fuzzing import (
        FUZZ,
        contract,
        fuzz_report,  # noqa: F401 - autouse: the fuzz report
    )

``fuzz_report`` is a session-scoped autouse fixture: however many modules import it, the table
is printed and written once, after the last test of the session.

Seeds are real: the processing-time wordings of tests/data/processing_time_shapes.json (quoted
from the national Public Service Portal, see its ``_source``), the bundled catalogue, calendar
data files and workflow examples.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tthc.errors import TthcError, all_error_codes

DATA = Path(__file__).parent / "data"
EXAMPLES = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "200"))
CLI_EXAMPLES = int(os.environ.get("TTHC_FUZZ_CLI_EXAMPLES", "100"))
#: A single call taking longer than this is treated as a hang.
SLOW_CALL_SECONDS = 5.0

FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

# --- bookkeeping: cases run, largest input and slowest call per target ----------------------------

#: target -> {"cases", "largest", "slowest"}, filled by :func:`contract` across all modules.
STATS: dict[str, dict[str, float]] = {}
_REPORTED: list[bool] = []


def _print_and_write_report() -> None:
    if _REPORTED or not STATS:
        return
    _REPORTED.append(True)
    lines = [f"{'target':<28} {'cases':>7} {'largest input':>14} {'slowest call':>13}"]
    for target, row in sorted(STATS.items()):
        lines.append(
            f"{target:<28} {int(row['cases']):>7} {int(row['largest']):>14,} "
            f"{row['slowest']:>12.3f}s"
        )
    print("\n" + "\n".join(lines))
    report = os.environ.get("TTHC_FUZZ_REPORT")
    if report:
        Path(report).write_text(json.dumps(STATS, indent=1), encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def fuzz_report() -> Iterator[None]:
    """Print (with ``-s``) and write (``$TTHC_FUZZ_REPORT``) the per-target table at the end.

    Each module that imports this fixture gets its own definition of it; all of them are torn
    down when the session ends, and the first one to be torn down reports for all of them.
    """
    yield
    _print_and_write_report()


def contract(target: str, size: int, call: Callable[[], Any]) -> Any:
    """Run ``call``; return its result, or None when it raised a documented tthc error.

    Any other exception propagates (and fails the test); a call slower than
    :data:`SLOW_CALL_SECONDS` fails the test as a hang.
    """
    row = STATS.setdefault(target, {"cases": 0, "largest": 0, "slowest": 0.0})
    row["cases"] += 1
    row["largest"] = max(row["largest"], size)
    start = time.perf_counter()
    caught: TthcError | None = None
    try:
        return call()
    except TthcError as err:
        caught = err
        return None
    finally:
        if caught is not None:
            # a documented class with a stable code, and a message that is text
            assert type(caught).code in all_error_codes(), type(caught)
            assert str(caught)
        elapsed = time.perf_counter() - start
        row["slowest"] = max(row["slowest"], elapsed)
        assert elapsed < SLOW_CALL_SECONDS, f"{target}: one call took {elapsed:.2f} s"


# --- shared strategies and seeds ------------------------------------------------------------------

#: The real processing-time wordings (tests/data/processing_time_shapes.json).
SHAPES: list[str] = [
    item["text"]
    for item in json.loads((DATA / "processing_time_shapes.json").read_text(encoding="utf-8"))[
        "texts"
    ]
]

JSON_SCALARS = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
)
#: Any JSON value, small.
JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
#: Cells of calendar-like data: impossible and extreme dates, known kinds, blanks, any text.
CELL = st.sampled_from(
    [
        "2026-02-30",
        "2026-01-03",
        "2026-01-01",
        "9999-12-31",
        "0001-01-01",
        "public_holiday",
        "make_up_working_day",
        "official",
        "",
        " ",
        "x",
    ]
) | st.text(max_size=12)


def json_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Yield the path (keys and indexes) of every value inside ``value``, itself first."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from json_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_paths(item, (*prefix, index))


@st.composite
def mutated_json(
    draw: st.DrawFn,
    seed: Any,
    values: st.SearchStrategy[Any],
    paths: list[tuple[Any, ...]] | None = None,
) -> str:
    """Return ``seed`` as JSON text after one to three edits: a key dropped or a value replaced.

    Args:
        draw: Hypothesis's draw function.
        seed: A JSON value (not changed).
        values: What a replaced value is drawn from.
        paths: The paths of ``seed`` (computed when not given).
    """
    data = json.loads(json.dumps(seed))
    paths = [p for p in json_paths(data) if p] if paths is None else paths
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(paths))
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if draw(st.booleans()) and isinstance(parent, dict):
                parent.pop(path[-1], None)
            else:
                parent[path[-1]] = draw(values)
        except (KeyError, IndexError, TypeError):
            continue
    return json.dumps(data, ensure_ascii=False)


def write_csv_rows(buffer: Any, rows: Any, **options: Any) -> None:
    """``csv.writer(buffer, **options).writerows(rows)`` on every supported Python.

    Python 3.10's ``csv`` cannot write a NUL character without an escape character (3.11 can);
    there a generated NUL becomes U+FFFD, which the readers treat as any other character.
    """
    if sys.version_info < (3, 11):
        rows = [
            [cell.replace("\x00", "\ufffd") if isinstance(cell, str) else cell for cell in row]
            for row in rows
        ]
    csv.writer(buffer, **options).writerows(rows)
