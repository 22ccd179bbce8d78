"""The processing-time reader loads on first use (issue 20, item 5: ``import tthc.deadlines``).

Computing a due date from a [`Duration`][tthc.deadlines.Duration] needs none of the reader's
patterns; reading a text loads them. The names of ``tthc.deadlines._reader`` stay the same
objects either way.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tthc.deadlines import _reader
from tthc.deadlines._reader import _portal, _read


def test_computing_a_due_date_does_not_load_the_reader() -> None:
    code = (
        "import sys, datetime as dt\n"
        "from tthc import VN_TZ\n"
        "from tthc.deadlines import Duration, compute_deadline\n"
        "d = compute_deadline(dt.datetime(2026, 4, 29, 10, tzinfo=VN_TZ), Duration.working_days(5))\n"
        "assert d.due_date == dt.date(2026, 5, 8), d.due_date\n"  # 30/4 and 1/5 are holidays
        "print('_reader._read' in ' '.join(sys.modules))\n"
        "from tthc.deadlines import parse_processing_time\n"
        "parse_processing_time('05 ngày làm việc')\n"
        "print('tthc.deadlines._reader._read' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "True"]


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("read_processing_time", _read),
        ("read_processing_time_cached", _read),
        ("PortalChannel", _portal),
        ("split_portal_methods", _portal),
    ],
)
def test_the_lazy_names_are_the_modules_own(name: str, module: object) -> None:
    assert getattr(_reader, name) is getattr(module, name)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'read_everything'"):
        _reader.read_everything  # noqa: B018 - the access is the test
