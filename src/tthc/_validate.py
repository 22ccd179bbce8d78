"""Private argument checks shared by every module (never part of the public surface)."""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError

#: Vietnam has used UTC+7 without daylight saving since 1975; a fixed offset is exact and needs no
#: tz database on the caller's machine.
VN_TZ = _dt.timezone(_dt.timedelta(hours=7), "ICT")


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
    """Return the aware ``value`` converted to Vietnam time (UTC+7)."""
    return require_aware(value, name).astimezone(VN_TZ)


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


def parse_json_data(
    text: str | bytes, name: str, error: type[DataFileError] = DataFileError
) -> Any:
    """Parse a JSON data file, turning every way it can be unreadable into ``error``.

    ``json.loads`` raises ``JSONDecodeError`` for bad syntax and ``RecursionError`` for absurdly
    deep nesting; neither may escape a loader.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise error(
            f"Tệp dữ liệu (data file) {name} is not valid JSON: {err.msg} (line {err.lineno})",
            file=name,
            row=err.lineno,
        ) from None
    except RecursionError:
        raise error(
            f"Tệp dữ liệu (data file) {name}: JSON nested too deeply", file=name, path="$"
        ) from None
