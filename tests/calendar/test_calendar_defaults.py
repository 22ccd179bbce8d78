"""The one place that resolves the default calendar and office hours (``_defaults.resolve``)."""

from __future__ import annotations

import datetime as dt

import pytest

from tthc.calendar import OfficeHours, civil_service_calendar
from tthc.calendar._defaults import (
    DEFAULT_OFFICE_HOURS,
    resolve,
    resolve_calendar,
    resolve_office_hours,
)
from tthc.errors import InputTypeError
from tthc.legal import LegalRef

T = dt.time
# A province's storm closure (illustrative, not a legal fact).
STORM = LegalRef("01/QĐ-TEST", kind="Quyết định", issuer="Test")


def test_none_means_the_national_calendar_and_the_default_hours() -> None:
    calendar, hours = resolve(None, None)
    assert calendar is civil_service_calendar()
    assert hours is DEFAULT_OFFICE_HOURS
    assert hours == OfficeHours()
    assert hours.windows == ((T(7, 30), T(11, 30)), (T(13), T(17)))
    assert resolve_calendar(None) is civil_service_calendar()
    assert resolve_office_hours(None) is DEFAULT_OFFICE_HOURS


def test_given_values_are_returned_unchanged() -> None:
    local = civil_service_calendar().with_days_off(
        [dt.date(2026, 10, 5)], name_vi="Bão", name_en="Storm", legal_ref=STORM
    )
    strict = civil_service_calendar(strict=True)
    hours = OfficeHours(((T(7), T(11, 30)), (T(13, 30), T(17))))
    assert resolve(local, hours) == (local, hours)
    assert resolve(local, hours)[0] is local
    assert resolve(strict, None)[0] is strict
    assert resolve(None, hours)[1] is hours


def test_wrong_types_are_refused_naming_the_argument() -> None:
    with pytest.raises(InputTypeError) as info:
        resolve("national", None)  # type: ignore[arg-type]
    assert info.value.message == "Lịch làm việc (calendar): expected a WorkCalendar, got str"
    assert info.value.context == {"argument": "calendar", "got": "str"}
    assert info.value.hint == (
        "pass tthc.calendar.civil_service_calendar() or a calendar derived from it"
    )
    with pytest.raises(InputTypeError) as info:
        resolve(None, ((T(8), T(17)),))  # type: ignore[arg-type]
    assert info.value.message == "Giờ làm việc (office hours): expected an OfficeHours, got tuple"
    assert info.value.context == {"argument": "office_hours", "got": "tuple"}
    assert info.value.hint == (
        "pass tthc.calendar.OfficeHours(...) or None for 07:30–11:30, 13:00–17:00"
    )
    # Both wrong: the calendar is named first.
    with pytest.raises(InputTypeError) as info:
        resolve(1, 2)  # type: ignore[arg-type]
    assert info.value.context["argument"] == "calendar"
