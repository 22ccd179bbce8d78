"""The first calendar's cold start (issue 20, item 5): what it loads, and its fast paths.

``import tthc.calendar; civil_service_calendar()`` does not load what building the calendar does
not need (``tthc.formatting``, the ``WorkdayIndex`` class); each of these loads on first use
and is the same object as before. The shortcuts taken on the way give exactly the answers of
the paths they replace: ``YYYY-MM-DD`` checked without a regular expression, UTF-8 with a byte-order mark decoded
without the ``utf-8-sig`` codec, registry citations built without ``attrs.evolve``, and registry
documents built one at a time.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import tthc.calendar
from tthc import _data, legal
from tthc.calendar import _index
from tthc.calendar import _official as _calendar_data
from tthc.errors import DataFileError
from tthc.legal import LegalRef

HEADER = ",".join(_calendar_data.OVERLAY_COLUMNS)


# --- what the first calendar loads ------------------------------------------------------------------


def test_the_first_calendar_loads_only_what_it_needs() -> None:
    code = (
        "import sys, datetime as dt, tthc.calendar\n"
        "cal = tthc.calendar.civil_service_calendar()\n"
        # Bộ luật Lao động 2019, Điều 112.1: 30/4 and 1/5 are days off (2026: Thursday, Friday)
        "assert cal.add_working_days(dt.date(2026, 4, 29), 1) == dt.date(2026, 5, 4)\n"
        "lazy = ('tthc.formatting', 'tthc.calendar._index', 'holidays')\n"
        "print(*[name in sys.modules for name in lazy])\n"
        "cal.index, cal.special_days(2026)[0].legal_ref.provision\n"
        "print(*[name in sys.modules for name in lazy[:2]])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.split()
    assert out == ["False", "False", "False", "True", "True"]


def test_workday_index_is_the_same_class_when_loaded_lazily() -> None:
    cal = tthc.calendar.civil_service_calendar()
    assert tthc.calendar.WorkdayIndex is _index.WorkdayIndex
    assert type(cal.index) is tthc.calendar.WorkdayIndex
    assert attrs.has(tthc.calendar.WorkdayIndex)
    assert "WorkdayIndex" in dir(tthc.calendar)


def test_an_unknown_calendar_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'WorkdayIndexes'"):
        tthc.calendar.WorkdayIndexes  # noqa: B018 - the access is the test


# --- the other shortcuts --------------------------------------------------------------------------

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@given(
    st.text(alphabet=st.sampled_from(list("0123456789-٣²x ")), min_size=8, max_size=12)
    | st.dates().map(dt.date.isoformat)
)
def test_iso_date_check_is_the_pattern(text: str) -> None:
    assert _calendar_data._is_iso_date(text) is bool(_ISO.fullmatch(text))


def _decoded(decode: Any, raw: bytes) -> Any:
    try:
        return decode(raw)
    except DataFileError as exc:
        return exc.message
    except UnicodeDecodeError as exc:
        return f"Tệp x.json is not UTF-8 text (byte {exc.start})"


@given(
    st.binary(max_size=12)
    | st.lists(st.sampled_from([b"\xef\xbb\xbf", b"a", "đ".encode(), b"\xff", b"\xe1\xba"])).map(
        b"".join
    )
)
def test_bundled_text_decodes_as_utf_8_sig(raw: bytes) -> None:
    assert _decoded(lambda r: _data._decode(r, "x.json", "Tệp"), raw) == _decoded(
        lambda r: r.decode("utf-8-sig"), raw
    )


def test_registry_citations_are_the_document_with_its_citation() -> None:
    # the citation is built field by field (not attrs.evolve): these are all LegalRef's fields
    assert [field.name for field in attrs.fields(LegalRef)] == [
        "document",
        "kind",
        "issuer",
        "date",
        "article",
        "url",
        "title",
        "confidence",
    ]
    for key, base in legal.documents().items():
        cited = LegalRef.from_mapping(
            {"doc": key, "article": "Điều 1", "url": "https://x.vn", "confidence": "reported"}
        )
        assert cited == attrs.evolve(
            base, article="Điều 1", url="https://x.vn", confidence="reported"
        )
        assert LegalRef.from_mapping({"doc": key}) == attrs.evolve(base, article="")


def test_registry_documents_are_built_once_and_shared() -> None:
    registry = legal.documents()
    assert all(legal.document(key) is ref for key, ref in registry.items())
    with pytest.raises(DataFileError) as caught:
        legal.document(["not", "an", "id"])  # type: ignore[arg-type]
    assert caught.value.context == {"doc": "['not', 'an', 'id']"}
