"""Fixtures shared by the workflow tests (tests/workflows/)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tthc.workflows import _io_json, _rules


@pytest.fixture(autouse=True)
def _rules_read_in_each_test() -> Iterator[None]:
    """Read the bundled rule data and examples again in each test (issue 17, item 5).

    ``_rules.rules`` and ``_io_json._example`` are cached per process; mutmut runs each test in a
    process forked after they were filled by the code before the mutation, which hid every
    mutation of the readers.
    """
    _rules.rules.cache_clear()
    _io_json._example.cache_clear()
    yield
    _rules.rules.cache_clear()
    _io_json._example.cache_clear()
