"""Dossiers and their files on hostile input (issue 17, item 3): a tthc error, never a crash.

Instants that cannot be expressed in Vietnam time (where a dossier's dates are counted), JSON
numbers of thousands of digits or of absurd magnitude, ``NaN``, and files that are pipes or
devices are refused with a tthc error and, for stored documents, the path of the field.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pytest

from tthc import serde
from tthc._data import MAX_INT_DIGITS, parse_json, read_json, read_source
from tthc._time import VN_TZ
from tthc.calendar import _serde as calendar_serde
from tthc.deadlines import Duration
from tthc.dossiers import Actor, ActorRole, Channel, Dossier, DossierEvent, EventKind
from tthc.errors import CalendarRangeError, DataFileError, SerializationError

CODE = "H29.55-260309-0007"


@pytest.fixture(autouse=True)
def _fresh_converter() -> None:
    """Build the converter and the calendar storage caches anew for each test.

    They are built once per process; mutation testing runs each test in a process where they
    were built already, by the code before the mutation, which would hide the mutation.
    """
    serde.converter.cache_clear()
    calendar_serde.stored.cache_clear()
    calendar_serde.rebuilt.cache_clear()


ONE_STOP = Actor(ActorRole.ONE_STOP, "Bộ phận Một cửa xã Đắk Hà")
LAST = dt.datetime.max.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # year 10000 at +7
FIRST = dt.datetime.min.replace(tzinfo=dt.timezone(dt.timedelta(hours=14)))  # year 0 at +7


def _dossier() -> Dossier:
    return Dossier(
        CODE, "1.001193", Channel.COUNTER, ONE_STOP.unit, "UBND xã Đắk Hà", Duration.working_days(5)
    )


def _accepted() -> Dossier:
    at = dt.datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ)
    return _dossier().apply(DossierEvent(EventKind.ACCEPTED, CODE, at, ONE_STOP))


# --- instants outside Vietnam's years ---------------------------------------------------------


@pytest.mark.parametrize("instant", [LAST, FIRST], ids=["last", "first"])
def test_an_event_outside_vietnam_years_is_refused(instant: dt.datetime) -> None:
    with pytest.raises(CalendarRangeError, match="Vietnam time") as caught:
        DossierEvent(EventKind.ACCEPTED, CODE, instant, ONE_STOP)
    assert caught.value.context["argument"] == "at"
    # the first and last instants that can be expressed are events (the calendar refuses them)
    DossierEvent(
        EventKind.ACCEPTED,
        CODE,
        dt.datetime(9999, 12, 31, 16, 59, tzinfo=dt.timezone.utc),
        ONE_STOP,
    )


@pytest.mark.parametrize("instant", [LAST, FIRST], ids=["last", "first"])
def test_reports_outside_vietnam_years_are_refused(instant: dt.datetime) -> None:
    dossier = _accepted()
    with pytest.raises(CalendarRangeError):
        dossier.timeliness(instant)
    with pytest.raises(CalendarRangeError):
        dossier.extension_allowed(instant)
    # comparisons and lengths need no Vietnam date: they answer
    assert dossier.status_at(FIRST).value == "draft"
    assert dossier.as_of(LAST) is dossier
    assert dossier.timeline(LAST)[0].end == LAST


def test_a_stored_event_outside_vietnam_years_is_refused_at_its_path() -> None:
    data = json.loads(serde.to_json(_accepted()))
    data["events"][0]["at"] = "9999-12-31T23:59:00-05:00"
    with pytest.raises(SerializationError) as caught:
        serde.from_json(json.dumps(data), Dossier)
    assert caught.value.context["path"] == "$.events[0]"
    assert "at=9999-12-31T23:59:00-05:00" in caught.value.message


# --- numbers ----------------------------------------------------------------------------------


def test_an_integer_of_thousands_of_digits_is_refused_whatever_the_process_limit() -> None:
    text = serde.to_json(_accepted()).replace(
        '"schema_version": 1', '"schema_version": ' + "7" * 5000
    )
    with pytest.raises(SerializationError, match="number too long"):
        serde.from_json(text, Dossier)
    lifted = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        with pytest.raises(DataFileError, match=f"{MAX_INT_DIGITS:,}"):
            parse_json("[" + "9" * (MAX_INT_DIGITS + 1) + "]", "x.json")
        assert parse_json("[" + "9" * MAX_INT_DIGITS + "]", "x.json")[0] > 0
    finally:
        sys.set_int_max_str_digits(lifted)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    with pytest.raises(DataFileError, match=constant):
        parse_json(f'{{"a": {constant}}}', "x.json")


@pytest.mark.parametrize("amount", ["1e999999999", "1e-999999999", "1" * 60])
def test_a_decimal_of_absurd_magnitude_is_refused_at_its_path(amount: str) -> None:
    forwarded = _accepted().apply(
        DossierEvent(
            EventKind.FORWARDED,
            CODE,
            dt.datetime(2026, 3, 9, 10, 0, tzinfo=VN_TZ),
            ONE_STOP,
            to_unit="UBND xã Đắk Hà",
            time_allowed=Duration.working_days(1),
        )
    )
    data = json.loads(serde.to_json(forwarded))
    data["events"][1]["time_allowed"]["amount"] = amount
    with pytest.raises(SerializationError, match="out of range") as caught:
        serde.from_json(json.dumps(data), Dossier)  # was an endless computation
    assert caught.value.context["path"] == "$.events[1].time_allowed.amount"


# --- files that are not files -----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "dossier.json"
    os.mkfifo(fifo)
    for read in (read_source, read_json):
        with pytest.raises(DataFileError, match="not a regular file"):
            read(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_without_reading_it() -> None:
    with pytest.raises(DataFileError, match="not a regular file"):
        read_source("/dev/zero")
    # an open stream: the size cap stops it
    with (
        Path("/dev/zero").open("rb") as endless,
        pytest.raises(DataFileError, match="larger than"),
    ):
        read_source(endless, max_bytes=1024)
