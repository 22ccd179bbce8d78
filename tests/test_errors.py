"""Errors carry stable codes, Vietnamese + English messages and plain-JSON context."""

from __future__ import annotations

import datetime as dt

import pytest

import tthc.errors as errors_module
from tthc.calendar import civil_service_calendar
from tthc.errors import CalendarRangeError, InputTypeError, TthcError, all_error_codes


def test_codes_are_unique_and_dotted() -> None:
    codes = all_error_codes()
    classes = [getattr(errors_module, name) for name in errors_module.__all__ if name[0].isupper()]
    assert len({cls.code for cls in classes}) == len(classes)
    for code, cls in codes.items():
        assert cls.code == code
        assert "." in code
        assert code == code.lower()


def test_every_exported_class_is_a_tthc_error() -> None:
    for name in errors_module.__all__:
        obj = getattr(errors_module, name)
        if isinstance(obj, type):
            assert issubclass(obj, TthcError)


def test_builtin_categories() -> None:
    assert issubclass(CalendarRangeError, LookupError)
    assert issubclass(InputTypeError, TypeError)


def test_to_dict_and_str() -> None:
    with pytest.raises(CalendarRangeError) as info:
        civil_service_calendar().is_working_day(dt.date(2040, 1, 1))
    err = info.value
    data = err.to_dict()
    assert data["code"] == "calendar.out_of_range"
    assert data["context"]["date"] == "2040-01-01"
    assert data["hint"]
    assert str(err).startswith("Ngày ngoài phạm vi lịch (date outside the calendar range)")
    assert "CalendarRangeError(code='calendar.out_of_range'" in repr(err)


def test_plain_context_values() -> None:
    err = TthcError("x", items=(1, "a", None), flag=True, when=dt.date(2026, 1, 1))
    assert err.to_dict()["context"] == {"items": [1, "a", None], "flag": True, "when": "2026-01-01"}
    assert str(err) == "x"


def test_errors_pickle_with_their_hint_and_context() -> None:
    import pickle

    from tthc.errors import UnknownUnit

    error = UnknownUnit("Đơn vị hành chính (administrative unit) '99999'", hint="h", unit="99999")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is UnknownUnit
    assert (copy.message, copy.hint, dict(copy.context)) == (error.message, "h", {"unit": "99999"})
