"""Private argument checks shared by every module (never part of the public surface)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

from tthc._time import VN_TZ
from tthc.errors import (
    CalendarRangeError,
    InputTypeError,
    NaiveDatetimeError,
)


def require_date(value: object, name: str) -> _dt.date:
    """Return ``value`` if it is a ``date`` and not a ``datetime``; raise otherwise.

    ``datetime`` is a subclass of ``date``: silently accepting it would drop the time of day,
    which matters for cut-offs, so it is refused explicitly.
    """
    if type(value) is _dt.date:
        return value
    if isinstance(value, _dt.datetime):
        raise InputTypeError(
            f"Ngày (date): {name} must be a datetime.date, got a datetime ({value.isoformat()})",
            hint="pass value.date() if the time of day does not matter",
            argument=name,
            got="datetime",
        )
    if isinstance(value, _dt.date):
        return value
    raise InputTypeError(
        f"Ngày (date): {name} must be a datetime.date, got {type(value).__name__}",
        hint="convert strings with datetime.date.fromisoformat('YYYY-MM-DD')",
        argument=name,
        got=type(value).__name__,
    )


def require_aware(value: object, name: str) -> _dt.datetime:
    """Return ``value`` if it is a time-zone aware ``datetime``; raise otherwise."""
    if not isinstance(value, _dt.datetime):
        raise InputTypeError(
            f"Thời điểm (instant): {name} must be a datetime.datetime, got {type(value).__name__}",
            hint="pass an aware datetime, e.g. datetime(2026, 4, 29, 10, 0, tzinfo=tthc.VN_TZ)",
            argument=name,
            got=type(value).__name__,
        )
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDatetimeError(
            f"Thời điểm không có múi giờ (naive datetime): {name}={value.isoformat()} has no time "
            "zone, and the time of day matters here",
            hint="attach the zone: value.replace(tzinfo=tthc.VN_TZ) for Vietnam time (UTC+7)",
            argument=name,
        )
    return value


def to_vietnam_time(value: object, name: str) -> _dt.datetime:
    """Return the aware ``value`` converted to Vietnam time (UTC+7).

    Raises:
        CalendarRangeError: at the edges of ``datetime``, the instant lies in year 0 or 10000
            in Vietnam time.
    """
    value = require_aware(value, name)
    try:
        return value.astimezone(VN_TZ)
    except OverflowError:
        raise CalendarRangeError(
            f"Thời điểm (instant): {name}={value.isoformat()} falls outside years 1–9999 "
            "in Vietnam time (UTC+7), where tthc counts dates",
            hint="pass an instant inside the calendar's range",
            argument=name,
        ) from None


def require_int(value: object, name: str) -> int:
    """Return ``value`` if it is an ``int`` (``bool`` refused); raise ``InputTypeError``."""
    if type(value) is int:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    raise InputTypeError(
        f"Số (number): {name} must be an integer, got {type(value).__name__}",
        argument=name,
        got=type(value).__name__,
    )


def instance_of(kind: type | tuple[type, ...], what: str) -> Callable[[Any, Any, Any], None]:
    """An attrs validator like ``attrs.validators.instance_of`` that raises ``InputTypeError``.

    Args:
        kind: The accepted type or types.
        what: The Vietnamese term (English meaning) that starts the message.
    """
    names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))

    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind):
            raise InputTypeError(
                f"{what}: {attribute.name} must be a {names}, got {type(value).__name__}",
                argument=attribute.name,
                got=type(value).__name__,
            )

    return check


def sql_identifier(name: str) -> str:
    """Return ``name`` if it is a plain SQL identifier (ASCII letter, then letters, digits, _).

    Raises:
        InputTypeError: Anything else, so that a name never carries SQL into a statement.
    """
    plain = isinstance(name, str) and name.isascii() and name[:1].isalpha()
    if not plain or not name.replace("_", "").isalnum():
        raise InputTypeError(
            f"Tên bảng (table name) {name!r}: use ASCII letters, digits and '_', starting with a "
            "letter",
            argument="table",
        )
    return name
