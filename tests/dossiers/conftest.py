"""Fixtures shared by the dossier tests."""

from __future__ import annotations

from collections.abc import Iterator

import cattrs
import pytest

from tthc import serde


@pytest.fixture
def fresh() -> Iterator[cattrs.Converter]:
    """A converter built now, with the readers and hooks built by the code under test.

    The converter is cached for the process; a test of its hooks or readers builds it again,
    so that what it checks is what the code builds now (and mutation testing, which imports
    the code once, sees the mutants of the builders).
    """
    serde.converter.cache_clear()
    try:
        yield serde.converter()
    finally:
        serde.converter.cache_clear()
