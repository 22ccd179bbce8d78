"""Private argument checks shared by every module (never part of the public surface)."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from tthc.errors import DataFileError, InputTypeError, NaiveDatetimeError, TthcError

#: Vietnam has used UTC+7 without daylight saving since 1975; a fixed offset is exact and needs no
#: tz database on the caller's machine.
VN_TZ = _dt.timezone(_dt.timedelta(hours=7), "ICT")

#: Where a too deeply nested JSON document is refused, unless the loader says otherwise.
_DEEP_DEFAULT: Mapping[str, object] = MappingProxyType({"path": "$"})


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
    text: str | bytes,
    name: str | None,
    error: type[TthcError] = DataFileError,
    *,
    what: str = "Tệp dữ liệu (data file)",
    line_key: str | None = "row",
    deep: Mapping[str, object] = _DEEP_DEFAULT,
    hint: str | None = None,
    **context: object,
) -> Any:
    """Parse JSON text, turning every way it can be unreadable into one ``error``.

    ``json.loads`` raises ``JSONDecodeError`` for bad syntax, ``UnicodeDecodeError`` for bytes
    in no JSON encoding and ``RecursionError`` for absurdly deep nesting; none may escape a
    loader. Each loader keeps its own error class and context keys through the arguments.

    Args:
        text: The JSON document (``bytes`` are decoded as ``json.loads`` does).
        name: The file's name, put after ``what`` in the message and given as
            ``context['file']``; ``None`` for text that does not come from a named file.
        error: The class raised (``DataFileError``, ``CatalogError``, ``SerializationError``...).
        what: The Vietnamese term (English meaning) the message starts with.
        line_key: The context key that carries the line of a syntax error (``None``: no key).
        deep: Context given, besides ``context``, when the nesting is too deep.
        hint: What to do about a syntax or encoding error.
        **context: Context given with every error.

    Returns:
        The parsed value.

    Raises:
        TthcError: Of class ``error``, when the text cannot be parsed.
    """
    label = what if name is None else f"{what} {name}"
    where: dict[str, object] = {} if name is None else {"file": name}
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        line = {} if line_key is None else {line_key: exc.lineno}
        raise error(
            f"{label} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
            hint=hint,
            **{**where, **line, **context},
        ) from None
    except UnicodeDecodeError as exc:
        raise error(
            f"{label} is not valid JSON: its bytes are not {exc.encoding} text "
            f"({exc.reason} at byte {exc.start})",
            hint=hint,
            **{**where, **context},
        ) from None
    except RecursionError:
        raise error(
            f"{label} is nested too deeply to be read (JSON nesting beyond Python's recursion "
            "limit)",
            hint=None,
            **{**where, **deep, **context},
        ) from None
